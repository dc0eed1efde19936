// Slack Web API failures as delivery outcomes: the outbox owns retries, so each failure says whether
// trying again can help and, for 429, when.
import type { DeliveryOutcome } from "../../core/alert.js";

// platform errors (HTTP 200, ok: false) that are Slack's trouble, not ours
const TRANSIENT_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

interface CodedError {
  code?: string;
  message?: string;
  statusCode?: number;
  retryAfter?: number;
  data?: { error?: string };
}

export function slackOutcome(e: unknown): DeliveryOutcome {
  const err = (e ?? {}) as CodedError;
  const message = err.message ?? String(e);
  switch (err.code) {
    case "slack_webapi_rate_limited_error":
      return {
        ok: false,
        retryable: true,
        ...(typeof err.retryAfter === "number" ? { retryAfterMs: err.retryAfter * 1000 } : {}),
        error: `rate limited by Slack: ${message}`,
      };
    case "slack_webapi_http_error": {
      const status = err.statusCode ?? 0;
      return { ok: false, retryable: status >= 500 || status === 408, error: `Slack HTTP ${status}` };
    }
    case "slack_webapi_platform_error": {
      const code = err.data?.error ?? "unknown_error";
      return { ok: false, retryable: TRANSIENT_PLATFORM_ERRORS.has(code), error: `Slack refused: ${code}` };
    }
    // network errors, resets, timeouts: worth another try
    default:
      return { ok: false, retryable: true, error: `Slack unreachable: ${message}` };
  }
}
