import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { countArticles, dayNumber } from "../../src/store/articles.js";
import { searchStatements } from "../../src/store/statements.js";
import { Store } from "../../src/store/store.js";

const dirs: string[] = [];
const tmpDb = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "tw-store-"));
  dirs.push(d);
  return path.join(d, "nested", "folder", "t.sqlite");
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const draft = (text: string, url: string | null = null) => ({
  url,
  file: null,
  title: null,
  outlet: null,
  published: "2025-03-09",
  text,
});
const noExtraction = { extract: () => ({ figures: [], statements: [] }) };

describe("Store", () => {
  it("creates the parent folder, uses WAL and foreign keys", () => {
    const file = tmpDb();
    const store = Store.open(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.integrityCheck()).toBe("ok");
    store.close();
  });

  it("records migrations and applies each once", () => {
    const file = tmpDb();
    const first = Store.open(file);
    const versions = first.db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
    expect(versions.length).toBeGreaterThanOrEqual(1);
    first.close();
    const again = Store.open(file);
    expect(again.migrate(path.resolve("db/migrations"))).toEqual([]);
    expect(again.db.prepare("SELECT version FROM schema_migrations ORDER BY version").all()).toEqual(
      versions,
    );
    again.close();
  });

  it("rolls back a failed migration whole", () => {
    const file = tmpDb();
    const store = Store.open(file);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-mig-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, "900_broken.sql"), "CREATE TABLE half (x);\nTHIS IS NOT SQL;");
    expect(() => store.migrate(dir)).toThrow();
    const half = store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get();
    expect(half).toBeUndefined();
    store.close();
  });

  it("stores an article once: duplicates by canonical URL and by normalised text", () => {
    const store = Store.open(tmpDb());
    const a = ingestDraft(
      store,
      draft("Ten people were killed.", "https://www.example.com/a?utm_source=x#top"),
      noExtraction,
    );
    const sameUrl = ingestDraft(store, draft("Other text entirely.", "https://example.com/a"), noExtraction);
    const sameText = ingestDraft(store, draft("  TEN people were   killed!  "), noExtraction);
    expect(a.status).toBe("new");
    expect(sameUrl).toMatchObject({ status: "duplicate", articleId: a.articleId });
    expect(sameText).toMatchObject({ status: "duplicate", articleId: a.articleId });
    expect(countArticles(store)).toBe(1);
    store.close();
  });

  it("writes nothing of an article whose reconcile step fails", () => {
    const store = Store.open(tmpDb());
    const failing = {
      extract: () => ({
        figures: [
          {
            count: 3,
            measure: "killed" as const,
            group: "total" as const,
            qualifier: "exact" as const,
            source: null,
            sourceSurface: null,
            text: "Three were killed.",
            start: 0,
            end: 5,
          },
        ],
        statements: [],
      }),
      reconcile: () => {
        throw new Error("boom");
      },
    };
    expect(() => ingestDraft(store, draft("Three were killed."), failing)).toThrow("boom");
    expect(countArticles(store)).toBe(0);
    expect(store.db.prepare("SELECT count(*) AS n FROM figures").get()).toEqual({ n: 0 });
    store.close();
  });

  it("keeps the statements' full-text index in step with their speaker and quote", () => {
    const store = Store.open(tmpDb());
    const withQuote = {
      extract: () => ({
        figures: [],
        statements: [
          {
            speaker: "Jane Doe",
            speakerSurface: "Doe",
            role: "mayor",
            quote: "We are rebuilding the bridge",
            kind: "official" as const,
            text: "“We are rebuilding the bridge,” Doe said.",
            start: 1,
            end: 29,
          },
        ],
      }),
    };
    ingestDraft(store, draft("“We are rebuilding the bridge,” Doe said."), withQuote);
    const hit = store.db
      .prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'bridge'")
      .all();
    expect(hit).toHaveLength(1);
    // moving statements to another story leaves their index entries as they were, and correct
    store.db.prepare("INSERT INTO stories (name, created_at, updated_at) VALUES ('other', '', '')").run();
    store.db.prepare("UPDATE statements SET story_id = (SELECT id FROM stories WHERE name = 'other')").run();
    expect(() =>
      store.db.prepare("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
    store.db.prepare("UPDATE statements SET quote = 'We are closing the road'").run();
    const hits = (word: string) =>
      store.db.prepare("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?").all(word);
    expect(hits("bridge")).toHaveLength(0);
    expect(hits("road")).toHaveLength(1);
    store.close();
  });
});

describe("migration 005 on a database of schema v4", () => {
  it("backfills story-term shares as fractions that sum to one", () => {
    const file = tmpDb();
    // a v4 database: only migrations 001–004 applied
    const v4 = fs.mkdtempSync(path.join(os.tmpdir(), "tw-v4-"));
    dirs.push(v4);
    for (const f of fs.readdirSync("db/migrations").filter((f) => /^00[1-4]_/.test(f)))
      fs.copyFileSync(path.join("db/migrations", f), path.join(v4, f));
    const old = Store.open(file, { migrationsDir: v4 });
    old.db
      .prepare(
        "INSERT INTO articles (id, content_hash, published, ingested_at, text) VALUES (1, 'h', '2025-03-09', '2025-03-09T10:00:00Z', 'x')",
      )
      .run();
    old.db.prepare("INSERT INTO article_terms (article_id, terms) VALUES (1, ?)").run(
      JSON.stringify([
        ["latakia", 2, 0, "place"],
        ["sohr", 1, 0, "name"],
        ["clashes", 1, 0, "event"],
      ]),
    );
    old.close();
    const store = Store.open(file);
    const shares = store.db
      .prepare("SELECT term, share FROM term_postings WHERE article_id = 1 AND role != 'I' ORDER BY term")
      .all() as { term: string; share: number }[];
    store.close();
    expect(shares.map((s) => s.term)).toEqual(["clashes", "latakia", "sohr"]);
    expect(shares.find((s) => s.term === "latakia")!.share).toBeCloseTo(0.5);
    expect(shares.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1);
  });
});

describe("migration 008 on a database of schema v7", () => {
  it("gives every statement its article's news day, and /who-said finds it", () => {
    const file = tmpDb();
    const v7 = fs.mkdtempSync(path.join(os.tmpdir(), "tw-v7-"));
    dirs.push(v7);
    for (const f of fs.readdirSync("db/migrations").filter((f) => /^00[1-7]_/.test(f)))
      fs.copyFileSync(path.join("db/migrations", f), path.join(v7, f));
    const old = Store.open(file, { migrationsDir: v7 });
    // rows as schema v7 wrote them (today's code writes the new column)
    const article = old.db.prepare(
      "INSERT INTO articles (id, content_hash, published, ingested_at, text, day) VALUES (?, ?, ?, ?, 'x', ?)",
    );
    article.run(1, "h1", "2025-03-09", "2025-03-10T10:00:00Z", dayNumber("2025-03-09"));
    article.run(2, "h2", null, "2025-03-12T08:00:00Z", dayNumber("2025-03-12"));
    const statement = old.db.prepare(
      "INSERT INTO statements (article_id, speaker, quote, kind, text, start, end, published) VALUES (?, 'Jane Doe', 'We are rebuilding the bridge', 'official', 'x', 0, 1, ?)",
    );
    statement.run(1, "2025-03-09");
    statement.run(2, null);
    old.close();
    const store = Store.open(file);
    const days = store.db
      .prepare(
        "SELECT s.day, a.day AS articleDay FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.id",
      )
      .all();
    expect(days).toEqual([
      { day: dayNumber("2025-03-09"), articleDay: dayNumber("2025-03-09") },
      { day: dayNumber("2025-03-12"), articleDay: dayNumber("2025-03-12") },
    ]);
    // newest first: the undated article ingested later
    const found = searchStatements(store, { query: "bridge" });
    expect(found.map((s) => s.text)).toHaveLength(2);
    expect(found.map((s) => s.published)).toEqual([null, "2025-03-09"]);
    store.close();
  });
});
