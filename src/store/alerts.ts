// The alert outbox: alert rows and one delivery row per destination, written in the article's
// transaction; the dispatcher reads due deliveries and records what each destination answered.
import type { Alert, AlertFigure, AlertKind } from "../core/alert.js";
import type { Group, Measure } from "../core/types.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

export interface NewAlert {
  kind: AlertKind;
  storyId: number | null;
  measure: Measure | null;
  group: Group | null;
  /** What was alerted about: a second alert with the same key is never written. */
  dedupeKey: string;
  /** Further value pairs this alert also covers: none of them alerts again. */
  alsoCovers?: string[];
  values: number[];
  figures: AlertFigure[];
  summary: string;
  articleId: number | null;
  createdAt: string;
}

interface AlertRow {
  id: number;
  kind: AlertKind;
  story: string | null;
  measure: Measure | null;
  grp: Group | null;
  payload: string;
  created_at: string;
}

interface Payload {
  values: number[];
  figures: AlertFigure[];
  summary: string;
}

/**
 * Writes the alert, the keys it covers and a pending delivery per destination, unless its dedupe
 * key was alerted before. Returns the new alert's id, or null when it was already raised.
 */
export function insertAlert(store: Store, alert: NewAlert, destinations: readonly string[]): number | null {
  const first = alert.dedupeKey;
  if (alertExists(store, first)) return null;
  const payload: Payload = { values: alert.values, figures: alert.figures, summary: alert.summary };
  const info = prepared(
    store,
    `INSERT OR IGNORE INTO alerts (kind, story_id, measure, grp, dedupe_key, payload, article_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    alert.kind,
    alert.storyId,
    alert.measure,
    alert.group,
    first,
    JSON.stringify(payload),
    alert.articleId,
    alert.createdAt,
  );
  if (info.changes === 0) return null;
  const id = Number(info.lastInsertRowid);
  const key = prepared(store, "INSERT OR IGNORE INTO alert_keys (dedupe_key, alert_id) VALUES (?, ?)");
  for (const k of [first, ...(alert.alsoCovers ?? [])]) key.run(k, id);
  const delivery = prepared(
    store,
    "INSERT OR IGNORE INTO deliveries (alert_id, destination, state, attempts) VALUES (?, ?, 'pending', 0)",
  );
  for (const d of new Set(destinations)) delivery.run(id, d);
  return id;
}

export function alertExists(store: Store, dedupeKey: string): boolean {
  return prepared(store, "SELECT 1 FROM alert_keys WHERE dedupe_key = ?").get(dedupeKey) !== undefined;
}

/** The keys among these that some alert already covers. */
export function knownAlertKeys(store: Store, keys: readonly string[]): Set<string> {
  const stmt = prepared(store, "SELECT 1 FROM alert_keys WHERE dedupe_key = ?");
  return new Set(keys.filter((k) => stmt.get(k) !== undefined));
}

const SELECT_ALERT = `SELECT a.id, a.kind, s.name AS story, a.measure, a.grp, a.payload, a.created_at
  FROM alerts a LEFT JOIN stories s ON s.id = a.story_id`;

function toAlert(row: AlertRow): Alert {
  const p = JSON.parse(row.payload) as Payload;
  return {
    id: row.id,
    kind: row.kind,
    story: row.story,
    measure: row.measure,
    group: row.grp,
    values: p.values,
    figures: p.figures,
    summary: p.summary,
    created_at: row.created_at,
  };
}

export function getAlert(store: Store, id: number): Alert | undefined {
  const row = prepared(store, `${SELECT_ALERT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row ? toAlert(row) : undefined;
}

export interface ListAlertsOptions {
  /** Everything, delivered or not, however old. */
  all?: boolean;
  /** Without `all`: alerts created since then, plus any still waiting for a delivery. */
  since?: Date;
  storyId?: number;
  limit?: number;
}

/** Alerts oldest first. */
export function listAlerts(store: Store, options: ListAlertsOptions = {}): Alert[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (!options.all) {
    // two indexed lookups instead of a test on every alert
    where.push(
      "a.id IN (SELECT id FROM alerts WHERE created_at >= ? UNION SELECT alert_id FROM deliveries WHERE state = 'pending')",
    );
    params.push((options.since ?? new Date(0)).toISOString());
  }
  if (options.storyId !== undefined) {
    where.push("a.story_id = ?");
    params.push(options.storyId);
  }
  const sql = `${SELECT_ALERT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.id LIMIT ?`;
  params.push(options.limit ?? 1000);
  return (prepared(store, sql).all(...params) as AlertRow[]).map(toAlert);
}

/** Moves a story's alerts to another story (after a merge), re-keying what they cover. */
export function moveAlerts(store: Store, fromStoryId: number, toStoryId: number): void {
  const prefix = `${fromStoryId}|`;
  const rekey = (k: string) => (k.startsWith(prefix) ? `${toStoryId}|${k.slice(prefix.length)}` : k);
  const rows = prepared(
    store,
    "SELECT k.dedupe_key, k.alert_id FROM alert_keys k JOIN alerts a ON a.id = k.alert_id WHERE a.story_id = ?",
  ).all(fromStoryId) as { dedupe_key: string; alert_id: number }[];
  for (const r of rows) {
    const key = rekey(r.dedupe_key);
    if (key === r.dedupe_key) continue;
    // when the target story already alerted on the same values, that alert keeps the key
    if (alertExists(store, key))
      prepared(store, "DELETE FROM alert_keys WHERE dedupe_key = ?").run(r.dedupe_key);
    else prepared(store, "UPDATE alert_keys SET dedupe_key = ? WHERE dedupe_key = ?").run(key, r.dedupe_key);
  }
  prepared(store, "UPDATE alerts SET story_id = ? WHERE story_id = ?").run(toStoryId, fromStoryId);
}

export interface PendingDelivery {
  /** The delivery row's id: pass it to markDelivered / markFailed. */
  id: number;
  alertId: number;
  destination: string;
  attempts: number;
  alert: Alert;
}

/** Deliveries for one destination that are due at `now`, oldest alert first. */
export function pendingDeliveries(
  store: Store,
  destination: string,
  now: Date,
  limit = 50,
): PendingDelivery[] {
  const rows = prepared(
    store,
    `SELECT d.id, d.alert_id, d.destination, d.attempts
         FROM deliveries d
        WHERE d.destination = ? AND d.state = 'pending'
          AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)
        ORDER BY d.alert_id, d.id LIMIT ?`,
  ).all(destination, now.toISOString(), limit) as {
    id: number;
    alert_id: number;
    destination: string;
    attempts: number;
  }[];
  const out: PendingDelivery[] = [];
  for (const r of rows) {
    const alert = getAlert(store, r.alert_id);
    if (alert)
      out.push({ id: r.id, alertId: r.alert_id, destination: r.destination, attempts: r.attempts, alert });
  }
  return out;
}

export function markDelivered(store: Store, deliveryId: number, now: Date): void {
  prepared(
    store,
    "UPDATE deliveries SET state = 'sent', attempts = attempts + 1, delivered_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?",
  ).run(now.toISOString(), deliveryId);
}

/**
 * Records a failed attempt. With `nextAttemptAt` the delivery stays pending and is due again then;
 * with null it is given up on (state failed).
 */
export function markFailed(
  store: Store,
  deliveryId: number,
  nextAttemptAt: Date | null,
  error: string,
): void {
  prepared(
    store,
    "UPDATE deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
  ).run(nextAttemptAt ? "pending" : "failed", nextAttemptAt?.toISOString() ?? null, error, deliveryId);
}

export interface DeliveryRow {
  id: number;
  alert_id: number;
  destination: string;
  state: "pending" | "sent" | "failed";
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

export function listDeliveries(store: Store, alertId?: number): DeliveryRow[] {
  const sql = `SELECT id, alert_id, destination, state, attempts, next_attempt_at, last_error, delivered_at
                 FROM deliveries ${alertId === undefined ? "" : "WHERE alert_id = ?"} ORDER BY id`;
  const stmt = prepared(store, sql);
  return (alertId === undefined ? stmt.all() : stmt.all(alertId)) as DeliveryRow[];
}
