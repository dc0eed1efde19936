// Domain vocabulary shared by every module. Names follow ../shared/eval/README.md.

export const MEASURES = [
  "killed",
  "injured",
  "casualties",
  "missing",
  "displaced",
  "detained",
  "kidnapped",
  "released",
] as const;
export type Measure = (typeof MEASURES)[number];

export const GROUPS = [
  "total",
  "civilians",
  "children",
  "women",
  "security_forces",
  "fighters",
  "journalists",
  "aid_workers",
  "health_workers",
  "other",
] as const;
export type Group = (typeof GROUPS)[number];

export const QUALIFIERS = ["exact", "approx", "min", "max"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const STATEMENT_KINDS = ["official", "organization", "witness"] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** A sentence of an article: its text and character offsets into the article text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * A casualty figure as the article states it. `count` is null for vague amounts ("hundreds").
 * Offsets point into the text handed to the extractor.
 */
export interface Figure {
  count: number | null;
  measure: Measure;
  group: Group;
  qualifier: Qualifier;
  /** Canonical originator (who counted), or null when the article names none. */
  source: string | null;
  /** The originator as written at the figure ("a war monitor", "SOHR"). */
  sourceSurface: string | null;
  /** Evidence sentence. */
  text: string;
  /** Offsets of the number phrase. */
  start: number;
  end: number;
  /** Part of a range ("between 30 and 40"): the low or the high end. */
  rangeRole?: "low" | "high";
  /** An earlier figure the article says was superseded ("up from 20"). */
  superseded?: boolean;
  /** A running total ("brings the total death toll to"). */
  cumulative?: boolean;
}

export interface Statement {
  /** Full name when the article gives it ("Marco Rubio"), else the best description ("a resident"). */
  speaker: string | null;
  /** The speaker as written at the quote ("Rubio", "he"). */
  speakerSurface: string | null;
  /** Role or organisation when stated ("US Secretary of State"). */
  role: string | null;
  quote: string;
  kind: StatementKind;
  /** Evidence sentence(s). */
  text: string;
  start: number;
  end: number;
}

/** What the extractor returns for one article. */
export interface Extraction {
  figures: Figure[];
  statements: Statement[];
}

/** The input of the extractor: the article text (headline first when there is one). */
export interface ExtractInput {
  text: string;
  title?: string | null;
  published?: string | null;
}

/** An article as a reader produced it, before it is stored. */
export interface ArticleDraft {
  /** Where it came from: a URL, or a file path. */
  url: string | null;
  file: string | null;
  title: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) or datetime, when the article gives one. */
  published: string | null;
  /** Cleaned text, headline first when there is one; extraction offsets point into it. */
  text: string;
}
