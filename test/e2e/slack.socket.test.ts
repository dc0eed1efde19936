// The real Bolt app in Socket Mode against a local fake Slack: the app opens the websocket the fake
// hands out, acknowledges a /toll envelope and answers at the response_url in Block Kit.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import { renderBlocks } from "../../src/chat/render/blocks.js";
import { type SlackSurface, startSlack } from "../../src/chat/slack/index.js";
import { loadConfig } from "../../src/config.js";
import type { Store } from "../../src/store/store.js";
import { newsroomStore } from "../fakes/newsroom.js";
import { type FakeSlack, slashCommandFields, startFakeSlack } from "../fakes/slack.js";

const NOW = new Date("2025-03-12T12:00:00Z");
let fake: FakeSlack;
let surface: SlackSurface;
let store: Store;

beforeAll(async () => {
  fake = await startFakeSlack();
  store = await newsroomStore();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-fake",
    SLACK_APP_TOKEN: "xapp-fake",
    SLACK_API_URL: fake.apiUrl,
  });
  if (!config.ok) throw new Error("bad test config");
  surface = await startSlack({ config: config.value, store, log: pino({ level: "silent" }), now: () => NOW });
});

afterAll(async () => {
  await surface?.stop();
  await fake?.close();
  store?.close();
});

describe("slack surface, Socket Mode", () => {
  it("connects through apps.connections.open with the app token", async () => {
    expect(surface.mode).toBe("socket");
    const [open] = fake.calls("apps.connections.open");
    expect(open!.headers.authorization).toBe("Bearer xapp-fake");
  });

  it("acknowledges /toll and answers with the rendered toll", async () => {
    const url = fake.responseUrl();
    const ack = await fake.sendSlashCommand(slashCommandFields("/toll", "", url));
    expect(ack.envelope_id).toBeTruthy();
    const [answer] = await fake.wire.waitFor((r) => r.path === new URL(url).pathname);
    const body = answer!.body as { response_type: string; blocks: unknown[]; text: string };
    const expected = renderBlocks(runCommand({ store, now: NOW }, "toll", {}));
    expect(body.response_type).toBe("in_channel");
    expect(body.blocks).toEqual(expected.blocks);
    expect(body.text).toBe(expected.text);
  });
});
