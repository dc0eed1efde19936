// Discord REST failures as delivery outcomes: the outbox owns retries, so each failure says whether
// trying again can help and, for 429, when.
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import type { DeliveryOutcome } from "../../core/alert.js";

export function discordOutcome(e: unknown): DeliveryOutcome {
  if (e instanceof RateLimitError)
    return {
      ok: false,
      retryable: true,
      retryAfterMs: Math.max(e.retryAfter, e.timeToReset, 0),
      error: `rate limited by Discord (${e.route})`,
    };
  if (e instanceof DiscordAPIError)
    return {
      ok: false,
      retryable: e.status === 429 || e.status >= 500 || e.status === 408,
      error: `Discord refused: ${e.status} ${e.message}`,
    };
  if (e instanceof HTTPError)
    return { ok: false, retryable: e.status >= 500 || e.status === 408, error: `Discord HTTP ${e.status}` };
  // network errors, resets, timeouts: worth another try
  return { ok: false, retryable: true, error: `Discord unreachable: ${(e as Error)?.message ?? String(e)}` };
}
