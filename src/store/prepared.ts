// Prepared statements cached per connection: preparing costs more than running most of ours.
import type { Statement } from "better-sqlite3";
import type { Store } from "./store.js";

const caches = new WeakMap<Store["db"], Map<string, Statement>>();

/** The statement for this SQL text on this store's connection, prepared once. */
export function prepared(store: Store, sql: string): Statement {
  let cache = caches.get(store.db);
  if (!cache) {
    cache = new Map();
    caches.set(store.db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = store.db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
