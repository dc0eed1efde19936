// The whole runtime with Slack (Socket Mode) and Discord on, against the local fakes: every alert
// reaches each platform exactly once, through a 429 and a 500, and again not after a restart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import { type App, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { listAlerts } from "../../src/store/alerts.js";
import { lookupStory } from "../../src/store/stories.js";
import { answered, deliveredCopies, isDiscordPost, isSlackPost } from "../fakes/delivered.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack.js";
import { conflictingArticle, type TollData } from "./conflict.js";

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;
let app: App | undefined;
// the dispatcher's clock: moved forward instead of waiting for retry delays
let clock = new Date("2025-03-12T12:00:00Z").getTime();

async function start(): Promise<App> {
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
  return startApp({
    config: config.value,
    log: pino({ level: "silent" }),
    dbPath: path.join(dir, "t.sqlite"),
    port: 0,
    inbox: path.join(dir, "inbox"),
    schedule: false,
    dispatchIntervalMs: 600_000,
    now: () => new Date(clock),
    print: () => {},
  });
}

/** Ticks the dispatcher, an hour apart on its clock, until nothing is pending anywhere. */
async function drain(a: App): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const r = await a.dispatcher.tick();
    if (r.retrying === 0 && r.delivered === 0) return;
    clock += 3_600_000;
  }
  throw new Error("deliveries still pending after 10 passes");
}

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-chat-app-"));
});

afterAll(async () => {
  await app?.stop();
  await discord?.close();
  await slack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("runtime with Slack and Discord", () => {
  it("delivers every seed alert once to each platform, through a 429 and a 500", async () => {
    app = await start();
    expect(app.surfaces.map((s) => s.name).sort()).toEqual(["discord", "slack", "web"]);
    const alerts = listAlerts(app.store, { all: true });
    expect(alerts.length).toBeGreaterThan(0);
    slack.wire.fail429(1, 30, isSlackPost);
    discord.wire.fail500(1, isDiscordPost);
    await drain(app);
    expect(deliveredCopies(alerts, slack, discord)).toEqual(
      alerts.map((a) => ({ id: a.id, slack: 1, discord: 1 })),
    );
    expect(slack.wire.filter(isSlackPost)).toHaveLength(alerts.length + 1);
    expect(discord.wire.filter(isDiscordPost)).toHaveLength(alerts.length + 1);
    for (const r of discord.wire.filter(isDiscordPost))
      expect((r.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it("after a restart sends only the new alert", async () => {
    await app!.stop();
    app = await start();
    const before = new Set(listAlerts(app.store, { all: true }).map((a) => a.id));
    const toll = runCommand({ store: app.store, now: new Date(clock) }, "toll", {}).data as TollData;
    const story = toll.story ? lookupStory(app.store, toll.story.name) : undefined;
    fs.mkdirSync(path.join(dir, "inbox"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "inbox", "conflicting-report.txt"),
      conflictingArticle(toll, story?.terms ?? []),
    );
    await app.pollOnce();
    await drain(app);
    const alerts = listAlerts(app.store, { all: true });
    const fresh = alerts.filter((a) => !before.has(a.id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(deliveredCopies(alerts, slack, discord)).toEqual(
      alerts.map((a) => ({ id: a.id, slack: 1, discord: 1 })),
    );
    expect(answered(slack, isSlackPost)).toHaveLength(alerts.length);
    expect(answered(discord, isDiscordPost)).toHaveLength(alerts.length);
  });
});
