// Originators (who counted a figure) and every alias they are written under.
import type { KnownOriginator } from "../reconcile/originators.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

export function listKnownOriginators(store: Store): KnownOriginator[] {
  const rows = prepared(
    store,
    `SELECT o.id, o.name, group_concat(a.alias_key, char(31)) AS keys
         FROM originators o LEFT JOIN originator_aliases a ON a.originator_id = o.id
        GROUP BY o.id ORDER BY o.id`,
  ).all() as { id: number; name: string; keys: string | null }[];
  return rows.map((r) => ({ id: r.id, name: r.name, aliasKeys: r.keys ? r.keys.split("\u001f") : [] }));
}

export function findOriginatorByName(store: Store, name: string): { id: number; name: string } | undefined {
  return prepared(store, "SELECT id, name FROM originators WHERE name = ?").get(name) as
    | { id: number; name: string }
    | undefined;
}

export function createOriginator(store: Store, name: string, now: Date): number {
  const existing = findOriginatorByName(store, name);
  if (existing) return existing.id;
  return Number(
    prepared(store, "INSERT INTO originators (name, created_at) VALUES (?, ?)").run(name, now.toISOString())
      .lastInsertRowid,
  );
}

/** Records an alias unless the key already belongs to an originator (first one wins). */
export function addAlias(store: Store, originatorId: number, alias: string, key: string): void {
  if (!key) return;
  prepared(
    store,
    "INSERT OR IGNORE INTO originator_aliases (alias_key, alias, originator_id) VALUES (?, ?, ?)",
  ).run(key, alias, originatorId);
}

/** Gives an originator a fuller canonical name; false when another originator already has it. */
export function renameOriginator(store: Store, id: number, name: string): boolean {
  const other = findOriginatorByName(store, name);
  if (other && other.id !== id) return false;
  prepared(store, "UPDATE originators SET name = ? WHERE id = ?").run(name, id);
  return true;
}

export interface OriginatorSummary {
  id: number;
  name: string;
  aliases: string[];
  figures: number;
}

/** Originators with figures (in one story, or anywhere), most figures first. */
export function listOriginators(store: Store, storyId?: number): OriginatorSummary[] {
  // a story's figures through the story index; all figures in one pass
  const sql = (where: string) => `SELECT o.id, o.name,
              (SELECT group_concat(alias, char(31)) FROM originator_aliases WHERE originator_id = o.id) AS aliases,
              count(f.id) AS figures
         FROM figures f JOIN originators o ON o.id = f.originator_id
        ${where}
        GROUP BY o.id ORDER BY figures DESC, o.name`;
  const rows = (
    storyId === undefined
      ? prepared(store, sql("")).all()
      : prepared(store, sql("WHERE f.story_id = ?")).all(storyId)
  ) as {
    id: number;
    name: string;
    aliases: string | null;
    figures: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases ? r.aliases.split("\u001f").filter((a) => a !== r.name) : [],
    figures: r.figures,
  }));
}

/** The originator an alias key already belongs to, if any: one indexed lookup. */
export function findOriginatorByAliasKey(store: Store, key: string): number | undefined {
  const r = prepared(store, "SELECT originator_id FROM originator_aliases WHERE alias_key = ?").get(key) as
    | { originator_id: number }
    | undefined;
  return r?.originator_id;
}

/** An originator's canonical name. */
export function originatorName(store: Store, id: number): string | undefined {
  return prepared(store, "SELECT name FROM originators WHERE id = ?").pluck().get(id) as string | undefined;
}

/** One originator with the alias keys recorded for it. */
export function getKnownOriginator(store: Store, id: number): KnownOriginator | undefined {
  const row = prepared(store, "SELECT id, name FROM originators WHERE id = ?").get(id) as
    | { id: number; name: string }
    | undefined;
  if (!row) return undefined;
  const keys = prepared(store, "SELECT alias_key FROM originator_aliases WHERE originator_id = ?")
    .pluck()
    .all(id) as string[];
  return { id: row.id, name: row.name, aliasKeys: keys };
}
