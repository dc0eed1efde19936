import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCommand, parseCommandText, runCommand } from "../../commands/index.js";
import { listFeeds } from "../../src/store/feeds.js";
import { Store } from "../../src/store/store.js";

let dir: string;
let store: Store;
const now = new Date("2025-03-09T12:00:00Z");

const run = (text: string) => {
  const { name, args } = parseCommandText(text);
  return runCommand({ store, now }, name, args);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-feedcmd-"));
  store = Store.open(path.join(dir, "t.sqlite"));
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("/feeds and /tollwatch", () => {
  it("is an admin command", () => {
    expect(findCommand("feeds")?.admin).toBe(true);
    expect(findCommand("tollwatch")?.admin).toBeFalsy();
  });

  it("adds, lists and removes a feed", () => {
    const added = run("/feeds add https://wire.example/rss");
    expect(added).toMatchObject({ ok: true, data: { action: "add", added: true } });
    expect(run("/feeds add https://wire.example/rss").data).toMatchObject({ added: false });
    const list = run("/feeds list");
    expect(list.ok).toBe(true);
    expect(JSON.stringify(list.blocks)).toContain("https://wire.example/rss");
    expect(run("/feeds remove https://wire.example/rss").ok).toBe(true);
    expect(listFeeds(store)).toEqual([]);
    expect(run("/feeds remove https://wire.example/rss").ok).toBe(false);
  });

  it("takes the address as a named option too", () => {
    expect(run("/feeds add --url https://wire.example/atom").ok).toBe(true);
    expect(listFeeds(store).map((f) => f.url)).toEqual(["https://wire.example/atom"]);
  });

  it("refuses addresses that are not http(s) feeds", () => {
    for (const bad of [
      "/feeds add",
      "/feeds add ftp://x.example/f",
      "/feeds add https://u:p@x.example/",
      "/feeds add nope",
    ])
      expect(run(bad).ok, bad).toBe(false);
    expect(run("/feeds frobnicate").ok).toBe(false);
    expect(listFeeds(store)).toEqual([]);
  });

  it("reaches stories and help through /tollwatch, but not feed administration", () => {
    expect(run("/tollwatch").ok).toBe(true);
    expect(run("/tollwatch stories").command).toBe("stories");
    expect(run("/tollwatch feeds list").ok).toBe(false);
    expect(run("/tollwatch frobnicate").ok).toBe(false);
  });
});
