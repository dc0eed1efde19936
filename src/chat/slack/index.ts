// Slack surface (@slack/bolt): slash commands in, Block Kit out, alerts to a channel. Socket Mode when
// SLACK_APP_TOKEN is set (no public URL), else HTTP mode verified with SLACK_SIGNING_SECRET.
import type { AddressInfo } from "node:net";
import { App, type RespondArguments, type SlashCommand, type types } from "@slack/bolt";
import type { Alert, DeliveryOutcome } from "../../core/alert.js";
import { type Resolved, resolveText, resolveTollwatch, runResolved } from "../dispatch.js";
import { alertReply } from "../render/alert.js";
import { renderBlocks } from "../render/blocks.js";
import type { RunningSurface, SurfaceDeps } from "../surface.js";
import { boltLogger } from "./logger.js";
import { slackOutcome } from "./outcome.js";

type KnownBlock = types.KnownBlock;

export interface SlackSurface extends RunningSurface {
  name: "slack";
  app: App;
  mode: "socket" | "http";
  /** HTTP mode: the port Bolt listens on (useful when SLACK_PORT is 0). */
  port?: number;
}

/** Slash commands and how their text maps to the command registry. */
export const SLACK_COMMANDS: Record<string, (text: string) => Resolved> = {
  "/toll": (text) => resolveText("toll", text),
  "/who-said": (text) => resolveText("who-said", text),
  "/tollwatch": (text) => resolveTollwatch(text),
};

export interface SlackOptions {
  /** How long a Web API call (an alert post) may take before it counts as failed; default 15 s. */
  requestTimeoutMs?: number;
}

export async function startSlack(deps: SurfaceDeps, options: SlackOptions = {}): Promise<SlackSurface> {
  const { config, log } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error("SLACK_BOT_TOKEN is not set");
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const app = new App({
    token,
    logger: boltLogger(log.child({ surface: "slack" })),
    clientOptions: {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, "/") } : {}),
      // the outbox owns retries: one attempt per delivery, 429 reported with its Retry-After
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // the outbox tries again later
      timeout: options.requestTimeoutMs ?? 15_000,
    },
    ...(socketMode
      ? { socketMode: true, appToken: config.SLACK_APP_TOKEN }
      : { signingSecret: config.SLACK_SIGNING_SECRET ?? "" }),
  });

  for (const [name, resolve] of Object.entries(SLACK_COMMANDS)) {
    app.command(name, async ({ command, ack, respond }) => {
      // acknowledge at once (Slack gives up after 3 s), then answer through response_url
      await ack();
      // let commands already waiting acknowledge too before this one runs its query: under a burst
      // every ack stays fast and the answers follow
      await new Promise<void>((resolve) => setImmediate(resolve));
      const reply = answer(deps, resolve, command);
      const message = renderBlocks(reply);
      const body: RespondArguments = {
        response_type: reply.ok ? "in_channel" : "ephemeral",
        text: message.text,
        blocks: message.blocks as KnownBlock[],
      };
      try {
        await respond(body);
      } catch (e) {
        log.warn({ err: (e as Error).message, command: name }, "slack: could not respond");
      }
    });
  }
  app.error(async (e) => {
    log.error({ err: e.message }, "slack: error in a handler");
  });

  let port: number | undefined;
  if (socketMode) {
    await app.start();
  } else {
    const server = (await app.start({ port: config.SLACK_PORT, host: config.TOLLWATCH_HOST })) as {
      address(): AddressInfo | string | null;
    };
    const address = server.address();
    port = typeof address === "object" && address ? address.port : config.SLACK_PORT;
  }
  log.info(
    { mode: socketMode ? "socket" : "http", ...(port !== undefined ? { port } : {}) },
    "slack: listening for slash commands",
  );

  const channel = config.SLACK_ALERT_CHANNEL;
  return {
    name: "slack",
    app,
    mode: socketMode ? "socket" : "http",
    ...(port !== undefined ? { port } : {}),
    destination: {
      name: "slack",
      async deliver(alert: Alert): Promise<DeliveryOutcome> {
        if (!channel) return { ok: false, retryable: false, error: "SLACK_ALERT_CHANNEL is not set" };
        const message = renderBlocks(alertReply(alert));
        try {
          await app.client.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks as KnownBlock[],
            // article links must not unfold into previews, and nothing in the text is parsed
            unfurl_links: false,
            unfurl_media: false,
            parse: "none",
            link_names: false,
          });
          return { ok: true };
        } catch (e) {
          return slackOutcome(e);
        }
      },
    },
    async stop() {
      await app.stop();
    },
  };
}

/** Admin commands are allowed in Slack: workspace admins decide who may install and use the app. */
function answer(deps: SurfaceDeps, resolve: (text: string) => Resolved, command: SlashCommand) {
  // Slack sends &, < and > in command text as entities
  const text = (command.text ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return runResolved(deps, resolve(text), true);
}
