// Alerts written through the store, the way reconciliation writes them.
import { insertAlert } from "../../src/store/alerts.js";
import type { Store } from "../../src/store/store.js";

let serial = 0;

export function addAlert(
  store: Store,
  destinations: string[],
  summary = `Source A says ${100 + serial}; source B says at least 200`,
): number {
  serial++;
  const id = insertAlert(
    store,
    {
      kind: "disagreement",
      storyId: null,
      measure: "killed",
      group: "total",
      dedupeKey: `test|${serial}|${summary}`,
      values: [100 + serial, 200],
      figures: [
        {
          count: 100 + serial,
          qualifier: "exact",
          originator: "Source A",
          outlet: "Outlet One",
          url: "https://example.org/a",
          published: "2025-03-09",
          text: `Source A said ${100 + serial} people were killed.`,
        },
      ],
      summary,
      articleId: null,
      createdAt: new Date(Date.UTC(2025, 2, 9, 12, 0, serial)).toISOString(),
    },
    destinations,
  );
  if (id === null) throw new Error("alert not written");
  return id;
}
