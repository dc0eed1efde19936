// When to try a failed delivery again: a pure function of the attempt count and what the
// destination answered, so the schedule is testable without a clock.
import type { DeliveryOutcome } from "../core/alert.js";

export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 60_000;
/** After this many failed attempts a retryable delivery is given up on (about three hours of retries). */
export const MAX_ATTEMPTS = 25;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * `attempts`: failed attempts before this one. Exponential from 5 s, capped at 10 minutes; a 429's
 * Retry-After replaces the backoff and is not capped, since the platform refuses anything sooner.
 */
export function retryDecision(
  attempts: number,
  outcome: Extract<DeliveryOutcome, { ok: false }>,
): RetryDecision {
  if (!outcome.retryable) return { retry: false };
  if (attempts + 1 >= MAX_ATTEMPTS) return { retry: false };
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts));
  const asked = outcome.retryAfterMs;
  const delayMs = asked !== undefined && Number.isFinite(asked) && asked > 0 ? asked : backoff;
  return { retry: true, delayMs };
}
