import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, MAX_ATTEMPTS, MAX_RETRY_MS, retryDecision } from "../../src/deliver/retry.js";

const serverError = { ok: false as const, retryable: true, error: "HTTP 502" };

describe("retryDecision", () => {
  it("backs off exponentially from 5 seconds", () => {
    expect(retryDecision(0, serverError)).toEqual({ retry: true, delayMs: FIRST_RETRY_MS });
    expect(retryDecision(1, serverError)).toEqual({ retry: true, delayMs: 10_000 });
    expect(retryDecision(3, serverError)).toEqual({ retry: true, delayMs: 40_000 });
  });

  it("caps the wait at 10 minutes", () => {
    const d = retryDecision(12, serverError);
    expect(d).toEqual({ retry: true, delayMs: MAX_RETRY_MS });
    expect(MAX_RETRY_MS).toBe(600_000);
  });

  it("honours a 429's Retry-After, even beyond the cap", () => {
    expect(retryDecision(0, { ...serverError, retryAfterMs: 30_000 })).toEqual({
      retry: true,
      delayMs: 30_000,
    });
    expect(retryDecision(5, { ...serverError, retryAfterMs: 900_000 })).toEqual({
      retry: true,
      delayMs: 900_000,
    });
  });

  it("does not retry what the destination refused for good", () => {
    expect(retryDecision(0, { ok: false, retryable: false, error: "channel_not_found" })).toEqual({
      retry: false,
    });
  });

  it("gives up after the last attempt", () => {
    expect(retryDecision(MAX_ATTEMPTS - 2, serverError).retry).toBe(true);
    expect(retryDecision(MAX_ATTEMPTS - 1, serverError).retry).toBe(false);
  });
});
