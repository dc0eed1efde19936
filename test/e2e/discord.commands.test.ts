// The real discord.js client against a local fake gateway and REST API: slash commands answered with
// a deferred reply edited into an embed, autocomplete, admin refusal, alerts. Nothing reaches Discord.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../commands/index.js";
import { type DiscordSurface, startDiscord } from "../../src/chat/discord/index.js";
import { ADMIN_REFUSAL } from "../../src/chat/dispatch.js";
import { renderEmbeds } from "../../src/chat/render/embeds.js";
import { loadConfig } from "../../src/config.js";
import type { Store } from "../../src/store/store.js";
import { listStories } from "../../src/store/stories.js";
import { HOSTILE, hostileAlert } from "../fakes/alerts.js";
import { type FakeDiscord, MANAGE_GUILD, startFakeDiscord } from "../fakes/discord.js";
import { MANY_SPEAKERS, MANY_SPEAKERS_PREFIX, newsroomStore } from "../fakes/newsroom.js";
import type { WireRequest } from "../fakes/wire.js";

const NOW = new Date("2025-03-12T12:00:00Z");
const EPHEMERAL = 1 << 6;
let fake: FakeDiscord;
let surface: DiscordSurface;
let store: Store;

beforeAll(async () => {
  fake = await startFakeDiscord();
  store = await newsroomStore();
  const config = loadConfig({
    DISCORD_TOKEN: "fake-token",
    DISCORD_API_URL: fake.api,
    DISCORD_ALERT_CHANNEL_ID: fake.channelId,
  });
  if (!config.ok) throw new Error("bad test config");
  surface = await startDiscord(
    { config: config.value, store, log: pino({ level: "silent" }), now: () => NOW },
    { requestTimeoutMs: 500 },
  );
});

afterAll(async () => {
  // destroy the client before closing the fake, or it reconnects forever
  await surface?.stop();
  await fake?.close();
  store?.close();
});

type Body = Record<string, unknown> & { data?: Record<string, unknown>; embeds?: unknown[] };

/** The defer callback and the edit of the original reply for one interaction. */
async function deferredAnswer(id: string, token: string): Promise<{ defer: Body; edit: Body }> {
  await fake.wire.waitFor((r) => r.method === "PATCH" && r.path.includes(`/${token}/messages/@original`));
  const calls = fake.callbacks(id, token);
  const defer = calls.find((r) => r.path.endsWith("/callback"));
  const edit = calls.find((r) => r.method === "PATCH");
  expect(defer?.query.with_response).toBe("false");
  return { defer: defer!.body as Body, edit: edit!.body as Body };
}

describe("discord surface", () => {
  it("answers /toll with a deferred reply edited into the rendered embed, mentioning no one", async () => {
    const { id, token } = fake.interact({ name: "toll" });
    const { defer, edit } = await deferredAnswer(id, token);
    expect(defer.type).toBe(5);
    expect(Number(defer.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const expected = runCommand({ store, now: NOW }, "toll", {});
    expect(expected.ok).toBe(true);
    expect(edit.embeds).toEqual(renderEmbeds(expected));
    expect(edit.allowed_mentions).toEqual({ parse: [] });
  });

  it("passes option values to the command: /who-said with a speaker", async () => {
    const speaker = MANY_SPEAKERS[2]!;
    const { id, token } = fake.interact({ name: "who-said", options: { speaker } });
    const { edit } = await deferredAnswer(id, token);
    expect(edit.embeds).toEqual(renderEmbeds(runCommand({ store, now: NOW }, "who-said", { speaker })));
    expect(JSON.stringify(edit.embeds)).toContain("Rahimi Aide 3");
  });

  it("defers errors as ephemeral: an unknown /tollwatch subcommand", async () => {
    const { id, token } = fake.interact({ name: "tollwatch", subcommand: "frobnicate" });
    const { defer, edit } = await deferredAnswer(id, token);
    expect(Number(defer.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(edit.embeds)).toMatch(/Unknown/);
  });

  it("autocompletes speakers with at most 25 choices matching what was typed", async () => {
    const { id, token } = fake.interact({
      name: "who-said",
      options: { speaker: MANY_SPEAKERS_PREFIX.slice(0, 3).toLowerCase() },
      focused: "speaker",
    });
    const [cb] = await fake.wire.waitFor((r) => r.path.includes(`/interactions/${id}/${token}/callback`));
    const body = cb!.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toHaveLength(25);
    for (const c of body.data.choices) expect(c.value).toMatch(/(^|\s)rah/i);
  });

  it("autocompletes story names from the store", async () => {
    const { id, token } = fake.interact({ name: "toll", options: { story: "" }, focused: "story" });
    const [cb] = await fake.wire.waitFor((r) => r.path.includes(`/interactions/${id}/${token}/callback`));
    const choices = (cb!.body as { data: { choices: { value: string }[] } }).data.choices;
    const names = listStories(store).map((s) => s.name);
    expect(choices.length).toBe(Math.min(25, names.length));
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) expect(names).toContain(c.value);
  });

  it("runs admin commands only for members with Manage Server", async () => {
    const refused = fake.interact({ name: "tollwatch", subcommand: "feeds", options: { action: "list" } });
    const r1 = await deferredAnswer(refused.id, refused.token);
    expect(Number(r1.defer.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(r1.edit.embeds)).toContain(ADMIN_REFUSAL.replace(/\./g, ""));

    const allowed = fake.interact({
      name: "tollwatch",
      subcommand: "feeds",
      options: { action: "list" },
      permissions: MANAGE_GUILD,
    });
    const r2 = await deferredAnswer(allowed.id, allowed.token);
    expect(JSON.stringify(r2.edit.embeds)).not.toContain(ADMIN_REFUSAL.replace(/\./g, ""));
    expect(r2.edit.embeds).toEqual(
      renderEmbeds(runCommand({ store, now: NOW }, "feeds", { action: "list" })),
    );
  });

  it("posts an alert once, with no mentions allowed and nothing from the article as markup", async () => {
    const posts = () => fake.wire.filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    const before = posts().length;
    expect(await surface.destination.deliver(hostileAlert())).toEqual({ ok: true });
    expect(posts()).toHaveLength(before + 1);
    const post = posts().at(-1)! as WireRequest;
    expect(post.path).toBe(`/api/v10/channels/${fake.channelId}/messages`);
    expect(post.headers.authorization).toBe("Bot fake-token");
    const body = post.body as Body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    for (const piece of ["@everyone", "<@U123>", "<@&42>", "[x](http://evil)", "<!channel>", "**bold**"])
      expect(post.raw).not.toContain(piece);
    expect(HOSTILE).toContain("@everyone");
    // the only masked link is the article's; the javascript: URL is shown as text
    const targets = [...JSON.stringify(body.embeds).matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    expect(targets).toEqual(["https://news.example/a?x=1&y=2"]);
  });

  it("maps Discord failures to retryable or final outcomes, one request each", async () => {
    const isPost = (r: { method: string; path: string }) =>
      r.method === "POST" && r.path.endsWith("/messages");
    const before = fake.wire.filter(isPost).length;
    fake.wire.fail500(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.reset(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.hang(1, isPost);
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: true });
    fake.wire.failNext(
      1,
      { kind: "status", status: 403, body: { message: "Missing Access", code: 50001 } },
      isPost,
    );
    expect(await surface.destination.deliver(hostileAlert(2))).toMatchObject({ ok: false, retryable: false });
    expect(fake.wire.filter(isPost)).toHaveLength(before + 4);
    expect(await surface.destination.deliver(hostileAlert(2))).toEqual({ ok: true });
    // a 429 is reported with its Retry-After, not waited out (last: the bucket stays limited a while)
    fake.wire.fail429(1, 4, isPost);
    const limited = await surface.destination.deliver(hostileAlert(2));
    expect(limited).toMatchObject({ ok: false, retryable: true });
    expect((limited as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThanOrEqual(4000);
    expect(fake.wire.filter(isPost)).toHaveLength(before + 6);
  });
});
