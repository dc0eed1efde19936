// Reading one input into article drafts. (Minimal plain-text version; the foundation issue's
// readers for HTML, feeds and URLs replace it.)
import fs from "node:fs";
import path from "node:path";
import { fail, ok, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";

export interface InputRef {
  kind: "file" | "url";
  value: string;
}

export interface ReadOptions {
  allowPrivate: boolean;
}

export async function readInput(ref: InputRef, _opts: ReadOptions): Promise<Result<ArticleDraft[]>> {
  if (ref.kind === "url") return fail("unsupported", `${ref.value}: URLs are not supported yet`);
  let text: string;
  try {
    text = fs.readFileSync(ref.value, "utf8");
  } catch (e) {
    return fail("read", `${ref.value}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (!text.trim()) return fail("empty", `${ref.value}: the file is empty`);
  return ok([
    { url: null, file: path.basename(ref.value), title: null, outlet: null, published: null, text },
  ]);
}

/** Expands command-line inputs: a folder means its files in name order; URLs pass through. */
export async function expandInputs(
  args: string[],
): Promise<{ inputs: InputRef[]; errors: { input: string; message: string }[] }> {
  const inputs: InputRef[] = [];
  const errors: { input: string; message: string }[] = [];
  for (const a of args) {
    if (/^https?:\/\//i.test(a)) {
      inputs.push({ kind: "url", value: a });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      errors.push({ input: a, message: `${a}: no such file or folder` });
      continue;
    }
    if (st.isDirectory()) {
      const files = fs
        .readdirSync(a)
        .filter((f) => /\.(txt|html?|xml|rss|atom)$/i.test(f))
        .sort();
      if (!files.length) errors.push({ input: a, message: `${a}: the folder has no readable articles` });
      for (const f of files) inputs.push({ kind: "file", value: path.join(a, f) });
    } else inputs.push({ kind: "file", value: a });
  }
  return { inputs, errors };
}
