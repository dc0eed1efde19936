// /who-said [words] [--speaker NAME] [--story NAME]: quotes and who said them, newest first;
// with nothing to search, the speakers and how often they were quoted.
import type { CommandDefinition } from "../src/core/command.js";
import type { ReplyItem } from "../src/core/reply.js";
import { formatDate } from "../src/reconcile/describe.js";
import { searchStatements, speakerCounts } from "../src/store/statements.js";
import { storyFromArg } from "./story-arg.js";

export const whoSaid: CommandDefinition = {
  name: "who-said",
  description: "Quoted statements and who made them, newest first",
  options: [
    { name: "query", description: "words in the quote or the speaker's name" },
    { name: "speaker", description: "only this speaker", autocomplete: "speaker" },
    { name: "story", description: "only this story", autocomplete: "story" },
  ],
  handler: ({ store }, args) => {
    const picked = storyFromArg(store, "who-said", args.story);
    if (picked.error) return picked.error;
    const storyId = picked.story?.id;
    const query = args.query?.trim() || undefined;
    const speaker = args.speaker?.trim() || undefined;
    if (!query && !speaker) {
      const speakers = speakerCounts(store, storyId);
      return {
        command: "who-said",
        ok: true,
        title: speakers.length ? "Who has been quoted" : "No statements yet",
        blocks: speakers.length
          ? [
              {
                kind: "list",
                items: speakers.map((s) => ({
                  text: `${s.speaker} (${s.statements})`,
                  meta: [s.role, s.kind, formatDate(s.latest)].filter(Boolean).join(" · "),
                })),
              },
            ]
          : [{ kind: "text", text: "No quoted statements have been stored." }],
        data: { query: null, speakers },
      };
    }
    const found = searchStatements(store, {
      ...(query ? { query } : {}),
      ...(speaker ? { speaker } : {}),
      ...(storyId !== undefined ? { storyId } : {}),
    });
    const items: ReplyItem[] = found.map((s) => ({
      text: `${s.speaker ?? "unnamed speaker"}: “${s.quote}”`,
      meta: [s.role, s.kind, s.outlet ?? s.title ?? s.file, formatDate(s.published), s.story]
        .filter(Boolean)
        .join(" · "),
      ...(s.url ? { links: [{ label: s.outlet ?? "article", url: s.url }] } : {}),
    }));
    const what = [query && `“${query}”`, speaker && `by ${speaker}`].filter(Boolean).join(" ");
    return {
      command: "who-said",
      ok: true,
      title: found.length ? `Statements ${what}` : `No statements ${what}`,
      blocks: found.length
        ? [{ kind: "list", items }]
        : [{ kind: "text", text: "Try fewer or other words." }],
      data: {
        query: query ?? null,
        speaker: speaker ?? null,
        story: picked.story?.name ?? null,
        statements: found.map((s) => ({
          id: s.id,
          speaker: s.speaker,
          role: s.role,
          kind: s.kind,
          quote: s.quote,
          outlet: s.outlet,
          url: s.url,
          file: s.file,
          published: s.published,
          story: s.story,
        })),
      },
    };
  },
};
