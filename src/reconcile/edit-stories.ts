// Editors' corrections to automatic stories: rename, merge, split. Decisions are re-run over the
// stories that changed; alerts already raised are never raised twice.
import { fail, ok, type Result } from "../core/result.js";
import { moveAlerts } from "../store/alerts.js";
import { setArticleStory } from "../store/articles.js";
import type { Store } from "../store/store.js";
import {
  createStory,
  lookupStory,
  markMerged,
  renameStory,
  type StoryRow,
  storyArticleIds,
  storyArticleTerms,
  storyNameTaken,
  updateStoryTerms,
} from "../store/stories.js";
import { reconcileStory, refreshSlotLatest } from "./apply.js";
import { mergeTerms } from "./stories.js";

function find(store: Store, name: string): Result<StoryRow> {
  const s = lookupStory(store, name);
  return s
    ? ok(s)
    : fail("story_not_found", `No story matches "${name.slice(0, 80)}".`, "See: tollwatch stories");
}

export function renameStoryByName(store: Store, from: string, to: string, now: Date): Result<StoryRow> {
  const name = to.trim();
  if (!name) return fail("story_name_empty", "A story needs a name.");
  return store.transaction(() => {
    const s = find(store, from);
    if (!s.ok) return s;
    if (storyNameTaken(store, name) && name.toLowerCase() !== s.value.name.toLowerCase())
      return fail("story_name_taken", `A story named "${name}" already exists.`, "Merge the two instead.");
    renameStory(store, s.value.id, name, now);
    return ok({ ...s.value, name, manual: true });
  });
}

function refreshTerms(store: Store, storyId: number, now: Date): void {
  updateStoryTerms(store, storyId, mergeTerms(storyArticleTerms(store, storyId)), now);
}

/** Moves every article of `other` into `into`; returns the ids of alerts the merge newly raised. */
export function mergeStories(
  store: Store,
  into: string,
  other: string,
  destinations: readonly string[],
  now: Date,
): Result<{ story: StoryRow; alertIds: number[] }> {
  return store.transaction(() => {
    const a = find(store, into);
    if (!a.ok) return a;
    const b = find(store, other);
    if (!b.ok) return b;
    if (a.value.id === b.value.id) return fail("story_same", "Those are the same story.");
    for (const id of storyArticleIds(store, b.value.id)) setArticleStory(store, id, a.value.id);
    markMerged(store, b.value.id, a.value.id, now);
    moveAlerts(store, b.value.id, a.value.id);
    refreshSlotLatest(store, b.value.id);
    refreshTerms(store, a.value.id, now);
    const alertIds = reconcileStory(store, a.value.id, destinations, now);
    return ok({ story: a.value, alertIds });
  });
}

/** Moves the given articles of a story into a new story named by hand. */
export function splitStory(
  store: Store,
  from: string,
  articleIds: number[],
  name: string,
  destinations: readonly string[],
  now: Date,
): Result<{ story: StoryRow; moved: number[]; alertIds: number[] }> {
  const newName = name.trim();
  if (!newName) return fail("story_name_empty", "The new story needs a name (--name).");
  if (!articleIds.length) return fail("split_no_articles", "Name the articles to move (--articles ID,ID).");
  return store.transaction(() => {
    const s = find(store, from);
    if (!s.ok) return s;
    if (storyNameTaken(store, newName))
      return fail("story_name_taken", `A story named "${newName}" already exists.`);
    const mine = new Set(storyArticleIds(store, s.value.id));
    const missing = articleIds.filter((id) => !mine.has(id));
    if (missing.length)
      return fail(
        "split_not_in_story",
        `Article ${missing.join(", ")} is not in "${s.value.name}".`,
        "See: tollwatch articles",
      );
    if (articleIds.length === mine.size)
      return fail("split_everything", "That would move every article: rename instead.");
    const id = createStory(store, newName, [], true, now);
    for (const a of articleIds) setArticleStory(store, a, id);
    refreshTerms(store, id, now);
    refreshTerms(store, s.value.id, now);
    refreshSlotLatest(store, s.value.id);
    const alertIds = reconcileStory(store, id, destinations, now);
    const created = lookupStory(store, newName)!;
    return ok({ story: created, moved: articleIds, alertIds });
  });
}
