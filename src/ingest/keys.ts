// Duplicate detection keys: a canonical URL and a hash of the normalised text.
import { createHash } from "node:crypto";

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid)$/i;

/** Canonical form of an article URL: no fragment, no tracking parameters, lower-case host, no trailing slash. */
export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  u.hash = "";
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
  const keep = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  u.search = "";
  for (const [k, v] of keep) u.searchParams.append(k, v);
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  return u.toString().replace(/^http:/, "https:");
}

/** Hash of the text after folding case, accents, punctuation and whitespace: reformatted copies collide. */
export function contentHash(text: string): string {
  // split/join gives the same string as replacing runs with a space and trimming, several times faster
  const norm = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");
  return createHash("sha256").update(norm).digest("hex");
}
