// What an article needs computed before it is stored, all pure functions of the draft: a worker
// thread can compute it while the main thread stores the articles before (prepare-pool.ts).
import type { ArticleDraft, Extraction } from "../core/types.js";
import { extract } from "../extract/index.js";
import { articleTerms, type Term } from "../reconcile/stories.js";
import { contentHash } from "./keys.js";

export interface Prepared {
  /** Duplicate key of the normalised text. */
  hash: string;
  extraction: Extraction;
  /** Distinctive terms that match the article to a story. */
  terms: Term[];
}

/** The story-matching terms of a draft (its title counts as its first line). */
export function storyTermsOf(draft: ArticleDraft): Term[] {
  return articleTerms(draft.text, draft.title);
}

/** Everything ingest computes from a draft before storing it, with the product's extractor. */
export function prepareDraft(draft: ArticleDraft): Prepared {
  return {
    hash: contentHash(draft.text),
    extraction: extract({ text: draft.text, title: draft.title, published: draft.published }),
    terms: storyTermsOf(draft),
  };
}
