// Shared by commands that take a story: find it from what the user typed, or say what exists.
import { errorReply, type Reply } from "../src/core/reply.js";
import type { Store } from "../src/store/store.js";
import { listStories, lookupStory, type StoryRow } from "../src/store/stories.js";

export function storyFromArg(
  store: Store,
  command: string,
  text: string | undefined,
): { story: StoryRow | undefined; error?: Reply } {
  const wanted = text?.trim();
  if (!wanted) return { story: undefined };
  const story = lookupStory(store, wanted);
  if (story) return { story };
  const names = listStories(store)
    .slice(0, 8)
    .map((s) => s.name);
  return {
    story: undefined,
    error: errorReply(
      command,
      `No story matches "${wanted.slice(0, 80)}".`,
      names.length ? `Stories: ${names.join("; ")}.` : "No stories yet: ingest some articles first.",
    ),
  };
}
