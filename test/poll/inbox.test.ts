import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inboxFiles, pollInbox } from "../../src/poll/inbox.js";
import { listAlerts, listDeliveries } from "../../src/store/alerts.js";
import { countArticles } from "../../src/store/articles.js";
import { body, type TestEnv, testEnv } from "./helpers.js";

let env: TestEnv;
let inbox: string;

beforeEach(() => {
  env = testEnv();
  inbox = path.join(env.dir, "inbox");
  fs.mkdirSync(inbox);
});

afterEach(() => env.cleanup());

describe("inbox polling", () => {
  it("ingests a dropped article, moves it to done/ and alerts the running destinations", async () => {
    fs.writeFileSync(
      path.join(inbox, "storm.txt"),
      `Storm hits the coast\n\n${body("A storm on the coast")}`,
    );
    const [r] = await pollInbox({ ...env.deps, destinations: () => ["web", "slack"] }, inbox);
    expect(r).toMatchObject({ file: "storm.txt", status: "done", added: 1 });
    expect(fs.existsSync(path.join(inbox, "done", "storm.txt"))).toBe(true);
    expect(fs.existsSync(path.join(inbox, "storm.txt"))).toBe(false);
    expect(countArticles(env.store)).toBe(1);
    const [alert] = listAlerts(env.store, { all: true });
    expect(listDeliveries(env.store, alert!.id).map((d) => d.destination)).toEqual(["web", "slack"]);
  });

  it("moves an unreadable file to failed/ with the reason beside it", async () => {
    fs.writeFileSync(path.join(inbox, "empty.txt"), "");
    fs.writeFileSync(path.join(inbox, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]));
    const results = await pollInbox(env.deps, inbox);
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ["binary.txt", "failed"],
      ["empty.txt", "failed"],
    ]);
    const reason = fs.readFileSync(path.join(inbox, "failed", "empty.txt.reason.txt"), "utf8");
    expect(reason).toMatch(/empty/);
    expect(reason).not.toContain(inbox);
    expect(fs.existsSync(path.join(inbox, "failed", "binary.txt.reason.txt"))).toBe(true);
    expect(countArticles(env.store)).toBe(0);
    expect(inboxFiles(inbox)).toEqual([]);
  });

  it("moves a duplicate to done/ without storing it twice, keeping both files", async () => {
    const text = `Storm hits the coast\n\n${body("A storm on the coast")}`;
    fs.writeFileSync(path.join(inbox, "storm.txt"), text);
    await pollInbox(env.deps, inbox);
    fs.writeFileSync(path.join(inbox, "storm.txt"), text);
    const [r] = await pollInbox(env.deps, inbox);
    expect(r).toMatchObject({ status: "done", added: 0, duplicates: 1 });
    expect(fs.readdirSync(path.join(inbox, "done")).sort()).toEqual(["storm.1.txt", "storm.txt"]);
    expect(countArticles(env.store)).toBe(1);
  });

  it("leaves files that are still being written", async () => {
    fs.writeFileSync(path.join(inbox, "storm.txt.part"), "half");
    fs.writeFileSync(path.join(inbox, ".hidden"), "x");
    expect(await pollInbox(env.deps, inbox)).toEqual([]);
    expect(fs.readdirSync(inbox).sort()).toEqual([".hidden", "storm.txt.part"]);
  });
});
