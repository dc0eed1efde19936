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
import { decodePrepared, type Prepared, type PreparedText, storyTermsOf } from "./prepare.js";
import { PreparePool } from "./prepare-pool.js";

/** The article row is written; its figures and statements are not yet. */
export interface NewlyStoredArticle {
  id: number;
  draft: ArticleDraft;
  extraction: Extraction;
  /** Its distinctive terms, for matching it to a story (see reconcile/stories.ts). */
  terms: Prepared["terms"];
}

/** What a figure is resolved to before its row is written: its originator and interval. */
export interface FigurePlacement {
  originatorId: number | null;
  low: number | null;
  high: number | null;
}

/** The article's story (already set on its row) and each figure's resolution, in extraction order. */
export interface Placement {
  storyId: number;
  figures: FigurePlacement[];
}

export interface StoredArticle extends NewlyStoredArticle {
  figureIds: number[];
  statementIds: number[];
  /** What the place step resolved, or null when the pipeline has none. */
  placement: Placement | null;
}

export interface ReconcileOptions {
  story?: string;
  now: Date;
}

/**
 * Runs inside the article's transaction after the article row is written and before its figures
 * and statements are: the story and originators are known when those rows are written, so they
 * are written once instead of written and then updated (each update also rewrites their indexes).
 */
export type PlaceStep = (store: Store, article: NewlyStoredArticle, options: ReconcileOptions) => Placement;

/** Runs inside the article's transaction after its rows are written: decisions and alerts. */
export type ReconcileStep = (store: Store, article: StoredArticle, options: ReconcileOptions) => void;

export interface PipelineSteps {
  extract(input: ExtractInput): Extraction;
  /**
   * True when `extract` is the product's extractor, which a worker thread can run instead
   * (see prepare-pool.ts); test doubles leave it unset and always run on the caller's thread.
   */
  extractsInWorkers?: boolean;
  place?: PlaceStep;
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

/**
 * Stores one article in one transaction (a savepoint inside a batch). `prepared` is what a worker
 * thread already computed from the draft (its hash, extraction and terms); without it they are
 * computed here.
 */
export function ingestDraft(
  store: Store,
  draft: ArticleDraft,
  steps: PipelineSteps,
  options: { story?: string; now?: Date } = {},
  prepared?: Prepared,
): IngestOutcome {
  const now = options.now ?? new Date();
  const key = draft.url ? canonicalUrl(draft.url) : null;
  const hash = prepared?.hash ?? contentHash(draft.text);
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
  // extraction is pure and may be slow: done before taking the write lock (in a batch, the lock is
  // already held: bulk ingest prepares drafts on worker threads instead)
  const extraction =
    prepared?.extraction ??
    steps.extract({ text: draft.text, title: draft.title, published: draft.published });
  const terms = prepared?.terms ?? storyTermsOf(draft);
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
    const reconcileOptions: ReconcileOptions =
      options.story === undefined ? { now } : { now, story: options.story };
    const placement = steps.place?.(store, { id, draft, extraction, terms }, reconcileOptions) ?? null;
    const figureIds = insertFigures(store, id, draft.published, extraction.figures, placement?.figures);
    const statementIds = insertStatements(store, id, draft.published, extraction.statements);
    steps.reconcile?.(
      store,
      { id, draft, extraction, terms, figureIds, statementIds, placement },
      reconcileOptions,
    );
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

export interface BatchOptions {
  /** Put every article into this story instead of matching one. */
  story?: string;
  /** The ingest time of each article (default: now). */
  now?: (draft: ArticleDraft) => Date;
}

/** How many articles, and how much text, one bulk transaction takes at most (see ingestBatch). */
export const BATCH_MAX_ARTICLES = 100;
export const BATCH_MAX_CHARS = 4_000_000;

/**
 * Ingests several drafts in one transaction, each article in its own savepoint inside it: an
 * article is still stored whole (row, figures, statements, alerts) or not at all, but the pages
 * every article touches (index leaves, the outbox, the term counts) are written to the log once
 * per batch instead of once per article (ADR 0007). If an article throws, its savepoint is rolled
 * back, the articles before it commit, and the error is rethrown — as with one transaction each.
 */
export function ingestBatch(
  store: Store,
  drafts: readonly ArticleDraft[],
  steps: PipelineSteps,
  options: BatchOptions = {},
  /** What a worker prepared for the i-th draft, if anything. */
  prepared: (i: number) => Prepared | undefined = () => undefined,
): IngestOutcome[] {
  const outcomes: IngestOutcome[] = [];
  let failure: { error: unknown } | null = null;
  const write = () => {
    for (const [i, draft] of drafts.entries()) {
      const one = options.story === undefined ? {} : { story: options.story };
      const opts = options.now ? { ...one, now: options.now(draft) } : one;
      try {
        // a transaction inside a transaction is a savepoint: a throw rolls back this article only
        outcomes.push(ingestDraft(store, draft, steps, opts, prepared(i)));
      } catch (error) {
        failure = { error };
        break;
      }
    }
  };
  store.transaction(write, { immediate: true });
  if (failure) throw (failure as { error: unknown }).error;
  return outcomes;
}

/**
 * Splits drafts into batches of at most BATCH_MAX_ARTICLES articles and BATCH_MAX_CHARS characters
 * of text, so that a batch's write lock and memory stay bounded.
 */
export async function* batchesOf(
  drafts: Iterable<ArticleDraft> | AsyncIterable<ArticleDraft>,
): AsyncGenerator<ArticleDraft[]> {
  let batch: ArticleDraft[] = [];
  let chars = 0;
  for await (const d of drafts) {
    if (batch.length && (batch.length >= BATCH_MAX_ARTICLES || chars + d.text.length > BATCH_MAX_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(d);
    chars += d.text.length;
  }
  if (batch.length) yield batch;
}

export interface StreamOptions extends BatchOptions {
  /** Worker threads preparing drafts (0: prepare on this thread); used only with `extractsInWorkers`. */
  workers?: number;
  /** Called after each batch commits, with its drafts and their outcomes in order. */
  onBatch?: (drafts: readonly ArticleDraft[], outcomes: readonly IngestOutcome[]) => void;
}

/**
 * Ingests a stream of drafts in batches (ingestBatch). With workers, the next batches are prepared
 * on other threads while this one is stored, so the writer only writes. Drafts are read from the
 * iterable (which may be async: files and URLs being read) a few batches ahead, never all at once;
 * no transaction is open while it is awaited.
 */
export async function ingestStream(
  store: Store,
  drafts: Iterable<ArticleDraft> | AsyncIterable<ArticleDraft>,
  steps: PipelineSteps,
  options: StreamOptions = {},
): Promise<void> {
  const workers = steps.extractsInWorkers ? (options.workers ?? 0) : 0;
  const pool = workers > 0 ? new PreparePool(workers) : null;
  // each worker has one batch in hand and one waiting, so it never idles while the writer works
  const depth = 2 * workers + 1;
  const batches = batchesOf(drafts);
  const ahead: { drafts: ArticleDraft[]; prepared: Promise<PreparedText[]> | null }[] = [];
  const fill = async () => {
    while (ahead.length < depth) {
      const next = await batches.next();
      if (next.done) return;
      const prepared = pool?.prepare(next.value) ?? null;
      // a rejection is handled where the batch is awaited; this stops it being reported as unhandled first
      prepared?.catch(() => {});
      ahead.push({ drafts: next.value, prepared });
    }
  };
  try {
    await fill();
    for (let head = ahead.shift(); head; head = ahead.shift()) {
      // a batch its worker could not prepare (a worker out of memory, say) is prepared here instead
      const prepared = head.prepared ? await head.prepared.catch(() => []) : [];
      await fill();
      const outcomes = ingestBatch(store, head.drafts, steps, options, (i) => {
        const text = prepared[i];
        return text === undefined ? undefined : decodePrepared(text);
      });
      options.onBatch?.(head.drafts, outcomes);
    }
  } finally {
    await pool?.close();
  }
}
