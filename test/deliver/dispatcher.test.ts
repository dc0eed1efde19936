import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Alert, AlertDestination, DeliveryOutcome } from "../../src/core/alert.js";
import { Dispatcher } from "../../src/deliver/dispatcher.js";
import { listDeliveries } from "../../src/store/alerts.js";
import { Store } from "../../src/store/store.js";
import { addAlert } from "./fixtures.js";

/** A destination that answers from a script and records what it was sent. */
function scripted(name: AlertDestination["name"], answers: DeliveryOutcome[] = []) {
  const sent: Alert[] = [];
  const destination: AlertDestination = {
    name,
    deliver: async (alert) => {
      sent.push(alert);
      return answers.shift() ?? { ok: true };
    },
  };
  return { destination, sent };
}

let dir: string;
let dbFile: string;
let store: Store;
let clock: Date;
const now = () => clock;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-dispatch-"));
  dbFile = path.join(dir, "t.sqlite");
  store = Store.open(dbFile);
  clock = new Date("2025-03-09T12:00:00Z");
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Dispatcher", () => {
  it("delivers each pending alert once to each destination", async () => {
    const a1 = addAlert(store, ["web", "slack"]);
    const a2 = addAlert(store, ["web"]);
    const web = scripted("web");
    const slack = scripted("slack");
    const d = new Dispatcher({ store, destinations: [web.destination, slack.destination], now });
    expect(await d.tick()).toEqual({ delivered: 3, retrying: 0, failed: 0 });
    expect(web.sent.map((a) => a.id)).toEqual([a1, a2]);
    expect(slack.sent.map((a) => a.id)).toEqual([a1]);
    expect(await d.tick()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(web.sent).toHaveLength(2);
    expect(listDeliveries(store).every((r) => r.state === "sent")).toBe(true);
  });

  it("retries after a server error once the backoff has passed", async () => {
    const id = addAlert(store, ["slack"]);
    const slack = scripted("slack", [{ ok: false, retryable: true, error: "HTTP 503" }]);
    const d = new Dispatcher({ store, destinations: [slack.destination], now });
    expect(await d.tick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [row] = listDeliveries(store, id);
    expect(row).toMatchObject({ state: "pending", attempts: 1, last_error: "HTTP 503" });
    expect(row?.next_attempt_at).toBe("2025-03-09T12:00:05.000Z");

    clock = new Date("2025-03-09T12:00:04Z");
    await d.tick();
    expect(slack.sent).toHaveLength(1);

    clock = new Date("2025-03-09T12:00:05Z");
    expect(await d.tick()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(slack.sent).toHaveLength(2);
    expect(listDeliveries(store, id)[0]?.state).toBe("sent");
  });

  it("treats a thrown error as retryable", async () => {
    const id = addAlert(store, ["web"]);
    const d = new Dispatcher({
      store,
      now,
      destinations: [
        {
          name: "web",
          deliver: async () => {
            throw new Error("socket hang up");
          },
        },
      ],
    });
    expect(await d.tick()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(listDeliveries(store, id)[0]).toMatchObject({ state: "pending", last_error: "socket hang up" });
  });

  it("waits as long as a 429's Retry-After says and holds back the rest of the batch", async () => {
    const first = addAlert(store, ["discord"]);
    const second = addAlert(store, ["discord"]);
    const discord = scripted("discord", [
      { ok: false, retryable: true, retryAfterMs: 42_000, error: "HTTP 429" },
    ]);
    const d = new Dispatcher({ store, destinations: [discord.destination], now });
    await d.tick();
    expect(discord.sent.map((a) => a.id)).toEqual([first]);
    expect(listDeliveries(store, first)[0]?.next_attempt_at).toBe("2025-03-09T12:00:42.000Z");
    expect(listDeliveries(store, second)[0]?.state).toBe("pending");

    clock = new Date("2025-03-09T12:00:41Z");
    await d.tick();
    // the second alert was not rate limited itself, so it goes on the next pass
    expect(discord.sent.map((a) => a.id)).toEqual([first, second]);

    clock = new Date("2025-03-09T12:00:42Z");
    await d.tick();
    expect(discord.sent.map((a) => a.id)).toEqual([first, second, first]);
    expect(listDeliveries(store).map((r) => r.state)).toEqual(["sent", "sent"]);
  });

  it("marks a delivery failed when the destination refuses it for good", async () => {
    const id = addAlert(store, ["slack"]);
    const slack = scripted("slack", [{ ok: false, retryable: false, error: "channel_not_found" }]);
    const d = new Dispatcher({ store, destinations: [slack.destination], now });
    expect(await d.tick()).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    clock = new Date("2025-03-10T12:00:00Z");
    await d.tick();
    expect(slack.sent).toHaveLength(1);
    expect(listDeliveries(store, id)[0]).toMatchObject({ state: "failed", last_error: "channel_not_found" });
  });

  it("does not resend after a restart midway through the outbox", async () => {
    const ids = [addAlert(store, ["web"]), addAlert(store, ["web"]), addAlert(store, ["web"])];
    const before = scripted("web");
    // the first run delivers one alert per pass and is stopped after one pass
    await new Dispatcher({ store, destinations: [before.destination], now, batchSize: 1 }).tick();
    expect(before.sent.map((a) => a.id)).toEqual([ids[0]]);
    store.close();

    store = Store.open(dbFile);
    const after = scripted("web");
    const d = new Dispatcher({ store, destinations: [after.destination], now });
    await d.tick();
    await d.tick();
    expect(after.sent.map((a) => a.id)).toEqual([ids[1], ids[2]]);
  });

  it("runs one more pass after the one in flight when asked during it", async () => {
    const first = addAlert(store, ["web"]);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const sent: number[] = [];
    const d = new Dispatcher({
      store,
      now,
      destinations: [
        {
          name: "web",
          deliver: async (alert) => {
            sent.push(alert.id);
            await gate;
            return { ok: true };
          },
        },
      ],
    });
    const a = d.tick();
    // written after the running pass read the outbox
    const second = addAlert(store, ["web"]);
    const b = d.tick();
    const c = d.tick();
    release();
    expect(await a).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(await b).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(await c).toEqual(await b);
    expect(sent).toEqual([first, second]);
  });
});
