// Slack request signing against the real Bolt app in HTTP mode (through the Slack surface): a request
// signed with the wrong secret, one whose timestamp is more than 5 minutes old (a replay), and one whose
// body was changed after signing all get 401, and no command runs: nothing is posted to response_url.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackSurface, startSlack } from "../../src/chat/slack/index.js";
import type { Store } from "../../src/store/store.js";
import { newsroomStore } from "../fakes/newsroom.js";
import {
  type FakeSlack,
  postSlashCommand,
  signSlackRequest,
  slackHttpConfig,
  slashCommandFields,
  startFakeSlack,
} from "../fakes/slack.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
let fake: FakeSlack;
let surface: SlackSurface;
let store: Store;
let appUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  store = await newsroomStore();
  const config = slackHttpConfig(fake.apiUrl, SECRET);
  surface = await startSlack({ config, store, log: pino({ level: "silent" }) });
  appUrl = `http://127.0.0.1:${surface.port}`;
});

afterAll(async () => {
  await surface?.stop();
  await fake?.close();
  store?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const posted = (url: string) => fake.wire.filter((r) => r.path === new URL(url).pathname);

describe("Slack request signing", () => {
  it("a correctly signed request runs (the control case)", async () => {
    const url = fake.responseUrl();
    const res = await postSlashCommand(appUrl, SECRET, slashCommandFields("/toll", "", url));
    expect(res.status).toBe(200);
    await fake.wire.waitFor((r) => r.path === new URL(url).pathname);
  });

  it.each([
    [
      "signed with the wrong secret",
      (body: string, ts: number) => signSlackRequest("not-the-secret", ts, body),
      0,
    ],
    ["a timestamp 6 minutes old", (body: string, ts: number) => signSlackRequest(SECRET, ts, body), -360],
    ["a timestamp 1 hour old", (body: string, ts: number) => signSlackRequest(SECRET, ts, body), -3600],
    [
      "a body changed after signing",
      (body: string, ts: number) => signSlackRequest(SECRET, ts, body.replace("toll", "who-said")),
      0,
    ],
    ["a malformed signature", () => "v0=zz", 0],
  ] as const)("%s: 401 and nothing runs", async (_label, sign, age) => {
    const url = fake.responseUrl();
    const fields = slashCommandFields("/toll", "", url);
    const body = new URLSearchParams(fields).toString();
    const timestamp = now() + age;
    const res = await postSlashCommand(appUrl, SECRET, fields, {
      timestamp,
      signature: sign(body, timestamp),
    });
    expect(res.status).toBe(401);
    // a command that ran answers at response_url promptly; give it the same chance as the control case
    const control = fake.responseUrl();
    await postSlashCommand(appUrl, SECRET, slashCommandFields("/toll", "", control));
    await fake.wire.waitFor((r) => r.path === new URL(control).pathname);
    expect(posted(url)).toHaveLength(0);
  });
});
