// An alert as it leaves the outbox: what `alerts --json` prints and what every surface posts.
import type { Group, Measure, Qualifier } from "./types.js";

export type AlertKind = "disagreement" | "revision" | "feed";

export interface AlertFigure {
  count: number | null;
  qualifier: Qualifier;
  originator: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** Evidence sentence. */
  text: string;
}

export interface Alert {
  id: number;
  kind: AlertKind;
  story: string | null;
  measure: Measure | null;
  group: Group | null;
  /** The new value first, then the existing ones it disagrees with. */
  values: number[];
  figures: AlertFigure[];
  /** One line for humans ("SOHR says 125 security forces killed; government sources say at least 200"). */
  summary: string;
  created_at: string;
}

/** What a destination answered when asked to deliver an alert. */
export type DeliveryOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; retryAfterMs?: number; error: string };

/** A place alerts go: the web console, a Slack channel, a Discord channel. */
export interface AlertDestination {
  name: "web" | "slack" | "discord";
  deliver(alert: Alert): Promise<DeliveryOutcome>;
}
