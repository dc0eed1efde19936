// Delivery faults: the real Slack (Bolt) and Discord (discord.js) surfaces against the local fakes, the
// outbox dispatcher driven by tick() on an injected clock. The fakes answer 500, 429 with Retry-After,
// hang (the surfaces' request timeout turns that into a failure) and reset connections, and the
// dispatcher and surfaces are restarted midway: every alert reaches each destination exactly once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../src/chat/discord/index.js";
import { startSlack } from "../../src/chat/slack/index.js";
import type { RunningSurface } from "../../src/chat/surface.js";
import { loadConfig } from "../../src/config.js";
import { Dispatcher } from "../../src/deliver/dispatcher.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { readText } from "../../src/ingest/text.js";
import { listAlerts, listDeliveries } from "../../src/store/alerts.js";
import { Store } from "../../src/store/store.js";
import { deliveredCopies, isDiscordPost, isSlackPost } from "../fakes/delivered.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack.js";
import type { WireRequest } from "../fakes/wire.js";

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;
let store: Store;
let surfaces: RunningSurface[] = [];
let clock = Date.parse("2025-03-12T12:00:00Z");
const log = pino({ level: "silent" });

async function startSurfaces(): Promise<Dispatcher> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-fake",
    SLACK_APP_TOKEN: "xapp-fake",
    SLACK_API_URL: slack.apiUrl,
    SLACK_ALERT_CHANNEL: "C0ALERTS",
    DISCORD_TOKEN: "fake-token",
    DISCORD_API_URL: discord.api,
    DISCORD_ALERT_CHANNEL_ID: discord.channelId,
  });
  if (!config.ok) throw new Error(config.error.message);
  const deps = { config: config.value, store, log, now: () => new Date(clock) };
  // a hung request fails after half a second, and the outbox tries it again later
  surfaces = [
    await startSlack(deps, { requestTimeoutMs: 500 }),
    await startDiscord(deps, { requestTimeoutMs: 500 }),
  ];
  return new Dispatcher({
    store,
    destinations: surfaces.map((s) => s.destination),
    now: () => new Date(clock),
  });
}

async function stopSurfaces(d: Dispatcher): Promise<void> {
  await d.stop();
  for (const s of surfaces) await s.stop();
  surfaces = [];
}

/** Ticks, an hour apart on the dispatcher's clock, until nothing is pending. */
async function drain(d: Dispatcher, maxPasses = 20): Promise<void> {
  for (let i = 0; i < maxPasses; i++) {
    const r = await d.tick();
    if (r.retrying === 0 && r.delivered === 0) return;
    clock += 3_600_000;
  }
  throw new Error(`deliveries still pending after ${maxPasses} passes`);
}

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-faults-"));
  store = Store.open(path.join(dir, "t.sqlite"));
  // the seeds raise the alerts; one delivery row each for Slack and Discord
  const steps = defaultSteps(["slack", "discord"]);
  for (const f of fs.readdirSync("seeds").sort()) {
    const r = readText(fs.readFileSync(path.join("seeds", f), "utf8"), { url: null, file: f });
    if (r.ok) ingestDraft(store, r.value, steps, { now: new Date("2025-03-10T00:00:00Z") });
  }
});

afterAll(async () => {
  for (const s of surfaces) await s.stop();
  slack.wire.releaseHung();
  discord.wire.releaseHung();
  await discord?.close();
  await slack?.close();
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("outbox delivery under faults", () => {
  it("delivers every alert exactly once to Slack and Discord through 500s, 429s, hangs, resets and a restart", async () => {
    const alerts = listAlerts(store, { all: true });
    expect(alerts.length).toBeGreaterThan(0);

    slack.wire.fail500(1, isSlackPost).fail429(1, 30, isSlackPost).hang(1, isSlackPost).reset(1, isSlackPost);
    discord.wire.fail500(1, isDiscordPost).hang(1, isDiscordPost).reset(1, isDiscordPost);
    let dispatcher = await startSurfaces();
    // one pass, then a restart of the dispatcher and both surfaces with deliveries still pending
    await dispatcher.tick();
    clock += 3_600_000;
    await stopSurfaces(dispatcher);
    slack.wire.fail500(1, isSlackPost).reset(1, isSlackPost);
    discord.wire.fail500(1, isDiscordPost);
    dispatcher = await startSurfaces();
    await drain(dispatcher);

    expect(deliveredCopies(alerts, slack, discord)).toEqual(
      alerts.map((a) => ({ id: a.id, slack: 1, discord: 1 })),
    );
    const rows = listDeliveries(store);
    expect(rows.length).toBe(alerts.length * 2);
    expect(rows.every((d) => d.state === "sent")).toBe(true);
    // the faults were really met on the wire
    const answered = (fake: FakeSlack | FakeDiscord, m: (r: WireRequest) => boolean) =>
      new Set(fake.wire.filter(m).map((r) => r.answered));
    expect(answered(slack, isSlackPost)).toEqual(new Set([500, 429, "hang", "reset", 200]));
    expect(answered(discord, isDiscordPost)).toEqual(new Set([500, "hang", "reset", 200]));
    // nothing more goes out on later passes
    const sent = slack.wire.filter(isSlackPost).length + discord.wire.filter(isDiscordPost).length;
    clock += 86_400_000;
    await dispatcher.tick();
    expect(slack.wire.filter(isSlackPost).length + discord.wire.filter(isDiscordPost).length).toBe(sent);
    await stopSurfaces(dispatcher);
  });
});
