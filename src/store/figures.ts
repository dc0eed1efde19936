// Figures as reconciliation and the answers read them: with originator, article and citation.
import type { Group, Measure, Qualifier } from "../core/types.js";
import type { FigureFact } from "../reconcile/decide.js";
import { prepared } from "./prepared.js";
import type { Store } from "./store.js";

/** A figure as a decision reads it: the fact, its originator's row and its place in a range. */
export interface SlotFigure extends FigureFact {
  /** The originator's row id (absent in hand-built views). */
  originatorId?: number | null;
  rangeRole: "low" | "high" | null;
  low: number | null;
  high: number | null;
}

/** What an alert quotes of a figure: its sentence and where it was published. */
export interface FigureCitation {
  text: string;
  outlet: string | null;
  url: string | null;
}

/** A figure with what an answer needs to cite it. */
export interface FigureView extends SlotFigure {
  text: string;
  sourceSurface: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  title: string | null;
  ingestedAt: string;
}

type FactRow = Pick<
  FigureRow,
  | "id"
  | "story_id"
  | "article_id"
  | "measure"
  | "grp"
  | "originator"
  | "originator_id"
  | "count"
  | "qualifier"
  | "low"
  | "high"
  | "range_role"
  | "published"
  | "cumulative"
  | "superseded"
>;

interface FigureRow {
  id: number;
  story_id: number | null;
  article_id: number;
  measure: Measure;
  grp: Group;
  originator: string | null;
  originator_id: number | null;
  count: number | null;
  qualifier: Qualifier;
  low: number | null;
  high: number | null;
  range_role: "low" | "high" | null;
  published: string | null;
  cumulative: number;
  superseded: number;
  text: string;
  source_surface: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  title: string | null;
  ingested_at: string;
}

const SELECT = `SELECT f.id, f.story_id, f.article_id, f.measure, f.grp, o.name AS originator, f.originator_id, f.count, f.qualifier,
       f.low, f.high, f.range_role, f.published, f.cumulative, f.superseded, f.text, f.source_surface,
       a.outlet, a.url, a.file, a.title, a.ingested_at
  FROM figures f JOIN articles a ON a.id = f.article_id LEFT JOIN originators o ON o.id = f.originator_id`;

// the decisions' reads leave out the article and the evidence text: an alert quotes only a few of
// the figures read, and reading every one's article row cost more than the rest of the read
const SELECT_FACT = `SELECT f.id, f.story_id, f.article_id, f.measure, f.grp, o.name AS originator, f.originator_id, f.count,
       f.qualifier, f.low, f.high, f.range_role, f.published, f.cumulative, f.superseded
  FROM figures f LEFT JOIN originators o ON o.id = f.originator_id`;

function rangeOf(r: FactRow): { low: number; high: number } | null {
  return r.range_role !== null && r.low !== null && r.high !== null && r.low !== r.high
    ? { low: r.low, high: r.high }
    : null;
}

function toFact(r: FactRow): SlotFigure {
  return {
    id: r.id,
    storyId: r.story_id ?? 0,
    articleId: r.article_id,
    measure: r.measure,
    group: r.grp,
    originator: r.originator,
    count: r.count,
    qualifier: r.qualifier,
    range: rangeOf(r),
    published: r.published,
    cumulative: r.cumulative === 1,
    superseded: r.superseded === 1,
    originatorId: r.originator_id,
    rangeRole: r.range_role,
    low: r.low,
    high: r.high,
  };
}

// one literal rather than a spread of toFact's: /toll turns thousands of rows into views, and
// building them through an intermediate object doubled its time
function toView(r: FigureRow): FigureView {
  return {
    id: r.id,
    storyId: r.story_id ?? 0,
    articleId: r.article_id,
    measure: r.measure,
    group: r.grp,
    originator: r.originator,
    count: r.count,
    qualifier: r.qualifier,
    range: rangeOf(r),
    published: r.published,
    cumulative: r.cumulative === 1,
    superseded: r.superseded === 1,
    originatorId: r.originator_id,
    rangeRole: r.range_role,
    low: r.low,
    high: r.high,
    text: r.text,
    sourceSurface: r.source_surface,
    outlet: r.outlet,
    url: r.url,
    file: r.file,
    title: r.title,
    ingestedAt: r.ingested_at,
  };
}

/** A story's figures in the order they were stored. */
export function listStoryFigures(store: Store, storyId: number): FigureView[] {
  return (prepared(store, `${SELECT} WHERE f.story_id = ? ORDER BY f.id`).all(storyId) as FigureRow[]).map(
    toView,
  );
}

/** Each originator's latest comparable figure in a story × measure × group (see slot_latest). */
export function listSlotLatest(store: Store, storyId: number, measure: Measure, group: Group): SlotFigure[] {
  return (
    prepared(
      store,
      `${SELECT_FACT} JOIN slot_latest l ON l.figure_id = f.id
        WHERE l.story_id = ? AND l.measure = ? AND l.grp = ? ORDER BY f.id`,
    ).all(storyId, measure, group) as FactRow[]
  ).map(toFact);
}

/**
 * An originator's comparable figures in a slot whose count is within `slack` of `count`: the
 * candidates for "it gave this value before" (a repeat citation).
 */
export function listNearValueFigures(
  store: Store,
  slot: { storyId: number; measure: Measure; group: Group; originatorId: number },
  count: number,
  slack: number,
): SlotFigure[] {
  return (
    prepared(
      store,
      `${SELECT_FACT} WHERE f.story_id = ? AND f.measure = ? AND f.grp = ? AND f.originator_id = ?
         AND f.count BETWEEN ? AND ? AND f.superseded = 0 ORDER BY f.id`,
    ).all(
      slot.storyId,
      slot.measure,
      slot.group,
      slot.originatorId,
      count - slack,
      count + slack,
    ) as FactRow[]
  ).map(toFact);
}

/** A figure's sentence and its article's outlet and URL. */
export function figureCitation(store: Store, figureId: number): FigureCitation | undefined {
  return prepared(
    store,
    "SELECT f.text, a.outlet, a.url FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.id = ?",
  ).get(figureId) as FigureCitation | undefined;
}

/** Records a figure as its originator's latest in its slot. */
export function setSlotLatest(
  store: Store,
  slot: { storyId: number; measure: Measure; group: Group; originatorId: number },
  figureId: number,
): void {
  prepared(
    store,
    "INSERT OR REPLACE INTO slot_latest (story_id, measure, grp, originator_id, figure_id) VALUES (?, ?, ?, ?, ?)",
  ).run(slot.storyId, slot.measure, slot.group, slot.originatorId, figureId);
}

/** Forgets a story's latest figures (before they are worked out again after a merge or split). */
export function clearSlotLatest(store: Store, storyId: number): void {
  prepared(store, "DELETE FROM slot_latest WHERE story_id = ?").run(storyId);
}

/**
 * Figures with a named originator, in the order they were stored: all of one story's (through its
 * index), or across stories the newest `recent` (read from the end of the table), so that the
 * answer stays bounded however large the archive grows.
 */
export function listAttributedFigures(store: Store, storyId?: number, recent = 2000): FigureView[] {
  if (storyId !== undefined)
    return (
      prepared(store, `${SELECT} WHERE f.story_id = ? AND f.originator_id IS NOT NULL ORDER BY f.id`).all(
        storyId,
      ) as FigureRow[]
    ).map(toView);
  return (
    prepared(store, `${SELECT} WHERE f.originator_id IS NOT NULL ORDER BY f.id DESC LIMIT ?`).all(
      recent,
    ) as FigureRow[]
  )
    .reverse()
    .map(toView);
}

/** Every figure of an originator, oldest first. */
export function listOriginatorFigures(store: Store, originatorId: number, storyId?: number): FigureView[] {
  return (
    prepared(
      store,
      `${SELECT} WHERE f.originator_id = ? AND (? IS NULL OR f.story_id = ?) ORDER BY f.id`,
    ).all(originatorId, storyId ?? null, storyId ?? null) as FigureRow[]
  ).map(toView);
}
