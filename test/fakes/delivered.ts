// What reached the fakes as alert posts: shared by the tests that count deliveries per platform.
import { escapeDiscord, escapeSlack } from "../../src/chat/render/escape.js";
import type { Alert } from "../../src/core/alert.js";
import type { FakeDiscord } from "./discord.js";
import type { FakeSlack } from "./slack.js";
import type { WireRequest } from "./wire.js";

export const isSlackPost = (r: WireRequest) => r.path === "/api/chat.postMessage";
export const isDiscordPost = (r: WireRequest) =>
  r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.path);

/** The requests a fake answered 200 (a delivery that counts) among those `m` selects. */
export function answered(fake: FakeSlack | FakeDiscord, m: (r: WireRequest) => boolean): WireRequest[] {
  return fake.wire.filter((r) => m(r) && r.answered === 200);
}

/** How many successfully answered posts carry each alert's summary, per platform. */
export function deliveredCopies(
  alerts: Alert[],
  slack: FakeSlack,
  discord: FakeDiscord,
): { id: number; slack: number; discord: number }[] {
  const slackTexts = answered(slack, isSlackPost).map((r) => (r.body as { text: string }).text);
  const discordTexts = answered(discord, isDiscordPost).map((r) =>
    JSON.stringify((r.body as { embeds: unknown }).embeds),
  );
  return alerts.map((a) => ({
    id: a.id,
    slack: slackTexts.filter((t) => t.includes(escapeSlack(a.summary))).length,
    discord: discordTexts.filter((t) => t.includes(JSON.stringify(escapeDiscord(a.summary)).slice(1, -1)))
      .length,
  }));
}
