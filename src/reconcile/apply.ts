// The reconcile step of the ingest pipeline, run inside the article's transaction: story,
// originators, intervals, decisions, and alert rows with their deliveries (the outbox).
import type { AlertFigure } from "../core/alert.js";
import type { Figure } from "../core/types.js";
import type {
  FigurePlacement,
  NewlyStoredArticle,
  PipelineSteps,
  Placement,
  ReconcileOptions,
  StoredArticle,
} from "../ingest/pipeline.js";
import { insertAlert, knownAlertKeys } from "../store/alerts.js";
import { dayNumber, setArticleRowStory } from "../store/articles.js";
import {
  clearSlotLatest,
  type FigureCitation,
  type FigureView,
  figureCitation,
  listNearValueFigures,
  listSlotLatest,
  listStoryFigures,
  type SlotFigure,
  setSlotLatest,
} from "../store/figures.js";
import {
  addAlias,
  createOriginator,
  findOriginatorByAliasKey,
  getKnownOriginator,
  listKnownOriginators,
  originatorName,
  renameOriginator,
} from "../store/originators.js";
import type { Store } from "../store/store.js";
import {
  addTermPostings,
  createStory,
  findStoryByName,
  getStory,
  type PostingRole,
  setArticleTerms,
  storyNameTaken,
  termDayCounts,
  termPostings,
  updateStoryTerms,
} from "../store/stories.js";
import {
  alertGroups,
  decide,
  type FigureFact,
  isAlertVerdict,
  isComparable,
  judge,
  latestByOriginator,
  type Verdict,
} from "./decide.js";
import { describeFigure } from "./describe.js";
import { type Interval, intervalOf, rangeInterval } from "./interval.js";
import { aliasesOf, aliasKey, cleanName, resolveOriginator } from "./originators.js";
import {
  distinctiveShares,
  matchShared,
  mergeTerms,
  type SharedTerm,
  STORY_WINDOW_DAYS,
  storyName,
  type Term,
} from "./stories.js";

/**
 * Recent articles read per term of a new article, newest first: a distinctive term (a town) has
 * fewer holders than this, so all of them are read; a common one (a country) is only sampled, as
 * it weighs too little to decide a match anyway.
 */
export const POSTINGS_PER_TERM = 10;

/**
 * The terms whose holders are read, most distinctive first, leaving out the least distinctive ones
 * while together they weigh less than this: they could not change a match, and a common term's
 * holders are the most numerous and the least telling.
 */
export const UNREAD_SHARE = 0.1;

function termsToRead(terms: readonly Term[], shares: ReadonlyMap<string, number>): string[] {
  const share = (t: string) => shares.get(t) ?? 0;
  const ranked = terms.map((t) => t[0]).sort((a, b) => share(b) - share(a));
  let rest = 0;
  let n = ranked.length;
  while (n > 0 && rest + share(ranked[n - 1]!) < UNREAD_SHARE) rest += share(ranked[--n]!);
  return ranked.slice(0, n);
}

export interface ReconcileConfig {
  /** Where every new alert is to be delivered: one delivery row each. */
  destinations: readonly string[];
}

export const DEFAULT_DESTINATIONS: readonly string[] = ["web"];

/** The story an article goes to: the one named on ingest, the closest recent one, or a new one. */
export function assignStory(store: Store, article: NewlyStoredArticle, options: ReconcileOptions): number {
  const terms = article.terms;
  setArticleTerms(store, article.id, terms);
  // the story window around the article's news day, read through indexes
  const ingestDay = dayNumber(options.now.toISOString()) ?? 0;
  const published = dayNumber(article.draft.published);
  const day = published ?? ingestDay;
  // two articles are compared on their published dates when both have one, else on the days they
  // arrived: the windows to read, and the days this article is filed under
  const around = (d: number, roles: string) => ({
    from: d - STORY_WINDOW_DAYS,
    to: d + STORY_WINDOW_DAYS,
    roles,
  });
  const windows =
    published === null
      ? [around(ingestDay, "IBU")]
      : published === ingestDay
        ? [around(day, "PBU")]
        : [around(published, "PB"), around(ingestDay, "U")];
  const filed: { day: number; role: PostingRole }[] =
    published === null
      ? [{ day: ingestDay, role: "U" }]
      : published === ingestDay
        ? [{ day, role: "B" }]
        : [
            { day: published, role: "P" },
            { day: ingestDay, role: "I" },
          ];
  const counts = termDayCounts(
    store,
    terms.map((t) => t[0]),
    day - STORY_WINDOW_DAYS,
    day + STORY_WINDOW_DAYS,
  );
  const shares = distinctiveShares(terms, (t) => counts.holding.get(t) ?? 0, counts.articles);
  let storyId: number | undefined;
  let created = false;
  const forced = options.story?.trim();
  if (forced) {
    let s = findStoryByName(store, forced);
    for (let hops = 0; s?.merged_into && hops < 10; hops++) s = getStory(store, s.merged_into);
    storyId = s?.id;
    if (storyId === undefined) {
      storyId = createStory(store, forced, terms, true, options.now);
      created = true;
    }
  } else {
    const shared: SharedTerm[] = [];
    const toRead = termsToRead(terms, shares);
    for (const w of windows)
      for (const term of toRead)
        for (const p of termPostings(store, term, w, article.id, POSTINGS_PER_TERM))
          shared.push({ term, ...p });
    storyId = matchShared(terms, shares, shared)?.storyId;
    if (storyId === undefined) {
      const name = storyName(terms, (n) => storyNameTaken(store, n));
      storyId = createStory(store, name, terms, false, options.now);
      created = true;
    }
  }
  addTermPostings(
    store,
    article.id,
    filed,
    terms.map((t) => ({ term: t[0], share: shares.get(t[0]) ?? 0, kind: t[3] })),
  );
  const story = created ? undefined : getStory(store, storyId);
  if (story) updateStoryTerms(store, storyId, mergeTerms([story.terms, terms]), options.now);
  // the figures and statements, written next, take their story from the article row
  setArticleRowStory(store, article.id, storyId);
  return storyId;
}

/** Resolves a canonical originator name to its row, creating or renaming as the aliases say. */
export function resolveOriginatorId(
  store: Store,
  source: string,
  surface: string | null,
  now: Date,
): number | null {
  let id: number;
  // a name already known under this spelling is one indexed lookup; the whole list of originators
  // is read only for a spelling never seen before
  const known = findOriginatorByAliasKey(store, aliasKey(cleanName(source)));
  if (known !== undefined) {
    id = known;
    for (const a of aliasesOf(source)) addAlias(store, id, a, aliasKey(a));
  } else {
    const resolution = resolveOriginator(source, listKnownOriginators(store));
    if (!resolution) return null;
    if (resolution.kind === "existing") id = resolution.id;
    else if (resolution.kind === "rename") {
      id = resolution.id;
      renameOriginator(store, id, resolution.name);
    } else id = createOriginator(store, resolution.name, now);
    for (const a of resolution.aliases) addAlias(store, id, a, aliasKey(a));
  }
  // the surface form is an alias only when it is a form of this very name (an acronym, a short
  // form); a surface already recorded for any originator keeps its owner
  if (surface && surface !== source && findOriginatorByAliasKey(store, aliasKey(surface)) === undefined) {
    const self = getKnownOriginator(store, id);
    const s = self ? resolveOriginator(surface, [self]) : null;
    if (s?.kind === "existing") addAlias(store, id, surface.trim(), aliasKey(surface));
  }
  return id;
}

/** Each figure's interval; the two ends of a range ("between 30 and 40") share one. */
export function figureIntervals(figures: readonly Figure[]): (Interval | null)[] {
  const out: (Interval | null)[] = figures.map((f) =>
    f.count === null ? null : intervalOf(f.count, f.qualifier),
  );
  for (let i = 0; i < figures.length; i++) {
    const lo = figures[i]!;
    if (lo.rangeRole !== "low" || lo.count === null) continue;
    const j = figures.findIndex(
      (h, k) =>
        k > i &&
        h.rangeRole === "high" &&
        h.count !== null &&
        h.measure === lo.measure &&
        h.group === lo.group &&
        h.source === lo.source,
    );
    if (j === -1) continue;
    const range = rangeInterval(lo.count, figures[j]!.count!);
    out[i] = range;
    out[j] = range;
  }
  return out;
}

/** Figures as decisions see them: the high end of a range is represented by its low end. */
export function factsOf(views: readonly SlotFigure[]): FigureFact[] {
  return views.filter((v) => !(v.rangeRole === "high" && v.range));
}

/** Where an alert finds the sentence and outlet of a figure it quotes. */
type Citations = (figureId: number) => FigureCitation | undefined;

function alertFigure(f: FigureFact, citations: Citations): AlertFigure {
  const v = citations(f.id);
  return {
    count: f.count,
    qualifier: f.qualifier,
    originator: f.originator,
    outlet: v?.outlet ?? null,
    url: v?.url ?? null,
    published: f.published,
    text: v?.text ?? "",
  };
}

function summaryOf(v: Verdict, others: FigureFact[]): string {
  const say = (f: FigureFact) => describeFigure(f.count ?? 0, f.qualifier, f.measure, f.group, f.range);
  const values = (list: FigureFact[]) =>
    list
      .map(say)
      .filter((s, i, all) => all.indexOf(s) === i)
      .join(", ");
  if (v.kind === "revision")
    return `${v.figure.originator} now says ${say(v.figure)}; it said ${values(others)} before`;
  const byOriginator = new Map<string | null, FigureFact[]>();
  for (const o of others) byOriginator.set(o.originator, [...(byOriginator.get(o.originator) ?? []), o]);
  const rest = [...byOriginator].map(([who, list]) => `${who}: ${values(list)}`);
  return `${v.figure.originator}: ${say(v.figure)}; ${rest.join("; ")}`;
}

/** Writes one alert (and its deliveries) per new disagreement or revision; returns the new ids. */
export function raiseAlerts(
  store: Store,
  verdicts: readonly Verdict[],
  citations: Citations,
  destinations: readonly string[],
  now: Date,
): number[] {
  const known = knownAlertKeys(
    store,
    verdicts.filter(isAlertVerdict).map((v) => v.key),
  );
  const ids: number[] = [];
  for (const { first, others, keys } of alertGroups(verdicts, known)) {
    const f = first.figure;
    // a range gives both its ends
    const ends = (x: FigureFact) => (x.range ? [x.range.low, x.range.high] : [x.count!]);
    const values = [...ends(f), ...others.flatMap(ends)].filter((x, i, all) => all.indexOf(x) === i);
    const id = insertAlert(
      store,
      {
        kind: first.kind === "revision" ? "revision" : "disagreement",
        storyId: f.storyId,
        measure: f.measure,
        group: f.group,
        dedupeKey: keys[0]!,
        alsoCovers: keys.slice(1),
        values,
        figures: [f, ...others].map((x) => alertFigure(x, citations)),
        summary: summaryOf(first, others),
        articleId: f.articleId,
        createdAt: now.toISOString(),
      },
      destinations,
    );
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** Records each originator's latest comparable figure per slot among these, where it is one of `only`'s. */
function recordLatest(
  store: Store,
  facts: readonly FigureFact[],
  views: Map<number, SlotFigure>,
  only?: number,
) {
  for (const slot of latestByOriginator(facts).values())
    for (const f of slot.values()) {
      const originatorId = views.get(f.id)?.originatorId;
      if (originatorId == null || (only !== undefined && f.articleId !== only)) continue;
      setSlotLatest(store, { storyId: f.storyId, measure: f.measure, group: f.group, originatorId }, f.id);
    }
}

/** Works out a story's latest figure per originator and slot again (after a merge or split). */
export function refreshSlotLatest(store: Store, storyId: number, views = listStoryFigures(store, storyId)) {
  clearSlotLatest(store, storyId);
  recordLatest(store, factsOf(views), new Map(views.map((v) => [v.id, v])));
}

/** Re-runs every decision of a story in storage order (after a merge or split); alerts already raised stay single. */
export function reconcileStory(
  store: Store,
  storyId: number,
  destinations: readonly string[],
  now: Date,
): number[] {
  const views = listStoryFigures(store, storyId);
  refreshSlotLatest(store, storyId, views);
  const byId = new Map(views.map((v) => [v.id, v]));
  return raiseAlerts(store, decide([], factsOf(views)), (id) => byId.get(id), destinations, now);
}

/** A materially equal count is within 1% (at least one unit): a little more slack finds every candidate. */
const valueSlack = (count: number) => 1 + Math.abs(count) * 0.02;

/**
 * The place step of the pipeline: the article's story, and each figure's originator and interval,
 * worked out before the figures are written.
 */
export function placeArticle(
  store: Store,
  article: NewlyStoredArticle,
  options: ReconcileOptions,
): Placement {
  const storyId = assignStory(store, article, options);
  const figures = article.extraction.figures;
  const intervals = figureIntervals(figures);
  const cache = new Map<string, number | null>();
  const placed = figures.map((f, i): FigurePlacement => {
    let originatorId: number | null = null;
    if (f.source?.trim()) {
      const k = `${f.source}\u0000${f.sourceSurface ?? ""}`;
      if (!cache.has(k)) cache.set(k, resolveOriginatorId(store, f.source, f.sourceSurface, options.now));
      originatorId = cache.get(k) ?? null;
    }
    const iv = intervals[i] ?? null;
    return { originatorId, low: iv?.low ?? null, high: iv?.high ?? null };
  });
  return { storyId, figures: placed };
}

/**
 * The article's figures as they were just written (what reading them back would give), built from
 * what the pipeline holds; originator names are read last, as a later figure may have renamed one.
 */
export function articleFigureViews(
  store: Store,
  article: StoredArticle,
  placement: Placement,
  now: Date,
): FigureView[] {
  const names = new Map<number, string | null>();
  for (const p of placement.figures)
    if (p.originatorId !== null && !names.has(p.originatorId))
      names.set(p.originatorId, originatorName(store, p.originatorId) ?? null);
  const { draft } = article;
  const ingestedAt = now.toISOString();
  const views: FigureView[] = [];
  article.extraction.figures.forEach((f, i) => {
    const id = article.figureIds[i];
    const p = placement.figures[i];
    if (id === undefined || p === undefined) return;
    // as stored: an unbounded interval has no high end
    const high = p.high !== null && Number.isFinite(p.high) ? p.high : null;
    const rangeRole = f.rangeRole ?? null;
    views.push({
      id,
      storyId: placement.storyId,
      articleId: article.id,
      measure: f.measure,
      group: f.group,
      originator: p.originatorId === null ? null : (names.get(p.originatorId) ?? null),
      count: f.count,
      qualifier: f.qualifier,
      range:
        rangeRole !== null && p.low !== null && high !== null && p.low !== high ? { low: p.low, high } : null,
      published: draft.published,
      cumulative: Boolean(f.cumulative),
      superseded: Boolean(f.superseded),
      originatorId: p.originatorId,
      text: f.text,
      sourceSurface: f.sourceSurface ?? f.source,
      rangeRole,
      low: p.low,
      high,
      outlet: draft.outlet,
      url: draft.url,
      file: draft.file,
      title: draft.title,
      ingestedAt,
    });
  });
  return views;
}

/** Decisions and alerts for an article whose figures were written with their placement. */
export function reconcileArticle(
  store: Store,
  article: StoredArticle,
  options: ReconcileOptions,
  config: ReconcileConfig,
): { storyId: number; alertIds: number[] } {
  // the figures' story and originators are only known when the place step ran before they were written
  if (!article.placement) throw new Error("reconcileArticle needs the pipeline's place step (placeArticle)");
  const storyId = article.placement.storyId;
  const figures = article.extraction.figures;
  if (!figures.length) return { storyId, alertIds: [] };
  // a new figure is compared with each originator's latest figure in its slot, and with its own
  // originator's earlier figures of the same value (a repeat citation): both read through indexes
  const mine = articleFigureViews(store, article, article.placement, options.now);
  const incoming = factsOf(mine).filter(isComparable);
  const known = new Map<number, SlotFigure>();
  const slots = new Set<string>();
  for (const f of incoming) {
    const k = `${f.measure}\u0000${f.group}`;
    if (!slots.has(k)) {
      slots.add(k);
      for (const v of listSlotLatest(store, storyId, f.measure, f.group)) known.set(v.id, v);
    }
    const view = mine.find((v) => v.id === f.id);
    if (view?.originatorId == null || f.count === null) continue;
    // earlier values matter only when the originator's latest figure in the slot says another one
    const own = [...known.values()].find(
      (v) => v.originatorId === view.originatorId && v.measure === f.measure && v.group === f.group,
    );
    if (!own || judge(f, own)?.kind === "confirmation") continue;
    const slot = { storyId, measure: f.measure, group: f.group, originatorId: view.originatorId };
    for (const v of listNearValueFigures(store, slot, f.count, valueSlack(f.count))) known.set(v.id, v);
  }
  for (const v of mine) known.delete(v.id);
  const existing = factsOf([...known.values()].sort((a, b) => a.id - b.id));
  const views: SlotFigure[] = [...known.values(), ...mine];
  const mineById = new Map(mine.map((v) => [v.id, v]));
  // the article's own figures are in hand; an earlier one's sentence is read only when quoted
  const citations: Citations = (id) => mineById.get(id) ?? figureCitation(store, id);
  const alertIds = raiseAlerts(
    store,
    decide(existing, incoming),
    citations,
    config.destinations,
    options.now,
  );
  recordLatest(store, [...existing, ...incoming], new Map(views.map((v) => [v.id, v])), article.id);
  return { storyId, alertIds };
}

/** The pipeline's place and reconcile steps, delivering new alerts to the given destinations. */
export function reconcileSteps(
  config: ReconcileConfig = { destinations: DEFAULT_DESTINATIONS },
): Required<Pick<PipelineSteps, "place" | "reconcile">> {
  return {
    place: placeArticle,
    reconcile: (store, article, options) => {
      reconcileArticle(store, article, options, config);
    },
  };
}
