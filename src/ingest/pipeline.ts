// The ingest pipeline for one article draft: dedupe, extract, store, reconcile — one transaction.
import type { ArticleDraft, ExtractInput, Extraction } from "../core/types.js";
import {
  type ArticleRow,
  findDuplicate,
  insertArticle,
  insertFigures,
  insertStatements,
} from "../store/articles.js";
import type { Store } from "../store/store.js";
import { canonicalUrl, contentHash } from "./keys.js";

export interface StoredArticle {
  id: number;
  draft: ArticleDraft;
  extraction: Extraction;
  figureIds: number[];
  statementIds: number[];
}

/** Runs inside the article's transaction after its rows are written: stories, originators, alerts. */
export type ReconcileStep = (
  store: Store,
  article: StoredArticle,
  options: { story?: string; now: Date },
) => void;

export interface PipelineSteps {
  extract(input: ExtractInput): Extraction;
  reconcile?: ReconcileStep;
}

export interface IngestOutcome {
  status: "new" | "duplicate";
  articleId: number;
  title: string | null;
  published: string | null;
  figures: number;
  statements: number;
}

export function ingestDraft(
  store: Store,
  draft: ArticleDraft,
  steps: PipelineSteps,
  options: { story?: string; now?: Date } = {},
): IngestOutcome {
  const now = options.now ?? new Date();
  const key = draft.url ? canonicalUrl(draft.url) : null;
  const hash = contentHash(draft.text);
  const duplicate = (dup: ArticleRow): IngestOutcome => ({
    status: "duplicate",
    articleId: dup.id,
    title: dup.title,
    published: dup.published,
    figures: 0,
    statements: 0,
  });
  // a re-run offers mostly stored articles: recognise them before paying for extraction
  const known = findDuplicate(store, key, hash);
  if (known) return duplicate(known);
  // extraction is pure and may be slow: do it before taking the write lock
  const extraction = steps.extract({ text: draft.text, title: draft.title, published: draft.published });
  return store.transaction(() => {
    // checked again inside the transaction: another process may have stored it meanwhile
    const dup = findDuplicate(store, key, hash);
    if (dup) return duplicate(dup);
    const id = insertArticle(store, {
      ...draft,
      canonicalKey: key,
      contentHash: hash,
      ingestedAt: now.toISOString(),
    });
    const figureIds = insertFigures(store, id, draft.published, extraction.figures);
    const statementIds = insertStatements(store, id, draft.published, extraction.statements);
    const reconcileOptions = options.story === undefined ? { now } : { now, story: options.story };
    steps.reconcile?.(store, { id, draft, extraction, figureIds, statementIds }, reconcileOptions);
    return {
      status: "new",
      articleId: id,
      title: draft.title,
      published: draft.published,
      figures: extraction.figures.length,
      statements: extraction.statements.length,
    } satisfies IngestOutcome;
  });
}
