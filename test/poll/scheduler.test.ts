import fs from "node:fs";
import path from "node:path";
import { getTasks } from "node-cron";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startPoller } from "../../src/poll/scheduler.js";
import { countArticles } from "../../src/store/articles.js";
import { body, type TestEnv, testEnv } from "./helpers.js";

let env: TestEnv;
let inbox: string;

beforeEach(() => {
  env = testEnv();
  inbox = path.join(env.dir, "inbox");
});

afterEach(() => env.cleanup());

describe("poller", () => {
  it("runs overlapping polls one after another, so no file is read twice", async () => {
    const poller = startPoller({ ...env.deps, inbox });
    fs.mkdirSync(inbox, { recursive: true });
    fs.writeFileSync(path.join(inbox, "a.txt"), `Storm hits the coast\n\n${body("A storm on the coast")}`);
    const [first, second] = await Promise.all([poller.pollOnce(), poller.pollOnce()]);
    expect(first.inbox.map((r) => r.status)).toEqual(["done"]);
    expect(second.inbox).toEqual([]);
    expect(countArticles(env.store)).toBe(1);
    await poller.stop();
  });

  it("schedules with node-cron and removes the schedule on stop", async () => {
    const poller = startPoller({ ...env.deps, inbox, cron: "*/5 * * * *" });
    const names = () => [...getTasks().values()].map((t) => t.name);
    expect(names()).toContain("tollwatch-poll");
    await poller.stop();
    expect(names()).not.toContain("tollwatch-poll");
  });
});
