import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives the embedded defaults with an empty environment", () => {
    const c = loadConfig({});
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.TOLLWATCH_PORT).toBe(8787);
    expect(c.value.TOLLWATCH_HOST).toBe("127.0.0.1");
    expect(c.value.TOLLWATCH_POLL_CRON).toBe("*/5 * * * *");
    expect(c.value.TOLLWATCH_ALLOW_PRIVATE_URLS).toBe(false);
    expect(c.value.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it("names every bad variable and what it should be, in one message", () => {
    const c = loadConfig({ TOLLWATCH_PORT: "eighty", LOG_LEVEL: "loud", DISCORD_GUILD_ID: "abc" });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error.message).toMatch(/TOLLWATCH_PORT: .*port/);
    expect(c.error.message).toMatch(/LOG_LEVEL/);
    expect(c.error.message).toMatch(/DISCORD_GUILD_ID: .*digits/);
  });

  it("needs a Socket Mode token or a signing secret with a Slack bot token", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error.message).toMatch(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/);
  });

  it("never echoes a secret's value in its message", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-secret-value", TOLLWATCH_PORT: "x" });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error.message).not.toContain("xoxb-secret-value");
  });
});
