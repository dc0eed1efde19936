// Every statement the ingest path and /toll run is answered through an index: none reads a whole
// table that grows with the archive. Checked with EXPLAIN QUERY PLAN on the statements actually
// prepared while articles are ingested and /toll answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCommandText, runCommand } from "../../commands/index.js";
import type { Extraction } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { reconcileSteps } from "../../src/reconcile/apply.js";
import { Store } from "../../src/store/store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Scans that do not grow with the archive: the newest figure is read from the newest end of its
 * index (LIMIT 1); the originators (who counts, a few hundred at most) are read whole only when a
 * name arrives spelled in a way never seen before. Anything else that scans a table or a whole
 * index reads rows in proportion to the archive.
 */
const BOUNDED_SCANS = [/^SCAN f USING INDEX figures_newest$/, /^SCAN o$/];

function fullScans(store: Store, sql: string): string[] {
  const plan = store.db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null)) as { detail: string }[];
  return plan
    .map((p) => p.detail)
    .filter((d) => /^SCAN /.test(d) && !/^SCAN (json_each|CONSTANT ROW)/.test(d))
    .filter((d) => !BOUNDED_SCANS.some((ok) => ok.test(d)))
    .map((d) => `${d}  ←  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
}

const article = (i: number, town: string, count: number, source: string) => ({
  url: `https://news.example/${i}`,
  file: null,
  title: `${count} killed in ${town}`,
  outlet: "Wire",
  published: `2025-03-${String(8 + (i % 3)).padStart(2, "0")}`,
  text: `${count} people were killed in ${town}, in the Orvania region of Belmark, the ${source} said (report ${i}).`,
});

/** A new file database that records every SQL text prepared on it until stopRecording(). */
function recordingStore() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "tw-plan-"));
  dirs.push(d);
  const store = Store.open(path.join(d, "t.sqlite"));
  const seen = new Set<string>();
  const prepare = store.db.prepare.bind(store.db);
  store.db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as typeof store.db.prepare;
  return {
    store,
    seen,
    stopRecording: () => {
      store.db.prepare = prepare;
    },
  };
}

describe("query plans", () => {
  it("ingest and /toll use indexes only", () => {
    const { store, seen, stopRecording } = recordingStore();
    const sources = ["Belmark health ministry", "Orvania Rights Monitor"];
    const extract = (input: { text: string }): Extraction => {
      const m = /^(\d+) people were killed .* the (.*) said/.exec(input.text);
      return {
        figures: m
          ? [
              {
                count: Number(m[1]),
                measure: "killed",
                group: "total",
                qualifier: "exact",
                source: m[2]!,
                sourceSurface: m[2]!,
                text: input.text,
                start: 0,
                end: 5,
              },
            ]
          : [],
        statements: [],
      };
    };
    const steps = { extract, ...reconcileSteps({ destinations: ["web"] }) };
    for (let i = 0; i < 12; i++)
      ingestDraft(
        store,
        article(i, i < 6 ? "Kessa" : "Varno", 10 + i * (i % 4 === 0 ? 9 : 1), sources[i % 2]!),
        steps,
      );
    const toll = runCommand({ store, now: new Date() }, "toll", {});
    expect(toll.ok).toBe(true);
    stopRecording();
    const scans = [...seen]
      .filter((sql) => !/^\s*(INSERT|CREATE|PRAGMA)/i.test(sql))
      .flatMap((sql) => fullScans(store, sql));
    expect(scans).toEqual([]);
    // the statements checked include the story index and the latest-figure lookups
    const all = [...seen].join("\n");
    expect(all).toMatch(/FROM term_postings/);
    expect(all).toMatch(/JOIN slot_latest/);
    expect(all).toMatch(/figures_newest/);
    store.close();
  });

  it("/who-said with words reads the newest statements from an index, without sorting the matches", () => {
    const { store, seen, stopRecording } = recordingStore();
    const { name, args } = parseCommandText("/who-said rubble");
    const reply = runCommand({ store, now: new Date() }, name, args);
    expect(reply.ok).toBe(true);
    stopRecording();
    const search = [...seen].filter((sql) => /statements_fts MATCH/.test(sql));
    expect(search).toHaveLength(1);
    const plan = (
      store.db.prepare(`EXPLAIN QUERY PLAN ${search[0]}`).all("x", 20) as { detail: string }[]
    ).map((p) => p.detail);
    expect(plan).toContain("SCAN s USING INDEX statements_newest");
    expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
    store.close();
  });
});
