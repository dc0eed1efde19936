// The web console's HTTP API against the running app (in-process, port 0, temporary database).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { listDeliveries } from "../../src/store/alerts.js";
import { listFeeds } from "../../src/store/feeds.js";
import { speakerCounts } from "../../src/store/statements.js";
import { listStories } from "../../src/store/stories.js";
import { openEvents, postCommand, request, startTestApp, type TestApp } from "../app/helpers.js";
import { addAlert } from "../deliver/fixtures.js";

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  base = t.app.url;
});

afterAll(async () => {
  await t.close();
});

describe("web console API", () => {
  it("serves the page with a strict content security policy", async () => {
    const res = await request(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain('id="command"');
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect((await request(`${base}/healthz`)).status).toBe(200);
    expect((await request(`${base}/nothing-here`)).status).toBe(404);
  });

  it("seeded the empty database on start and printed what it stored", () => {
    expect(t.app.seeded.length).toBeGreaterThan(0);
    expect(t.app.seeded.every((o) => o.status === "new")).toBe(true);
    expect(t.printed.filter((l) => l.startsWith("  #"))).toHaveLength(t.app.seeded.length);
    expect(t.printed.some((l) => l.startsWith(`Seeded ${t.app.seeded.length} articles`))).toBe(true);
    expect(t.printed).toContain(`Web console: ${base}`);
  });

  it("answers /toll with the reply model", async () => {
    const res = await postCommand(base, JSON.stringify({ text: "/toll" }));
    expect(res.status).toBe(200);
    const { reply } = JSON.parse(res.body);
    const known = COMMANDS.some((c) => c.name === "toll");
    expect(reply.command).toBe("toll");
    expect(reply.ok).toBe(known);
    expect(typeof reply.title).toBe("string");
    expect(Array.isArray(reply.blocks)).toBe(true);
  });

  it("answers an unknown command with a helpful error reply", async () => {
    const res = await postCommand(base, JSON.stringify({ text: "/nope" }));
    expect(res.status).toBe(200);
    const { reply } = JSON.parse(res.body);
    expect(reply.ok).toBe(false);
    expect(reply.title).toContain("/nope");
    expect(JSON.stringify(reply.blocks)).toContain("/help");
  });

  it("refuses bodies that are not the expected JSON with 400", async () => {
    for (const body of [
      "/toll",
      "{",
      "[]",
      "null",
      JSON.stringify({ txt: "/toll" }),
      JSON.stringify({ text: 5 }),
    ]) {
      const res = await postCommand(base, body);
      expect(res.status, body).toBe(400);
      expect(JSON.parse(res.body).error).toMatch(/JSON|text/);
    }
    const big = await postCommand(base, JSON.stringify({ text: `/toll ${"x".repeat(70 * 1024)}` }));
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body).error).toContain("64 KB");
    // a form post from another site cannot reach the command API
    const form = await postCommand(base, "text=/toll", "application/x-www-form-urlencoded");
    expect(form.status).toBe(400);
    expect((await request(`${base}/api/command`)).status).toBe(405);
  });

  it("answers only to localhost names while bound to loopback", async () => {
    const res = await request(`${base}/healthz`, { headers: { host: "attacker.example" } });
    expect(res.status).toBe(403);
  });

  it("suggests commands, and stories for /toll", async () => {
    const commands = JSON.parse((await request(`${base}/api/suggest?q=%2Fto`)).body).suggestions as string[];
    expect(commands).toContain("/toll");
    expect(commands.every((s) => s.startsWith("/to"))).toBe(true);
    const stories = JSON.parse((await request(`${base}/api/suggest?q=%2Ftoll%20`)).body)
      .suggestions as string[];
    expect(stories.every((s) => s.startsWith("/toll "))).toBe(true);
    expect(stories).toEqual(
      listStories(t.app.store)
        .map((s) => `/toll ${s.name}`)
        .slice(0, stories.length),
    );
    const speaker = speakerCounts(t.app.store)[0]?.speaker;
    if (speaker) {
      const q = encodeURIComponent(`/who-said --speaker ${speaker.slice(0, 3)}`);
      const speakers = JSON.parse((await request(`${base}/api/suggest?q=${q}`)).body).suggestions as string[];
      expect(speakers).toContain(`/who-said --speaker ${speaker}`);
    }
  });

  it("streams a delivered alert to a connected client and replays it to a later one", async () => {
    const first = await openEvents(`${base}/api/events`);
    const id = addAlert(t.app.store, ["web"], "Monitor X says 10 killed; ministry says at least 40");
    const result = await t.app.dispatcher.tick();
    expect(result.delivered).toBeGreaterThanOrEqual(1);
    await first.waitFor((e) => e.event === "alert" && JSON.parse(e.data).id === id);
    const got = first.events.find((e) => JSON.parse(e.data).id === id)!;
    expect(JSON.parse(got.data).summary).toBe("Monitor X says 10 killed; ministry says at least 40");
    expect(listDeliveries(t.app.store, id).map((d) => d.state)).toEqual(["sent"]);
    first.close();

    const recent = JSON.parse((await request(`${base}/api/alerts`)).body).alerts as { id: number }[];
    expect(recent.map((a) => a.id)).toContain(id);

    const later = await openEvents(`${base}/api/events`);
    await later.waitFor((e) => e.event === "alert" && JSON.parse(e.data).id === id);
    later.close();
  });

  it("renders the toll chart as SVG", async () => {
    const res = await request(`${base}/api/chart/toll.svg`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("image/svg+xml");
    expect(res.body.trimStart().startsWith("<svg")).toBe(true);
    const unknown = await request(
      `${base}/api/chart/toll.svg?story=${encodeURIComponent("<no such story>")}`,
    );
    expect(unknown.body).toContain("No story matches");
    expect(unknown.body).not.toContain("<no such story>");
  });

  it("lets the local console administer feeds", async () => {
    const res = await postCommand(
      base,
      JSON.stringify({ text: "/tollwatch feeds add https://wire.example/rss" }),
    );
    const { reply } = JSON.parse(res.body);
    expect(reply).toMatchObject({ command: "feeds", ok: true });
    expect(listFeeds(t.app.store).map((f) => f.url)).toContain("https://wire.example/rss");
    const list = JSON.parse((await postCommand(base, JSON.stringify({ text: "/feeds list" }))).body).reply;
    expect(list.data.feeds.map((f: { url: string }) => f.url)).toContain("https://wire.example/rss");
  });
});
