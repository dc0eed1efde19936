// `tollwatch deploy-commands` as a user runs it, against the local fake Discord REST API.
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { deployCommands } from "../../src/chat/discord/commands.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord.js";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

const run = (env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["bin/tollwatch.mjs", "deploy-commands"],
      { env: { ...process.env, LOG_LEVEL: "silent", DISCORD_TOKEN: "fake-token", ...env }, timeout: 30_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: Option[];
};
type Cmd = { name: string; description: string; options: Option[]; default_member_permissions?: string };

describe("deploy-commands", () => {
  it("registers the commands in the guild, asking Discord for the application id", async () => {
    const r = await run({ DISCORD_API_URL: fake.api, DISCORD_GUILD_ID: fake.guildId });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`in server ${fake.guildId}`);
    expect(fake.wire.filter((q) => q.path === "/api/v10/oauth2/applications/@me")).toHaveLength(1);
    const [put] = fake.wire.filter((q) => q.method === "PUT");
    expect(put!.path).toBe(`/api/v10/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(put!.headers.authorization).toBe("Bot fake-token");
    const body = put!.body as Cmd[];
    const byName = new Map(body.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(["toll", "tollwatch", "who-said"]);
    for (const c of body) {
      expect(c.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
    // options mirror the registry, string typed, autocomplete where the command asks for it
    for (const name of ["toll", "who-said"]) {
      const def = COMMANDS.find((c) => c.name === name)!;
      const sent = byName.get(name)!.options;
      expect(sent.map((o) => o.name).sort()).toEqual(def.options.map((o) => o.name).sort());
      for (const o of def.options) {
        const s = sent.find((x) => x.name === o.name)!;
        expect(s.type).toBe(3);
        expect(s.autocomplete ?? false).toBe(o.autocomplete !== undefined);
      }
    }
    const subs = byName.get("tollwatch")!.options;
    expect(subs.every((s) => s.type === 1)).toBe(true);
    expect(subs.map((s) => s.name)).toEqual(expect.arrayContaining(["help", "sources", "stories", "feeds"]));
    const feeds = subs.find((s) => s.name === "feeds")!;
    expect(feeds.options!.map((o) => o.name)).toEqual(
      COMMANDS.find((c) => c.name === "feeds")!.options.map((o) => o.name),
    );
    expect(fake.registered.get(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`)).toHaveLength(
      3,
    );
  });

  // in-process from here on: a child process costs seconds
  it("registers globally with an application id, without asking for the application", async () => {
    const before = fake.wire.requests.length;
    const done = await deployCommands({ token: "fake-token", api: fake.api, appId: fake.appId });
    expect(done).toEqual({ appId: fake.appId, names: ["toll", "who-said", "tollwatch"] });
    const mine = fake.wire.requests.slice(before);
    expect(mine.map((q) => `${q.method} ${q.path}`)).toEqual([
      `PUT /api/v10/applications/${fake.appId}/commands`,
    ]);
  });

  it("rejects when Discord refuses", async () => {
    fake.wire.failNext(1, { kind: "status", status: 401, body: { message: "401: Unauthorized", code: 0 } });
    await expect(deployCommands({ token: "bad", api: fake.api, appId: fake.appId })).rejects.toThrow(
      /Unauthorized/,
    );
  });
});
