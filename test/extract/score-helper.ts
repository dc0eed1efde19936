// Runs the reference scorer (test/eval/score.mjs, copied from ../shared/eval) over our extractor.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { extract } from "../../src/extract/index.js";
import { readInput } from "../../src/ingest/read.js";

export interface Score {
  figures: {
    precision: number;
    recall: number;
    f1: number;
    source_acc: number;
    group_acc: number;
    qualifier_acc: number;
  };
  statements: { precision: number; recall: number; f1: number; speaker_acc: number };
  misses: string[];
}

export const SCORER = path.resolve("test/eval/score.mjs");

/** Extracts every article in `articlesDir`, scores the result against `goldDir`. */
export async function scoreDir(articlesDir: string, goldDir: string): Promise<Score> {
  const lines: string[] = [];
  for (const f of fs
    .readdirSync(articlesDir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const read = await readInput({ kind: "file", value: path.join(articlesDir, f) }, { allowPrivate: false });
    if (!read.ok) throw new Error(read.error.message);
    const draft = read.value[0]!;
    const result = extract({ text: draft.text, title: draft.title, published: draft.published });
    lines.push(JSON.stringify({ file: f, title: draft.title, published: draft.published, ...result }));
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-score-"));
  const pred = path.join(tmp, "pred.jsonl");
  fs.writeFileSync(pred, `${lines.join("\n")}\n`);
  const run = spawnSync(process.execPath, [SCORER, goldDir, pred], {
    env: { ...process.env, SCORE_VERBOSE: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`scorer failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as Omit<Score, "misses">;
  fs.rmSync(tmp, { recursive: true, force: true });
  return { ...result, misses: run.stderr.split("\n").filter(Boolean) };
}
