// The five seed articles in the order of alerts.gold.json, and the gold extraction of each
// (first accepted name for sources and speakers) as a hand-built extract step.
import fs from "node:fs";
import path from "node:path";
import type { Alert } from "../../src/core/alert.js";
import type { ArticleDraft, Extraction, Figure, Statement } from "../../src/core/types.js";
import { readInput } from "../../src/ingest/read.js";

export interface GoldAlert {
  measure: string;
  group: string;
  values: number[];
}

interface GoldFile {
  figures: {
    count: number | null;
    measure: string[];
    group: string;
    qualifier: string;
    source: string[] | null;
  }[];
  statements: { speaker: string[]; quote: string; kind: string }[];
}

const EVAL = "test/eval";
export const GOLD_ALERTS = JSON.parse(fs.readFileSync(path.join(EVAL, "alerts.gold.json"), "utf8")) as {
  sequence: string[];
  alerts: GoldAlert[];
};

export async function loadSeeds(): Promise<{ file: string; draft: ArticleDraft; gold: Extraction }[]> {
  const out = [];
  for (const file of GOLD_ALERTS.sequence) {
    const read = await readInput({ kind: "file", value: path.join("seeds", file) }, { allowPrivate: false });
    if (!read.ok) throw new Error(read.error.message);
    const g = JSON.parse(
      fs.readFileSync(path.join(EVAL, "gold", file.replace(/\.txt$/, ".gold.json")), "utf8"),
    ) as GoldFile;
    const figures = g.figures.map(
      (f): Figure => ({
        count: f.count,
        measure: f.measure[0] as Figure["measure"],
        group: f.group as Figure["group"],
        qualifier: f.qualifier as Figure["qualifier"],
        source: f.source?.[0] ?? null,
        sourceSurface: f.source?.[1] ?? null,
        text: "",
        start: 0,
        end: 0,
      }),
    );
    const statements = g.statements.map(
      (s): Statement => ({
        speaker: s.speaker[0] ?? null,
        speakerSurface: s.speaker[0] ?? null,
        role: null,
        quote: s.quote,
        kind: s.kind as Statement["kind"],
        text: s.quote,
        start: 0,
        end: 0,
      }),
    );
    out.push({ file, draft: read.value[0]!, gold: { figures, statements } });
  }
  return out;
}

/** Each gold alert matched by exactly one raised alert (measure, group, both values), nothing else. */
export function matchGold(alerts: Alert[], gold: GoldAlert[]): { unmatched: GoldAlert[]; extra: Alert[] } {
  const used = new Set<number>();
  const unmatched: GoldAlert[] = [];
  for (const g of gold) {
    const hit = alerts.find(
      (a) =>
        !used.has(a.id) &&
        a.measure === g.measure &&
        a.group === g.group &&
        g.values.every((v) => a.values.includes(v)),
    );
    if (hit) used.add(hit.id);
    else unmatched.push(g);
  }
  return { unmatched, extra: alerts.filter((a) => !used.has(a.id)) };
}
