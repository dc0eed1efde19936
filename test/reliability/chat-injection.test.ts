// Chat injection, verified on the wire: two articles whose sentences, quotes, speakers, originators,
// titles and outlets are full of pings (`<!channel>`, `@everyone`, `<@U123>`, `<@&123>`), channel links,
// markdown and Slack links and HTML/script raise a disagreement alert and answer /toll and /who-said.
// What the local Slack and Discord fakes received over HTTP, and what the web console serves, is then
// checked: Slack text is escaped (no `<…>` but the renderer's links to the articles, mrkdwn verbatim),
// every Discord message carrying article text has `allowed_mentions: {parse: []}` and no live mention,
// `@everyone` or masked link; the web console sends JSON and builds its DOM from text nodes only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import { type App, startApp } from "../../src/app.js";
import type { SlackSurface } from "../../src/chat/slack/index.js";
import { alertDestinations, loadConfig } from "../../src/config.js";
import type { Alert } from "../../src/core/alert.js";
import type { Reply } from "../../src/core/reply.js";
import type { ArticleDraft } from "../../src/core/types.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { listAlerts } from "../../src/store/alerts.js";
import { openEvents, postCommand, request } from "../app/helpers.js";
import { type ConsoleElement, loadConsole } from "../fakes/console-dom.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord.js";
import { type FakeSlack, postSlashCommand, slashCommandFields, startFakeSlack } from "../fakes/slack.js";
import type { WireRequest } from "../fakes/wire.js";

const SECRET = "chat-injection-signing-secret";
const NOW = new Date("2025-06-04T12:00:00Z");

const PINGS = "<!channel> <!here> <!everyone> @everyone @here <@U123> <@&123> <@123> <#C123>";
const LINKS = "[click](https://evil.example) <https://evil.example|click>";
const MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)> &lt;!channel&gt; **bold** `code`";
/**
 * What pings, mentions or links in Slack mrkdwn: `<!…>`, `<@…>`, `<#…>`, `<url|label>` (and HTML for
 * good measure). Plain "@everyone" in API text stays text, and mrkdwn has no `[label](url)` links.
 */
const SLACK_TOKENS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<@&123>",
  "<@123>",
  "<#C123>",
  "<https://evil.example|click>",
  "<script>",
];
/** Every token that would ping, mention or link if it reached a platform unescaped. */
const TOKENS = ["@everyone", "@here", "[click](https://evil.example)", ...SLACK_TOKENS];
/** A story name as a hostile user might type it. */
const TYPED = "<script>alert(6)</script> <!channel> @everyone <@U123> [click](https://evil.example)";
/** Links the renderers may make: the articles' own URLs, nothing from article text. */
const ARTICLE_URL = /^https:\/\/news\.example\/[a-z]/;

// two originators, two figures that cannot both be right (a lower count a day later): the disagreement alert
const DRAFTS: ArticleDraft[] = [
  {
    url: "https://news.example/monitor?x=1&y=2",
    file: null,
    title: `Harbour clashes ${PINGS} ${LINKS} ${MARKUP}`,
    // a line break and a fake event: the web console's event stream must not be split by it
    outlet: `Harbour Wire <!here> @here <img src=x onerror=alert(3)>\n\nevent: alert\ndata: {"id":999}`,
    published: "2025-06-02",
    text: [
      `The Harbour Monitor <!channel> @everyone said on Monday that at least 400 people were killed in the clashes in Port Veyra, ${PINGS} ${LINKS} ${MARKUP}.`,
      "",
      `"We counted every body ${PINGS}, see ${LINKS} ${MARKUP}," said Mara Okonkwo <!everyone> @everyone, a spokeswoman for the monitor.`,
      "",
      "Rescue teams in Port Veyra said the search of the harbour district was continuing.",
    ].join("\n"),
  },
  {
    url: "https://news.example/ministry",
    file: null,
    title: `Ministry toll <@U123> ${LINKS} <script>alert(4)</script>`,
    outlet: `Daily <@&123> [x](https://evil.example) <!channel>`,
    published: "2025-06-03",
    text: [
      `The Veyra Interior Ministry <!here> <@&123> said on Tuesday that 120 people were killed in the clashes in Port Veyra, ${PINGS} ${LINKS} ${MARKUP}.`,
      "",
      `"The toll will rise ${PINGS} ${LINKS} </script><script>alert(5)</script>," said Daniel Ferreira <@U123> @here, the ministry spokesman.`,
      "",
      "Officials in Port Veyra said rescue work in the harbour district was continuing.",
    ].join("\n"),
  },
];

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;
let app: App;
let slackUrl: string;
let alerts: Alert[];

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await startFakeDiscord();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-injection-"));
  fs.mkdirSync(path.join(dir, "seeds"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-fake",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_PORT: "0",
    TOLLWATCH_HOST: "127.0.0.1",
    SLACK_ALERT_CHANNEL: "C0ALERTS",
    DISCORD_TOKEN: "fake-token",
    DISCORD_API_URL: discord.api,
    DISCORD_ALERT_CHANNEL_ID: discord.channelId,
  });
  if (!config.ok) throw new Error(config.error.message);
  app = await startApp({
    config: config.value,
    log: pino({ level: "silent" }),
    dbPath: path.join(dir, "t.sqlite"),
    // only the hostile articles: no seeds
    seedsDir: path.join(dir, "seeds"),
    port: 0,
    inbox: path.join(dir, "inbox"),
    schedule: false,
    dispatchIntervalMs: 600_000,
    now: () => NOW,
    print: () => {},
  });
  expect(app.surfaces.map((s) => s.name).sort()).toEqual(["discord", "slack", "web"]);
  slackUrl = `http://127.0.0.1:${(app.surfaces.find((s) => s.name === "slack") as SlackSurface).port}`;
  const steps = defaultSteps(alertDestinations(config.value));
  for (const draft of DRAFTS) expect(ingestDraft(app.store, draft, steps, { now: NOW }).status).toBe("new");
  alerts = listAlerts(app.store, { all: true });
}, 30_000);

afterAll(async () => {
  await app?.stop();
  await discord?.close();
  await slack?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// ───────────────────────── what counts as safe on each platform ─────────────────────────

/** Every mrkdwn/plain_text string in Slack blocks; mrkdwn objects must be verbatim (no auto-linking). */
function slackBlockTexts(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") {
      if (o.type === "mrkdwn") expect(o.verbatim, `mrkdwn not verbatim: ${o.text.slice(0, 80)}`).toBe(true);
      out.push(o.text);
    }
    for (const child of Object.values(o)) walk(child);
  };
  walk(blocks);
  return out;
}

const SLACK_LINK = /<([^<>|]*)\|([^<>]*)>/g;

/** Slack: `<` and `>` only in the renderer's links to the articles, `&` only in entities. */
function expectSlackSafe(text: string): void {
  for (const [, url] of text.matchAll(SLACK_LINK)) expect(url, text.slice(0, 200)).toMatch(ARTICLE_URL);
  const rest = text.replace(SLACK_LINK, "");
  expect(rest, "a raw < or > outside the article links").not.toMatch(/[<>]/);
  expect(rest, "a raw & that is not an entity").not.toMatch(/&(?!amp;|lt;|gt;)/);
  for (const token of SLACK_TOKENS) expect(text).not.toContain(token);
}

const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Discord: is the character at `i` backslash-escaped (an odd run of backslashes before it)? */
function escapedAt(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === "\\"; j--) n++;
  return n % 2 === 1;
}

/** Discord: no live mention, `@everyone`/`@here`, auto-link or masked link except to the articles. */
function expectDiscordSafe(text: string): void {
  for (const m of text.matchAll(/<[@#]/g))
    expect(escapedAt(text, m.index), `live mention in ${text.slice(0, 200)}`).toBe(true);
  expect(text).not.toMatch(/@(everyone|here)/i);
  expect(text).not.toContain("https://evil.example");
  for (const m of text.matchAll(/\]\(/g)) {
    if (escapedAt(text, m.index) || escapedAt(text, m.index + 1)) continue;
    const url = text.slice(m.index + 2, text.indexOf(")", m.index));
    expect(url, `masked link in ${text.slice(0, 200)}`).toMatch(ARTICLE_URL);
  }
}

interface DiscordMessage {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
    author?: { name: string };
  }[];
  allowed_mentions?: unknown;
}

function discordStrings(m: DiscordMessage): string[] {
  return [
    m.content ?? "",
    ...(m.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      e.footer?.text ?? "",
      e.author?.name ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ];
}

/** The message a Discord request carries: the body itself, or an interaction callback's `data`. */
const discordMessage = (r: WireRequest): DiscordMessage =>
  (/\/callback$/.test(r.path) ? (r.body as { data?: DiscordMessage }).data : r.body) as DiscordMessage;

/** The reply a command gives on this database, for the precondition that it carries hostile text. */
const replyOf = (name: string, args: Record<string, string> = {}) =>
  runCommand({ store: app.store, now: NOW }, name, args);

// ───────────────────────── the tests ─────────────────────────

describe("chat injection", () => {
  it("the hostile articles raise a disagreement alert whose payload carries the raw tokens", () => {
    const disagreement = alerts.find((a) => a.kind === "disagreement");
    expect(disagreement, JSON.stringify(alerts)).toBeDefined();
    const raw = JSON.stringify(disagreement);
    for (const token of TOKENS) expect(raw).toContain(JSON.stringify(token).slice(1, -1));
  });

  it("delivers the alert to Slack, Discord and the web console without a live ping or link", async () => {
    const events = await openEvents(`${app.url}/api/events`);
    for (let i = 0; i < 5; i++) if ((await app.dispatcher.tick()).delivered === 0) break;

    // Slack: chat.postMessage, form-encoded, blocks as a JSON string
    const slackPosts = slack.calls("chat.postMessage");
    expect(slackPosts).toHaveLength(alerts.length);
    for (const post of slackPosts) {
      const body = post.body as Record<string, string>;
      expect(body.link_names).toBe("false");
      expect(body.parse).toBe("none");
      const texts = [body.text!, ...slackBlockTexts(JSON.parse(body.blocks!))];
      for (const t of texts) expectSlackSafe(t);
      // the hostile text arrived, shown as text
      const shown = unescapeSlack(texts.join("\n"));
      for (const token of ["<!channel>", "<@U123>", "<https://evil.example|click>", "&lt;!channel&gt;"])
        expect(shown).toContain(token);
    }

    // Discord: POST /channels/{id}/messages
    const discordPosts = discord.wire.filter(
      (r) => r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.path),
    );
    expect(discordPosts).toHaveLength(alerts.length);
    for (const post of discordPosts) {
      const message = post.body as DiscordMessage;
      expect(message.allowed_mentions).toEqual({ parse: [] });
      for (const s of discordStrings(message)) expectDiscordSafe(s);
      expect(JSON.stringify(message)).toContain("evil.example");
    }

    // web: one SSE event per alert, each a JSON object; the fake event in an outlet stays inside its string
    await events.waitFor((e) => e.event === "alert" && JSON.parse(e.data).id === alerts.at(-1)!.id);
    events.close();
    const sent = events.events.filter((e) => e.event === "alert");
    expect(sent.map((e) => e.id)).toEqual(alerts.map((a) => String(a.id)));
    expect(sent.map((e) => (JSON.parse(e.data) as Alert).id)).toEqual(alerts.map((a) => a.id));
    expect(sent.map((e) => JSON.parse(e.data))).toEqual(JSON.parse(JSON.stringify(alerts)));
  }, 20_000);

  it("answers /toll and /who-said in Slack with escaped Block Kit at the response_url", async () => {
    const cases: [string, string, string, Record<string, string>][] = [
      ["/toll", "", "toll", {}],
      ["/who-said", "", "who-said", {}],
      ["/who-said", "toll", "who-said", { query: "toll" }],
      ["/who-said", "counted", "who-said", { query: "counted" }],
      // what the user typed comes back in the error reply ("No story matches …")
      ["/toll", TYPED, "toll", { story: TYPED }],
    ];
    for (const [command, typed, name, args] of cases) {
      // Slack sends &, < and > in command text as entities
      const text = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      // precondition: what the command answers carries hostile text
      const expected = replyOf(name, args);
      expect(JSON.stringify([expected.title, expected.blocks])).toMatch(/<!channel>|<@U123>|<script>/);
      const url = slack.responseUrl();
      const res = await postSlashCommand(slackUrl, SECRET, slashCommandFields(command, text, url));
      expect(res.status).toBe(200);
      const [answer] = await slack.wire.waitFor((r) => r.path === new URL(url).pathname);
      const body = answer!.body as { response_type: string; text: string; blocks: unknown[] };
      expect(body.response_type, `${command} ${typed}`).toBe(expected.ok ? "in_channel" : "ephemeral");
      const texts = [body.text, ...slackBlockTexts(body.blocks)];
      for (const t of texts) expectSlackSafe(t);
      expect(unescapeSlack(texts.join("\n"))).toMatch(/<!channel>|<@U123>|<script>/);
    }
  });

  it("answers /toll and /who-said in Discord with allowed_mentions empty and escaped embeds", async () => {
    const asked = [
      discord.interact({ name: "toll" }),
      discord.interact({ name: "who-said" }),
      discord.interact({ name: "who-said", options: { query: "toll" } }),
      discord.interact({ name: "who-said", options: { query: "counted" } }),
      discord.interact({ name: "toll", options: { story: TYPED } }),
    ];
    for (const { id, token } of asked) {
      await discord.wire.waitFor(
        (r) => r.method === "PATCH" && r.path.includes(`/webhooks/${discord.appId}/${token}/`),
      );
      const requests = discord.callbacks(id, token);
      // deferred, then the answer as an edit of the original response
      expect(requests.map((r) => r.method)).toEqual(["POST", "PATCH"]);
      const edit = discordMessage(requests[1]!);
      expect(edit.allowed_mentions).toEqual({ parse: [] });
      for (const s of discordStrings(edit)) expectDiscordSafe(s);
    }
    // every message sent (alerts and answers) forbade mentions
    const carrying = discord.wire.filter((r) => {
      const m = r.method === "GET" ? undefined : discordMessage(r);
      return m?.content !== undefined || m?.embeds !== undefined;
    });
    expect(carrying.length).toBeGreaterThanOrEqual(alerts.length + asked.length);
    for (const r of carrying) expect(discordMessage(r).allowed_mentions, r.path).toEqual({ parse: [] });
  });

  it("web console: the API sends JSON, the page has no inline script, and the DOM shows article text as text", async () => {
    const page = await request(`${app.url}/`);
    expect(page.headers["content-type"]).toContain("text/html");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    // the page the server sends is static: no article text in it
    expect(page.body).not.toContain("evil.example");
    expect(page.body).not.toContain("Harbour");

    for (const text of ["/toll", "/who-said toll"]) {
      const res = await postCommand(app.url, JSON.stringify({ text }));
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      const reply = (JSON.parse(res.body) as { reply: Reply }).reply;
      expect(JSON.stringify(reply.blocks)).toContain("<");
    }

    // the real page and app.js, fed by the real server: no element or link comes from article text
    const dom = await loadConsole(app.url);
    try {
      const doc = dom.document;
      const expectTextOnly = (root: ConsoleElement, hostile: string) => {
        expect(root.querySelectorAll("script, img, iframe, object, embed, svg, [onerror]")).toHaveLength(0);
        for (const a of root.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(ARTICLE_URL);
        // shown literally, and serialised escaped
        expect(root.textContent).toContain(hostile);
        expect(root.innerHTML).not.toContain(hostile);
      };
      const list = doc.getElementById("alerts")!;
      await dom.until(() => list.children.length === alerts.length, "the alert cards");
      expectTextOnly(list, "<script>alert(1)</script>");

      const reply = doc.getElementById("reply")!;
      dom.submit("/toll");
      await dom.until(() => reply.getAttribute("data-command") === "toll", "the /toll reply");
      expectTextOnly(reply, "<img src=x onerror=alert(3)>");

      dom.submit("/who-said toll");
      await dom.until(
        () => reply.getAttribute("data-command") === "who-said" && reply.children.length > 1,
        "the /who-said reply",
      );
      expectTextOnly(reply, "<script>alert(5)</script>");

      // what the user typed, echoed in the answer
      dom.submit(`/toll ${TYPED}`);
      await dom.until(() => reply.getAttribute("data-command") === "toll", "the /toll STORY reply");
      expectTextOnly(reply, "<script>alert(6)</script>");
    } finally {
      dom.close();
    }
  });
});
