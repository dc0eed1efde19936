// Delivery-state queries the runtime needs beyond the outbox in alerts.ts.
import type { Store } from "./store.js";

/** Ids of the alerts most recently delivered to a destination, oldest first. */
export function recentlyDeliveredAlertIds(store: Store, destination: string, limit: number): number[] {
  return (
    store.db
      .prepare(
        `SELECT alert_id FROM (
           SELECT alert_id FROM deliveries WHERE destination = ? AND state = 'sent'
            ORDER BY alert_id DESC LIMIT ?
         ) ORDER BY alert_id`,
      )
      .all(destination, limit) as { alert_id: number }[]
  ).map((r) => r.alert_id);
}
