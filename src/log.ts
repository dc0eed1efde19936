// Logging via pino, to stderr so stdout stays clean for --json. Secrets are redacted by key.
import pino from "pino";

export const SECRET_KEYS = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"];

export function createLogger(level = process.env.LOG_LEVEL || "info"): pino.Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          ...SECRET_KEYS,
          ...SECRET_KEYS.map((k) => `*.${k}`),
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}
