import type http from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedBackoffMs, pollFeeds } from "../../src/poll/feeds.js";
import { listAlerts, listDeliveries } from "../../src/store/alerts.js";
import { countArticles, listArticles } from "../../src/store/articles.js";
import { addFeed, getFeed } from "../../src/store/feeds.js";
import { type LocalServer, startServer } from "../helpers/http-server.js";
import { body, rss, type TestEnv, testEnv } from "./helpers.js";

let env: TestEnv;
let server: LocalServer;
let feedXml: string;
let etag: string;
let status: number;
const seen: { ifNoneMatch: string | undefined }[] = [];

const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
  seen.push({ ifNoneMatch: req.headers["if-none-match"] });
  if (status !== 200) {
    res.writeHead(status, { "content-type": "text/plain" });
    res.end("down");
  } else if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag });
    res.end();
  } else {
    res.writeHead(200, { "content-type": "application/rss+xml", etag });
    res.end(feedXml);
  }
};

const minutes = (n: number) => n * 60_000;

beforeEach(async () => {
  env = testEnv();
  server = await startServer({ "/feed.xml": route });
  seen.length = 0;
  status = 200;
  etag = '"v1"';
  feedXml = rss([
    { title: "Floods in the north", link: `${server.base}/a/1`, text: body("Flooding in the north") },
    { title: "Quake in the south", link: `${server.base}/a/2`, text: body("An earthquake in the south") },
  ]);
});

afterEach(async () => {
  await server.close();
  env.cleanup();
});

describe("feed polling", () => {
  it("posts one digest on a feed's first poll instead of an alert per article", async () => {
    const { feed } = addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    const [r] = await pollFeeds(env.deps);
    expect(r).toMatchObject({ status: "read", added: 2, digest: true });
    expect(countArticles(env.store)).toBe(2);
    const alerts = listAlerts(env.store, { all: true });
    const perArticle = alerts.filter((a) => a.kind === "disagreement");
    const digest = alerts.filter((a) => a.kind === "feed");
    // the per-article alerts are recorded but have nowhere to go
    expect(perArticle).toHaveLength(2);
    for (const a of perArticle) expect(listDeliveries(env.store, a.id)).toEqual([]);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.summary).toContain("Test Wire");
    expect(digest[0]?.summary).toContain("2 articles");
    expect(listDeliveries(env.store, digest[0]!.id).map((d) => d.destination)).toEqual(["web"]);
    expect(getFeed(env.store, feed.id)).toMatchObject({ etag: '"v1"', title: "Test Wire", failures: 0 });
  });

  it("sends the stored ETag and reads nothing on a 304", async () => {
    addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    await pollFeeds(env.deps);
    const [r] = await pollFeeds(env.deps);
    expect(r).toMatchObject({ status: "not-modified", added: 0 });
    expect(seen.map((s) => s.ifNoneMatch)).toEqual([undefined, '"v1"']);
    expect(countArticles(env.store)).toBe(2);
  });

  it("alerts per article for items that arrive after the first poll", async () => {
    addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    await pollFeeds(env.deps);
    etag = '"v2"';
    feedXml = rss([
      { title: "Fire at the port", link: `${server.base}/a/3`, text: body("A fire at the port") },
      { title: "Floods in the north", link: `${server.base}/a/1`, text: body("Flooding in the north") },
    ]);
    const [r] = await pollFeeds(env.deps);
    expect(r).toMatchObject({ status: "read", added: 1, duplicates: 1, digest: false });
    const fresh = listAlerts(env.store, { all: true }).filter((a) => a.summary.includes("Fire at the port"));
    expect(fresh).toHaveLength(1);
    expect(listDeliveries(env.store, fresh[0]!.id).map((d) => d.destination)).toEqual(["web"]);
    expect(listAlerts(env.store, { all: true }).filter((a) => a.kind === "feed")).toHaveLength(1);
  });

  it("backs off after failures: 5 minutes, doubling, capped at 6 hours", async () => {
    expect([1, 2, 3, 4].map(feedBackoffMs)).toEqual([minutes(5), minutes(10), minutes(20), minutes(40)]);
    expect(feedBackoffMs(9)).toBe(minutes(360));

    status = 500;
    const { feed } = addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    const [r] = await pollFeeds(env.deps);
    expect(r).toMatchObject({ status: "failed" });
    expect(r?.error).toContain("HTTP 500");
    expect(getFeed(env.store, feed.id)).toMatchObject({
      failures: 1,
      next_poll_at: "2025-03-09T12:05:00.000Z",
    });
    // not due yet: not fetched
    env.clock.now = new Date("2025-03-09T12:04:59Z");
    expect(await pollFeeds(env.deps)).toEqual([]);
    env.clock.now = new Date("2025-03-09T12:05:00Z");
    await pollFeeds(env.deps);
    expect(getFeed(env.store, feed.id)).toMatchObject({
      failures: 2,
      next_poll_at: "2025-03-09T12:15:00.000Z",
    });
    // a success resets the count
    status = 200;
    env.clock.now = new Date("2025-03-09T12:15:00Z");
    await pollFeeds(env.deps);
    expect(getFeed(env.store, feed.id)).toMatchObject({ failures: 0, next_poll_at: null, last_error: null });
  });

  it("disables a feed after 10 failures in a row and says so in the channel", async () => {
    status = 503;
    const { feed } = addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    for (let i = 1; i <= 10; i++) {
      const [r] = await pollFeeds(env.deps);
      expect(r?.status).toBe(i < 10 ? "failed" : "disabled");
      env.clock.now = new Date(getFeed(env.store, feed.id)!.next_poll_at!);
    }
    expect(getFeed(env.store, feed.id)).toMatchObject({ disabled: true, failures: 10 });
    const notices = listAlerts(env.store, { all: true }).filter((a) => a.kind === "feed");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.summary).toContain("disabled after 10 failed polls");
    expect(notices[0]?.summary).toContain("HTTP 503");
    expect(listDeliveries(env.store, notices[0]!.id).map((d) => d.destination)).toEqual(["web"]);
    env.clock.now = new Date("2025-03-20T00:00:00Z");
    expect(await pollFeeds(env.deps)).toEqual([]);
    expect(seen).toHaveLength(10);
    // adding it again, as the notice says, re-enables it
    expect(addFeed(env.store, `${server.base}/feed.xml`, env.clock.now).added).toBe(false);
    expect(getFeed(env.store, feed.id)).toMatchObject({ disabled: false, failures: 0, next_poll_at: null });
    status = 200;
    expect((await pollFeeds(env.deps))[0]).toMatchObject({ status: "read", digest: true });
  });

  it("reads items through the product pipeline: figures extracted and stored", async () => {
    feedXml = rss([
      {
        title: "Flooding kills dozens in the delta",
        link: `${server.base}/a/9`,
        text: `At least 37 people were killed in the floods, the civil defence agency said on Sunday. ${body("Flooding in the delta")}`,
      },
    ]);
    addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    const [r] = await pollFeeds({ ...env.deps, steps: undefined });
    expect(r).toMatchObject({ status: "read", added: 1 });
    const [article] = listArticles(env.store);
    expect(article?.title).toBe("Flooding kills dozens in the delta");
    expect(article?.figures).toBeGreaterThan(0);
  });

  it("fetches the page of a link-only item once, not on every poll", async () => {
    await server.close();
    const page = (title: string) =>
      `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body(title)}</p><p>${body("More")}</p></article></body></html>`;
    const pageRoute = (title: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(page(title));
    };
    server = await startServer({
      "/feed.xml": route,
      "/a/1": pageRoute("Bridge closed"),
      "/a/2": pageRoute("Port reopens"),
    });
    const teaser = (title: string, n: number) => ({
      title,
      link: `${server.base}/a/${n}`,
      text: "Read more.",
    });
    feedXml = rss([teaser("Bridge closed", 1)]);
    addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    expect((await pollFeeds(env.deps))[0]).toMatchObject({ status: "read", added: 1 });
    etag = '"v2"';
    feedXml = rss([teaser("Port reopens", 2), teaser("Bridge closed", 1)]);
    expect((await pollFeeds(env.deps))[0]).toMatchObject({ status: "read", added: 1 });
    // a changed feed whose items are all stored is read, not failed
    etag = '"v3"';
    feedXml = rss([teaser("Bridge closed", 1), teaser("Port reopens", 2)]);
    expect((await pollFeeds(env.deps))[0]).toMatchObject({ status: "read", added: 0 });
    expect(server.hits.filter((h) => h.startsWith("/a/"))).toEqual(["/a/1", "/a/2"]);
    expect(countArticles(env.store)).toBe(2);
  });

  it("counts a page that is not a feed as a failure", async () => {
    feedXml = "<!doctype html><html><body><p>Not a feed</p></body></html>";
    addFeed(env.store, `${server.base}/feed.xml`, env.clock.now);
    const [r] = await pollFeeds(env.deps);
    expect(r).toMatchObject({ status: "failed", added: 0 });
    expect(r?.error).toContain("RSS or Atom");
  });
});
