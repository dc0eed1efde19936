// The multi-event fixtures: articles about three unrelated events of the same days, with the
// extraction a careful reader makes of each (test/fixtures/events/extractions.json).
import fs from "node:fs";
import path from "node:path";
import type { ArticleDraft, Extraction, Figure } from "../../src/core/types.js";
import { readInput } from "../../src/ingest/read.js";

export const EVENTS_DIR = "test/fixtures/events";
export const EVENTS = ["quake", "conflict", "flood"] as const;
export type EventName = (typeof EVENTS)[number];

export interface EventArticle {
  event: EventName;
  file: string;
  draft: ArticleDraft;
  extraction: Extraction;
}

type Hand = Omit<Figure, "text" | "start" | "end">;

export async function loadEventArticles(): Promise<EventArticle[]> {
  const table = JSON.parse(fs.readFileSync(path.join(EVENTS_DIR, "extractions.json"), "utf8")) as Record<
    string,
    Hand[]
  >;
  const out: EventArticle[] = [];
  for (const event of EVENTS) {
    for (const name of fs.readdirSync(path.join(EVENTS_DIR, event)).sort()) {
      const file = `${event}/${name}`;
      const read = await readInput(
        { kind: "file", value: path.join(EVENTS_DIR, file) },
        { allowPrivate: false },
      );
      if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
      const draft = read.value[0]!;
      const figures = (table[file] ?? []).map((h): Figure => {
        const at = draft.text.indexOf(String(h.count));
        return { ...h, text: draft.text.slice(Math.max(0, at - 60), at + 60), start: at, end: at + 3 };
      });
      out.push({ event, file, draft, extraction: { figures, statements: [] } });
    }
  }
  return out;
}

/** Round-robin over the events, each event's articles in their own order. */
export function interleave(articles: EventArticle[]): EventArticle[] {
  const byEvent = EVENTS.map((e) => articles.filter((a) => a.event === e));
  const out: EventArticle[] = [];
  for (let i = 0; byEvent.some((l) => i < l.length); i++) for (const l of byEvent) if (l[i]) out.push(l[i]!);
  return out;
}
