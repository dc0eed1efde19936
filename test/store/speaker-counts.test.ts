// The speaker counts kept on ingest answer as counting every statement would.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Statement } from "../../src/core/types.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { speakerCounts } from "../../src/store/statements.js";
import { Store } from "../../src/store/store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const said = (speaker: string | null, role: string | null, kind: Statement["kind"]): Statement => ({
  speaker,
  speakerSurface: speaker,
  role,
  quote: `words of ${speaker ?? "nobody"}`,
  kind,
  text: "",
  start: 0,
  end: 1,
});

describe("speaker counts", () => {
  it("match a count over every statement: case-insensitive speakers, highest role and kind, newest date", () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "tw-speakers-"));
    dirs.push(d);
    const store = Store.open(path.join(d, "t.sqlite"));
    const articles: [string | null, Statement[]][] = [
      ["2025-03-08", [said("Ahmed Haddad", null, "official"), said("Maria Okafor", "witness", "witness")]],
      ["2025-03-10", [said("ahmed haddad", "spokesperson", "official"), said(null, null, "official")]],
      [null, [said("Maria Okafor", null, "witness"), said("Ahmed Haddad", "minister", "official")]],
      ["2025-03-09", [said("Sita Thapa", "director", "official")]],
    ];
    for (const [i, [published, statements]] of articles.entries())
      ingestDraft(
        store,
        { url: null, file: null, title: null, outlet: null, published, text: `article ${i}` },
        { extract: () => ({ figures: [], statements }) },
        { now: new Date("2025-03-11T08:00:00Z") },
      );
    const counted = store.db
      .prepare(
        `SELECT s.speaker, max(s.role) AS role, max(s.kind) AS kind, count(*) AS statements,
                max(coalesce(s.published, a.ingested_at)) AS latest
           FROM statements s JOIN articles a ON a.id = s.article_id
          WHERE s.speaker IS NOT NULL GROUP BY s.speaker COLLATE NOCASE`,
      )
      .all() as { speaker: string; role: string | null; kind: string; statements: number; latest: string }[];
    const kept = speakerCounts(store);
    const norm = (xs: typeof counted) =>
      xs
        .map((x) => ({ ...x, speaker: x.speaker.toLowerCase() }))
        .sort((a, b) => (a.speaker < b.speaker ? -1 : 1));
    expect(norm(kept as typeof counted)).toEqual(norm(counted));
    expect(kept[0]).toMatchObject({
      statements: 3,
      role: "spokesperson",
      latest: "2025-03-11T08:00:00.000Z",
    });
    store.close();
  });
});
