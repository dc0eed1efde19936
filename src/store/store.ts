// The SQLite store: one file, WAL, foreign keys, numbered migrations applied on open.
// Every SQL statement of tollwatch lives under src/store/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../db/migrations/", import.meta.url));
export const DEFAULT_DB_PATH = "db/tollwatch.sqlite";

export type Db = Database.Database;

export interface OpenOptions {
  /** Read-only access for answering commands from another process. */
  readonly?: boolean;
  migrationsDir?: string;
}

export class Store {
  private constructor(
    readonly db: Db,
    readonly path: string,
  ) {}

  static open(file: string, options: OpenOptions = {}): Store {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file, { readonly: options.readonly ?? false });
    db.pragma("busy_timeout = 5000");
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      // NORMAL is durable across process crashes in WAL mode; only power loss can drop the last commits.
      db.pragma("synchronous = NORMAL");
      // checkpoint (copy the log back into the database, with an fsync) every ~40 MB of log instead
      // of every 4 MB: an article's transaction writes a few hundred KB, so the default checkpointed
      // every few articles
      db.pragma("wal_autocheckpoint = 10000");
      // statement journals (each savepoint and each multi-row write keeps one) in memory rather
      // than in temporary files: a bulk ingest otherwise wrote several times its own size to them
      db.pragma("temp_store = MEMORY");
    }
    db.pragma("foreign_keys = ON");
    const store = new Store(db, file);
    if (!options.readonly) store.migrate(options.migrationsDir ?? MIGRATIONS_DIR);
    return store;
  }

  /** Applies every numbered migration not yet recorded, each in its own transaction. */
  migrate(dir: string): number[] {
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const done = new Set(
      (this.db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d+_.*\.sql$/.test(f))
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
    for (const file of files) {
      const version = Number.parseInt(file, 10);
      if (done.has(version)) continue;
      const sql = fs.readFileSync(path.join(dir, file), "utf8");
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db
          .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .run(version, file, new Date().toISOString());
      })();
      applied.push(version);
    }
    return applied;
  }

  /**
   * Runs fn in one transaction: everything it writes commits together or not at all. `immediate`
   * takes the write lock at the start (waiting up to busy_timeout for another writer), so a long
   * transaction that reads before it writes is never refused at its first write.
   */
  transaction<T>(fn: () => T, options: { immediate?: boolean } = {}): T {
    const t = this.db.transaction(fn);
    return options.immediate ? t.immediate() : t();
  }

  integrityCheck(): string {
    return this.db.pragma("integrity_check", { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
