// The web console in a real browser (Debian's chromium through playwright-core): a command typed
// in the box is answered, and an alert raised by an article dropped into the inbox appears live.
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { listAlerts } from "../../src/store/alerts.js";
import { lookupStory } from "../../src/store/stories.js";
import { postCommand, startTestApp, type TestApp } from "../app/helpers.js";
import { addAlert } from "../deliver/fixtures.js";
import { conflictingArticle, type TollData } from "./conflict.js";

const ARTIFACTS = path.resolve("test/artifacts");

let t: TestApp;
let browser: Browser;
let page: Page;

async function apiReply(text: string): Promise<Reply> {
  return JSON.parse((await postCommand(t.app.url, JSON.stringify({ text }))).body).reply as Reply;
}

beforeAll(async () => {
  t = await startTestApp();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(t.app.url);
  await page.locator('#live[data-state="live"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe("web console in a browser", () => {
  it("answers /toll typed in the command box", async () => {
    const expected = await apiReply("/toll");
    await page.locator("#command").fill("/toll");
    await page.locator("#command").press("Enter");
    await page.locator('#reply[data-command="toll"] h3').waitFor();
    expect(await page.locator("#reply h3").textContent()).toBe(expected.title);
    const rows = expected.blocks.flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(await page.locator("#reply .row").count()).toBe(rows.length);
    if (rows[0]) expect(await page.locator("#reply .row-text").first().textContent()).toBe(rows[0].text);
  });

  it("shows an alert raised by an inbox article live, without reloading", async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const before = new Set(listAlerts(t.app.store, { all: true }).map((a) => a.id));
    const toll = (await apiReply("/toll")).data as TollData;
    const story = toll.story ? lookupStory(t.app.store, toll.story.name) : undefined;
    const article = conflictingArticle(toll, story?.terms ?? []);
    fs.mkdirSync(t.inbox, { recursive: true });
    fs.writeFileSync(path.join(t.inbox, "conflicting-report.txt"), article);

    const polled = await t.app.pollOnce();
    expect(polled.inbox).toMatchObject([{ file: "conflicting-report.txt", status: "done", added: 1 }]);
    const raised = listAlerts(t.app.store, { all: true }).filter((a) => !before.has(a.id));
    expect(raised.length).toBeGreaterThan(0);
    const alert = raised[0]!;
    const card = page.locator(`#alerts li[data-alert-id="${alert.id}"]`);
    await card.waitFor();
    expect(await card.locator(".alert-summary").textContent()).toBe(alert.summary);
    expect(
      await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);

    // the chart of the /toll answer is in the screenshot too
    await page.waitForFunction(() => {
      const img = (
        globalThis as unknown as { document: { getElementById(id: string): unknown } }
      ).document.getElementById("chart-img") as { complete: boolean; naturalWidth: number } | null;
      return img === null || (img.complete && img.naturalWidth > 0);
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "web-console.png"), fullPage: true });
  });

  it("shows article text as text, never as markup", async () => {
    const summary =
      '<img src=x onerror="globalThis.pwned=1"><b>bold</b> & <a href="javascript:alert(1)">link</a>';
    const id = addAlert(t.app.store, ["web"], summary);
    await t.app.dispatcher.tick();
    const card = page.locator(`#alerts li[data-alert-id="${id}"]`);
    await card.waitFor();
    expect(await card.locator(".alert-summary").textContent()).toBe(summary);
    expect(await card.locator(".alert-summary *").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it("offers suggestions in the command box", async () => {
    await page.locator("#command").fill("/who");
    await page.locator('#suggestions option[value="/who-said"]').waitFor({ state: "attached" });
  });
});
