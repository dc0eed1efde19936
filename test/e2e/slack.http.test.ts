// The real Bolt app in HTTP mode against a local fake Slack: signed slash commands answered at the
// response_url in Block Kit, forged or stale requests refused, alerts posted once and escaped.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import { renderBlocks } from "../../src/chat/render/blocks.js";
import { type SlackSurface, startSlack } from "../../src/chat/slack/index.js";
import type { Store } from "../../src/store/store.js";
import { HOSTILE, hostileAlert } from "../fakes/alerts.js";
import { newsroomStore } from "../fakes/newsroom.js";
import {
  type FakeSlack,
  postSlashCommand,
  slackHttpConfig,
  slashCommandFields,
  startFakeSlack,
} from "../fakes/slack.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW = new Date("2025-03-12T12:00:00Z");
let fake: FakeSlack;
let surface: SlackSurface;
let store: Store;
let appUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  store = await newsroomStore();
  const config = slackHttpConfig(fake.apiUrl, SECRET);
  surface = await startSlack(
    { config, store, log: pino({ level: "silent" }), now: () => NOW },
    { requestTimeoutMs: 500 },
  );
  appUrl = `http://127.0.0.1:${surface.port}`;
});

afterAll(async () => {
  await surface?.stop();
  await fake?.close();
  store?.close();
});

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
const responseTo = async (url: string) => {
  const path = new URL(url).pathname;
  const [r] = await fake.wire.waitFor((x) => x.path === path);
  return r!.body as { response_type: string; text: string; blocks: Block[] };
};

describe("slack surface, HTTP mode", () => {
  it("acknowledges a signed /tollwatch help and answers at the response_url in Block Kit", async () => {
    const url = fake.responseUrl();
    const res = await postSlashCommand(appUrl, SECRET, slashCommandFields("/tollwatch", "help", url));
    expect(res.status).toBe(200);
    const body = await responseTo(url);
    expect(body.response_type).toBe("in_channel");
    expect(body.blocks[0]).toMatchObject({ type: "section", text: { text: "*tollwatch answers*" } });
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(body.blocks)).toContain("/who-said");
    expect(body.text).toContain("tollwatch answers");
  });

  it("answers /toll, /who-said, /tollwatch sources and (admin) feeds with those commands' rendered replies", async () => {
    const cases: [string, string, string, Record<string, string>][] = [
      ["/toll", "", "toll", {}],
      [
        "/who-said",
        "counting --speaker Rahimi Aide 3",
        "who-said",
        { query: "counting", speaker: "Rahimi Aide 3" },
      ],
      ["/tollwatch", "sources", "sources", {}],
      // admin commands are allowed in Slack (workspace admins decide who has the app)
      ["/tollwatch", "feeds list", "feeds", { action: "list" }],
    ];
    for (const [command, text, name, args] of cases) {
      const url = fake.responseUrl();
      const res = await postSlashCommand(appUrl, SECRET, slashCommandFields(command, text, url));
      expect(res.status).toBe(200);
      const body = await responseTo(url);
      const expected = runCommand({ store, now: NOW }, name, args);
      expect(expected.ok).toBe(true);
      expect(body.blocks).toEqual(renderBlocks(expected).blocks);
      expect(body.response_type).toBe("in_channel");
    }
  });

  it("answers a missing /tollwatch subcommand with an ephemeral error", async () => {
    const url = fake.responseUrl();
    await postSlashCommand(appUrl, SECRET, slashCommandFields("/tollwatch", "frobnicate now", url));
    const body = await responseTo(url);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toMatch(/Unknown (sub)?command/);
  });

  it("refuses a bad signature and a stale timestamp with 401, and runs nothing", async () => {
    const forged = fake.responseUrl();
    const bad = await postSlashCommand(appUrl, SECRET, slashCommandFields("/tollwatch", "help", forged), {
      signature: `v0=${"0".repeat(64)}`,
    });
    expect(bad.status).toBe(401);
    const stale = fake.responseUrl();
    const old = await postSlashCommand(appUrl, SECRET, slashCommandFields("/tollwatch", "help", stale), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(old.status).toBe(401);
    // a genuine request after them is answered; the refused ones never reach the fake
    const genuine = fake.responseUrl();
    await postSlashCommand(appUrl, SECRET, slashCommandFields("/tollwatch", "help", genuine));
    await responseTo(genuine);
    const paths = fake.wire.requests.map((r) => r.path);
    expect(paths).not.toContain(new URL(forged).pathname);
    expect(paths).not.toContain(new URL(stale).pathname);
  });

  it("posts an alert to chat.postMessage once, escaped, with links only from the renderer", async () => {
    const before = fake.calls("chat.postMessage").length;
    const outcome = await surface.destination.deliver(hostileAlert());
    expect(outcome).toEqual({ ok: true });
    const posts = fake.calls("chat.postMessage");
    expect(posts).toHaveLength(before + 1);
    const post = posts.at(-1)!;
    expect(post.headers.authorization).toBe("Bearer xoxb-fake");
    const body = post.body as Record<string, string>;
    expect(body.channel).toBe("C0ALERTS");
    expect(body.unfurl_links).toBe("false");
    // nothing from the article can ping, mention or link
    for (const wire of [post.raw, body.text!, body.blocks!]) {
      expect(wire).not.toContain("<!channel>");
      expect(wire).not.toContain("<!here>");
      expect(wire).not.toContain("<@U123>");
      expect(wire).not.toContain("<http://evil");
    }
    const blocks = JSON.parse(body.blocks!) as Block[];
    const text = JSON.stringify(blocks);
    expect(text).toContain("&lt;!channel&gt;");
    // the one link is the article's, with its & escaped; the javascript: URL is not a link
    const links = [...text.matchAll(/<([^<>|]+)\|/g)].map((m) => m[1]);
    expect(links).toEqual(["https://news.example/a?x=1&amp;y=2"]);
    expect(HOSTILE).toContain("<!channel>");
  });

  it("maps Slack failures to retryable or final outcomes", async () => {
    const isPost = (r: { path: string }) => r.path === "/api/chat.postMessage";
    const before = fake.calls("chat.postMessage").length;
    fake.wire.fail429(1, 7, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
    });
    fake.wire.fail500(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.reset(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.hang(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.failNext(
      1,
      { kind: "status", status: 200, body: { ok: false, error: "channel_not_found" } },
      isPost,
    );
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining("channel_not_found"),
    });
    fake.wire.failNext(1, { kind: "status", status: 403 }, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: false });
    // each failure was one request: the client itself did not retry
    expect(fake.calls("chat.postMessage")).toHaveLength(before + 6);
    expect(await surface.destination.deliver(hostileAlert(2))).toEqual({ ok: true });
    expect(fake.calls("chat.postMessage")).toHaveLength(before + 7);
  });
});
