// HTML article pages: @mozilla/readability over linkedom for the article body; title, outlet and
// published date from meta tags, JSON-LD and <time>; paragraphs kept.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { fail, ok, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";
import { assemble, normaliseDate, type Source } from "./text.js";

// linkedom's DOM types are its own; the few members used here are typed loosely on purpose
type Doc = ReturnType<typeof parseHTML>["document"];
type El = { tagName: string; childNodes: ArrayLike<Node>; getAttribute(n: string): string | null };
type Node = { nodeType: number; textContent: string | null; tagName?: string };

/** Less text than this after the headline is not an article (a login wall, an index page, broken markup). */
export const MIN_HTML_BODY_CHARS = 80;

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
]);
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
]);

/** Text of an element as paragraphs: every block element or <br> ends one. */
export function blockParagraphs(root: unknown): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const t = current.replace(/\s+/g, " ").trim();
    if (t) out.push(t);
    current = "";
  };
  // iterative, so a page nested thousands of levels deep cannot overflow the stack;
  // a block element is visited twice: on entry and, via the marker, on exit
  const END = Symbol("end of block");
  const stack: (Node | typeof END)[] = [root as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === END) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node.tagName ?? "").toUpperCase();
    if (SKIP.has(tag)) continue;
    if (BLOCK.has(tag)) {
      flush();
      stack.push(END);
    }
    const children = Array.from((node as unknown as El).childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return out;
}

/** Elements nested deeper than this are not a page but an attack or garbage (the parser slows steeply). */
export const MAX_NESTING = 1000;

const VOID_OR_OPTIONAL_END =
  /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|td|th|tr|dt|dd|option|tbody|thead|colgroup)$/i;

/** Nesting depth from the raw markup, before parsing: open tags minus close tags at the deepest point. */
export function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  // linear on any input: the name cannot give characters back and a tag never runs past the next "<"
  const tag = /<(\/?)([a-zA-Z][\w:-]*)(?![\w:-])([^<>]*)>/g;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    if (VOID_OR_OPTIONAL_END.test(m[2]!) || m[3]?.endsWith("/")) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Depth of the deepest element and the number of elements, walked without recursion. */
function treeShape(root: unknown): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: [Node, number][] = [[root as Node, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== 1) continue;
    elements++;
    if (d > depth) depth = d;
    for (const child of Array.from((node as unknown as El).childNodes)) stack.push([child, d + 1]);
  }
  return { depth, elements };
}

/**
 * Readability's run time grows steeply with nesting depth and element count (seconds at a few hundred
 * levels); past these limits the page is read by the plain fallback instead.
 */
export const READABILITY_MAX_DEPTH = 120;
export const READABILITY_MAX_ELEMENTS = 20_000;

function meta(document: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`) ??
      document.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return null;
}

interface JsonLdFacts {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
}

/** The article facts from application/ld+json blocks (objects, arrays and @graph); bad JSON is skipped. */
function jsonLd(document: Doc): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, datePublished: null, publisher: null };
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o["@type"] ?? []).map(String);
    if (type.some((t) => /Article|Posting|Report|WebPage/i.test(t))) {
      if (typeof o.headline === "string") facts.headline ??= o.headline.trim() || null;
      if (typeof o.datePublished === "string") facts.datePublished ??= o.datePublished;
      const pub = Array.isArray(o.publisher) ? o.publisher[0] : o.publisher;
      if (pub && typeof pub === "object" && typeof (pub as { name?: unknown }).name === "string")
        facts.publisher ??= (pub as { name: string }).name.trim() || null;
    }
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // outlets ship broken JSON-LD often enough; the other sources still count
    }
  }
  return facts;
}

/** "Strike kills 12 | Daily Planet" → "Strike kills 12" when the suffix is the site name. */
function stripSiteSuffix(title: string, outlet: string | null, onlyOutlet = false): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!.toLowerCase();
  if (outlet && (outlet.toLowerCase().includes(last) || last.includes(outlet.toLowerCase())))
    return parts.slice(0, -1).join(" - ");
  // without a known outlet, a short trailing part is most likely the site name
  return !onlyOutlet && last.split(/\s+/).length <= 3 ? parts.slice(0, -1).join(" - ") : title;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** class or id tokens of page furniture: ads, navigation, sharing, newsletters, related links, bylines. */
const FURNITURE_TOKEN =
  /^(?:ads?|adv|advert(?:isement)?s?|ad[-_].*|.*[-_]ads?|adsbygoogle|dfp|sponsor(?:ed)?|promo(?:tion)?|banner|menu|nav|navbar|navigation|breadcrumbs?|masthead|site[-_](?:header|footer|nav)|footer|cookies?|consent|newsletter|subscribe|share|sharing|social|related(?:[-_].*)?|recommended|comments?|byline|author)$/i;

/** Removes navigation, ads and other furniture so neither Readability nor the fallback reads them. */
function removeFurniture(document: Doc): void {
  for (const el of document.querySelectorAll(
    "nav, aside, form, ins, [role=navigation], [role=complementary]",
  ))
    el.remove();
  for (const el of document.querySelectorAll("[class], [id]")) {
    const tokens = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`
      .split(/\s+/)
      .filter(Boolean);
    if (tokens.some((t) => FURNITURE_TOKEN.test(t)) && el.tagName !== "BODY" && el.tagName !== "HTML")
      el.remove();
  }
}

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, " ").trim() || null;

/** Reads an HTML article page. `source.url` (when fetched) resolves the outlet when the page names none. */
export function readHtml(html: string, source: Source): Result<ArticleDraft> {
  const depth = markupDepth(html);
  if (depth > MAX_NESTING)
    return fail(
      "broken-html",
      `broken HTML: elements nested ${depth} levels deep (more than ${MAX_NESTING})`,
    );
  let document: Doc;
  try {
    ({ document } = parseHTML(html));
  } catch (e) {
    return fail("broken-html", `broken HTML: the page could not be parsed (${(e as Error).message})`);
  }
  if (!document.documentElement || !document.body)
    return fail("broken-html", "broken HTML: the page has no body with article text");
  const ld = jsonLd(document);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url");
  const outlet = clean(
    meta(document, "og:site_name", "application-name", "publisher") ??
      ld.publisher ??
      hostOf(source.url) ??
      hostOf(canonical),
  );
  const h1 = clean(
    document.querySelector("article h1")?.textContent ?? document.querySelector("h1")?.textContent,
  );
  const docTitle = clean(document.querySelector("title")?.textContent);
  const metaTitle = meta(document, "og:title", "twitter:title");
  const title = clean(
    (metaTitle && outlet ? stripSiteSuffix(metaTitle, outlet, true) : metaTitle) ??
      ld.headline ??
      h1 ??
      (docTitle ? stripSiteSuffix(docTitle, outlet) : null),
  );
  const timeEl = document.querySelector("article time[datetime]") ?? document.querySelector("time[datetime]");
  const published = normaliseDate(
    meta(
      document,
      "article:published_time",
      "og:published_time",
      "datePublished",
      "pubdate",
      "publishdate",
      "publish-date",
      "date",
      "dc.date",
      "DC.date.issued",
      "parsely-pub-date",
      "sailthru.date",
    ) ??
      ld.datePublished ??
      timeEl?.getAttribute("datetime"),
  );

  removeFurniture(document);
  let paragraphs: string[] = [];
  const shape = treeShape(document.documentElement);
  const readable = shape.depth <= READABILITY_MAX_DEPTH && shape.elements <= READABILITY_MAX_ELEMENTS;
  try {
    // Readability mutates the document; metadata has been read above
    const article = !readable
      ? null
      : new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
          charThreshold: 200,
        }).parse();
    if (article?.content)
      paragraphs = blockParagraphs(
        parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body,
      );
  } catch {
    paragraphs = [];
  }
  if (paragraphs.join(" ").length < MIN_HTML_BODY_CHARS) {
    // no article from Readability: fall back to the body without navigation, headers and footers
    // (a fresh parse only when Readability ran, since it rewrites the document it reads)
    const again = readable ? parseHTML(html).document : document;
    if (readable) removeFurniture(again);
    for (const el of again.querySelectorAll("header, footer, [aria-hidden=true]")) el.remove();
    paragraphs = again.body ? blockParagraphs(again.body) : [];
  }
  const a = assemble(paragraphs, { title, published });
  const body = a.paragraphs.filter((p) => p !== a.title).join(" ");
  if (body.length < MIN_HTML_BODY_CHARS)
    return fail(
      "broken-html",
      body.length
        ? `no article text in the HTML (only ${body.length} characters; broken markup or not an article page)`
        : "broken HTML: no readable article text in the page",
    );
  return ok({
    url: source.url,
    file: source.file,
    title: a.title,
    outlet,
    published: a.published,
    text: a.paragraphs.join("\n\n"),
  });
}
