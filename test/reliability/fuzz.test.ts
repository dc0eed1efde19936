// Fuzzing (fast-check): random and hostile text through the extractor, the ingest pipeline and every
// command in the registry. Nothing may throw, every output must stay valid (vocabulary values, offsets
// inside the text), and each input has a generous time bound so that a hang or a quadratic blow-up shows.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpus, ingestClock } from "../../bench/corpus.js";
import { COMMANDS, parseCommandText, runCommand } from "../../commands/index.js";
import type { CommandContext } from "../../src/core/command.js";
import type { Reply } from "../../src/core/reply.js";
import {
  type ArticleDraft,
  type Extraction,
  GROUPS,
  MEASURES,
  QUALIFIERS,
  STATEMENT_KINDS,
} from "../../src/core/types.js";
import { extract } from "../../src/extract/index.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { readText } from "../../src/ingest/text.js";
import { countArticles, listArticles } from "../../src/store/articles.js";
import { Store } from "../../src/store/store.js";

/** Per-input bound: orders of magnitude above normal, so only a hang or a blow-up trips it. */
const BOUND_MS = 5000;

/** Pieces of news text and the characters that break naive parsers, glued at random. */
const FRAGMENTS = [
  "killed",
  "dead",
  "injured",
  "wounded",
  "missing",
  "displaced",
  "death toll",
  "at least",
  "more than",
  "about",
  "between",
  "and",
  "to",
  "up from",
  "would not exceed",
  "including",
  "civilians",
  "children",
  "security forces",
  "fighters",
  "said",
  "told reporters",
  "according to",
  "the Ministry of Health",
  "the UN",
  "(OCHA)",
  "Mr.",
  "Dr.",
  "U.S.",
  "St.",
  "J. R.",
  "he said",
  "she said:",
  "“",
  "”",
  '"',
  "‘",
  "’",
  "'",
  "1,000",
  "1.2 million",
  "30-40",
  "seven",
  "a dozen",
  "hundreds",
  "0",
  "999999999999999999999",
  "-5",
  "1e308",
  "NaN",
  "13-year",
  "2024",
  ".",
  ",",
  ";",
  ":",
  "!",
  "?",
  "…",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\t",
  "\r\n",
  "\u0000",
  "\u200b",
  "\u202e",
  "\ufeff",
  "\ud800",
  "é",
  "Türk",
  "دمشق",
  "👍🏽",
  "<!channel>",
  "@everyone",
  "[link](http://evil)",
  "$(rm -rf /)",
  "'; DROP TABLE articles; --",
  "NEAR(",
  '" OR (',
  "*",
];

const newsy = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 300 }).map((parts) => parts.join(" "));
const anyText = fc.oneof(
  newsy,
  fc.string({ maxLength: 2000, unit: "binary" }),
  fc.string({ maxLength: 2000, unit: "grapheme" }),
  // long runs of one hostile piece: digits and commas, quote marks, abbreviations
  fc
    .tuple(
      fc.constantFrom("1,", "“", '"', "‘", "Mr. ", "killed ", "- ", "(", "\n"),
      fc.integer({ min: 1, max: 20_000 }),
    )
    .map(([s, n]) => s.repeat(n)),
);

function timed<T>(fn: () => T): T {
  const start = performance.now();
  const out = fn();
  const ms = performance.now() - start;
  expect(ms, "time for one input (ms)").toBeLessThan(BOUND_MS);
  return out;
}

const measures = new Set<string>(MEASURES);
const groups = new Set<string>(GROUPS);
const qualifiers = new Set<string>(QUALIFIERS);
const kinds = new Set<string>(STATEMENT_KINDS);
const inside = (text: string, start: number, end: number) =>
  Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;

function checkExtraction(text: string, x: Extraction): void {
  expect(Array.isArray(x.figures) && Array.isArray(x.statements)).toBe(true);
  for (const f of x.figures) {
    expect(measures.has(f.measure), `measure ${f.measure}`).toBe(true);
    expect(groups.has(f.group), `group ${f.group}`).toBe(true);
    expect(qualifiers.has(f.qualifier), `qualifier ${f.qualifier}`).toBe(true);
    expect(f.count === null || (Number.isFinite(f.count) && f.count >= 0), `count ${f.count}`).toBe(true);
    expect(inside(text, f.start, f.end), `figure offsets ${f.start}-${f.end} of ${text.length}`).toBe(true);
    expect(typeof f.text).toBe("string");
    if (f.rangeRole !== undefined) expect(["low", "high"]).toContain(f.rangeRole);
  }
  for (const s of x.statements) {
    expect(kinds.has(s.kind), `kind ${s.kind}`).toBe(true);
    expect(typeof s.quote).toBe("string");
    expect(inside(text, s.start, s.end), `statement offsets ${s.start}-${s.end} of ${text.length}`).toBe(
      true,
    );
  }
}

const BLOCK_KINDS = new Set(["heading", "text", "fields", "list", "alert", "divider"]);

function checkReply(reply: Reply, name: string): void {
  expect(typeof reply.ok).toBe("boolean");
  expect(typeof reply.title).toBe("string");
  expect(reply.title.startsWith(`/${name} failed:`), reply.title).toBe(false);
  expect(Array.isArray(reply.blocks)).toBe(true);
  for (const b of reply.blocks) expect(BLOCK_KINDS.has(b.kind), `block ${b.kind}`).toBe(true);
  // what POST /api/command and --json send must serialise
  expect(() => JSON.stringify(reply)).not.toThrow();
}

describe("extract", () => {
  it("takes any text without throwing, within a time bound, with valid output", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.string({ maxLength: 200 })), (text, title) => {
        const x = timed(() => extract({ text, title, published: null }));
        checkExtraction(text, x);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("takes the adversarial inputs of the extraction issue in linear time", () => {
    const inputs = [
      "1,".repeat(500_000),
      "“".repeat(10_000),
      '"'.repeat(10_000),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]).toString("utf8").repeat(1000),
      "",
    ];
    for (const text of inputs)
      checkExtraction(
        text,
        timed(() => extract({ text })),
      );
    expect(extract({ text: "" })).toEqual({ figures: [], statements: [] });
  });
});

describe("ingest pipeline", () => {
  let store: Store;
  beforeAll(() => {
    store = Store.open(":memory:");
  });
  afterAll(() => store.close());

  it("stores any draft whole, or recognises it as a duplicate", () => {
    const steps = defaultSteps(["web", "slack", "discord"]);
    const draft = fc.record({
      url: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 100 }))),
      file: fc.option(fc.string({ maxLength: 50 })),
      title: fc.option(fc.string({ maxLength: 200 })),
      outlet: fc.option(fc.string({ maxLength: 50 })),
      published: fc.option(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          fc.constantFrom("2024-13-45", "yesterday", "0000-00-00", "", "9999-12-31T99:99"),
        ),
      ),
      text: anyText,
    });
    fc.assert(
      fc.property(draft, (d: ArticleDraft) => {
        const before = countArticles(store);
        const out = timed(() => ingestDraft(store, d, steps, { now: new Date("2025-03-09T12:00:00Z") }));
        expect(["new", "duplicate"]).toContain(out.status);
        expect(countArticles(store)).toBe(before + (out.status === "new" ? 1 : 0));
        if (out.status === "new") {
          const row = listArticles(store, 1).find((a) => a.id === out.articleId);
          expect(row?.figures).toBe(out.figures);
          expect(row?.statements).toBe(out.statements);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
    expect(store.integrityCheck()).toBe("ok");
  });

  it("reads any text with the plain-text reader and ingests what it accepts", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const read = timed(() => readText(text, { url: null, file: "fuzz.txt" }));
        if (!read.ok) {
          expect(read.error.message.length).toBeGreaterThan(0);
          return;
        }
        const out = timed(() => ingestDraft(store, read.value, defaultSteps()));
        expect(["new", "duplicate"]).toContain(out.status);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});

describe("commands", () => {
  let store: Store;
  let ctx: CommandContext;
  beforeAll(() => {
    // a database with something to answer from: the seeds and a slice of the synthetic corpus
    store = Store.open(":memory:");
    const steps = defaultSteps();
    const seeds = path.resolve("seeds");
    for (const f of fs.readdirSync(seeds).sort()) {
      const read = readText(fs.readFileSync(path.join(seeds, f), "utf8"), { url: null, file: f });
      if (read.ok) ingestDraft(store, read.value, steps, { now: new Date("2025-03-10T00:00:00Z") });
    }
    for (const d of corpus(5, 0, 40)) ingestDraft(store, d, steps, { now: ingestClock(d) });
    ctx = { store, now: new Date("2025-03-10T00:00:00Z") };
  });
  afterAll(() => store.close());

  const value = fc.oneof(
    fc.string({ maxLength: 100 }),
    fc.string({ maxLength: 100, unit: "binary" }),
    fc.constantFrom(
      '"',
      'Rubio" OR (',
      "NEAR(a b)",
      "*",
      "-",
      "^",
      "a:b",
      "speaker : x",
      "%",
      "_",
      "'",
      "\\",
      "\u0000",
      " ",
      "0",
      "-1",
      "99999999999999999999",
      "Syria",
      "killed",
      "all",
    ),
  );

  it("every registered command answers any arguments with a valid reply", () => {
    expect(COMMANDS.length).toBeGreaterThan(0);
    for (const command of COMMANDS) {
      const names = [...command.options.map((o) => o.name), "unknown", "json", "all"];
      const args = fc.dictionary(fc.constantFrom(...names), fc.option(value, { nil: undefined }), {
        maxKeys: 4,
      });
      fc.assert(
        fc.property(args, (a) => {
          // the handler itself, so that a throw is not hidden by runCommand's error reply
          checkReply(
            timed(() => command.handler(ctx, a)),
            command.name,
          );
        }),
        { numRuns: 80, seed: command.name.length },
      );
    }
  });

  it("any typed chat text parses and runs without throwing", () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom(...COMMANDS.map((c) => `/${c.name}`), "/nope", ""),
          fc.array(value, { maxLength: 5 }),
        )
        .map(([c, vs]) => `${c} ${vs.join(" --speaker ")}`),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const { name, args } = parseCommandText(text);
        const reply = timed(() => runCommand(ctx, name, args));
        checkReply(reply, name);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
