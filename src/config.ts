// Configuration: one zod schema over the environment. Bad values are reported all at once.
import { z } from "zod";
import { fail, ok, type Result } from "./core/result.js";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const url = (what: string) =>
  optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `should be an http(s) URL (${what})`,
  });

export const configSchema = z.object({
  TOLLWATCH_DB: optionalString,
  TOLLWATCH_PORT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? 8787 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
      message: "should be a port number from 0 to 65535",
    }),
  TOLLWATCH_HOST: optionalString.transform((v) => v ?? "127.0.0.1"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent", ""])
    .optional()
    .transform((v) => (v ? v : "info")),
  TOLLWATCH_ALLOW_PRIVATE_URLS: flag,
  TOLLWATCH_FETCH_TIMEOUT_MS: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : Number(v)))
    .refine((n) => n === undefined || (Number.isInteger(n) && n > 0), {
      message: "should be a whole number of milliseconds, e.g. 30000",
    }),
  TOLLWATCH_POLL_CRON: optionalString.transform((v) => v ?? "*/5 * * * *"),
  TOLLWATCH_INBOX: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_ALERT_CHANNEL: optionalString,
  SLACK_API_URL: url("Slack Web API base, e.g. https://slack.com/api/"),
  SLACK_PORT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? 3000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
      message: "should be a port number from 0 to 65535",
    }),
  DISCORD_TOKEN: optionalString,
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: "should be a Discord server id (digits)",
  }),
  DISCORD_APP_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: "should be a Discord application id (digits)",
  }),
  DISCORD_ALERT_CHANNEL_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: "should be a Discord channel id (digits)",
  }),
  DISCORD_API_URL: url("Discord REST base, e.g. https://discord.com/api"),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment; on failure one message names each bad variable and what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Result<Config> {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    const c = parsed.data;
    const problems: string[] = [];
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
      problems.push(
        "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is needed with SLACK_BOT_TOKEN (Socket Mode or HTTP mode)",
      );
    if (problems.length) return fail("config", `Bad configuration:\n  ${problems.join("\n  ")}`);
    return ok(c);
  }
  const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "(environment)"}: ${i.message}`);
  return fail("config", `Bad configuration:\n  ${lines.join("\n  ")}`, "see .env.example");
}

/** Where alerts go: the web console always, Slack and Discord when configured with a channel. */
export function alertDestinations(config: Config): string[] {
  const out = ["web"];
  if (config.SLACK_BOT_TOKEN && config.SLACK_ALERT_CHANNEL) out.push("slack");
  if (config.DISCORD_TOKEN && config.DISCORD_ALERT_CHANNEL_ID) out.push("discord");
  return out;
}
