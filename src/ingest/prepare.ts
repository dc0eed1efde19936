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

/**
 * A prepared draft as it crosses from a worker thread: JSON text, decoded just before the article
 * is stored. Structured clones would arrive as object graphs that wait in the queue long enough to
 * be promoted to the old generation, where they pile up as garbage until a full collection
 * (measured: ~30 KB per article, tens of MB of peak memory); a string waits compactly instead, and
 * the objects decoded from it die young.
 */
export type PreparedText = string;

export function encodePrepared(p: Prepared): PreparedText {
  return JSON.stringify(p);
}

export function decodePrepared(text: PreparedText): Prepared {
  return JSON.parse(text) as Prepared;
}
