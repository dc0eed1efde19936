// A local fake of Slack: the Web API under /api/, response_url endpoints under /response/, and a
// Socket Mode websocket. Point the real Bolt app at it with `clientOptions.slackApiUrl = fake.apiUrl`.
// Every HTTP request is recorded on `wire`; `wire.fail500/fail429/hang/reset` make the next N fail.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type Config, loadConfig } from "../../src/config.js";
import { json, Wire, type WireRequest } from "./wire.js";

export const FAKE_TEAM_ID = "T0NEWSROOM";
export const FAKE_BOT_USER_ID = "U0TOLLWATCH";
export const FAKE_BOT_ID = "B0TOLLWATCH";

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSlack {
  /** http://127.0.0.1:PORT */
  base: string;
  /** What to set as SLACK_API_URL (Bolt's clientOptions.slackApiUrl). */
  apiUrl: string;
  wire: Wire;
  /** A fresh response_url on the fake; what Bolt's respond() posts there is recorded on `wire`. */
  responseUrl(): string;
  /** Web API calls of one method ("chat.postMessage"), in order. */
  calls(method: string): WireRequest[];
  /** Socket Mode: resolves when a client has connected and been sent `hello`. */
  socketConnected(timeoutMs?: number): Promise<void>;
  /** Socket Mode: delivers a slash command envelope; resolves with the client's acknowledgement. */
  sendSlashCommand(payload: Record<string, string>, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

/** Slack's request signature: v0= + HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function signSlackRequest(secret: string, timestamp: number, body: string): string {
  return `v0=${crypto.createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A slash command as Slack posts it to the app (form fields). */
export function slashCommandFields(
  command: string,
  text: string,
  responseUrl: string,
): Record<string, string> {
  return {
    token: "deprecated-verification-token",
    team_id: FAKE_TEAM_ID,
    team_domain: "newsroom",
    channel_id: "C0DESK",
    channel_name: "desk",
    user_id: "U0EDITOR",
    user_name: "editor",
    command,
    text,
    api_app_id: "A0TOLLWATCH",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  };
}

/** Posts a signed slash command to a Bolt app in HTTP mode, as Slack would. */
export async function postSlashCommand(
  appUrl: string,
  secret: string,
  fields: Record<string, string>,
  options: { timestamp?: number; signature?: string } = {},
): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${appUrl}/slack/events`, {
    method: "POST",
    // exactly this content type: Bolt refuses a charset parameter
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? signSlackRequest(secret, timestamp, body),
    },
    body,
  });
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const wire = new Wire();
  let port = 0;
  let responses = 0;
  let messages = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const r = await wire.receive(req, res);
      if (r.faulted) return;
      r.answered = 200;
      if (r.method === "POST" && r.path.startsWith("/response/")) return json(res, 200, { ok: true });
      const m = /^\/api\/([\w.]+)$/.exec(r.path);
      if (!m || r.method !== "POST") {
        r.answered = 404;
        return json(res, 404, { ok: false, error: "not_found" });
      }
      const body = (typeof r.body === "object" && r.body ? r.body : {}) as Record<string, string>;
      switch (m[1]) {
        case "auth.test":
          return json(res, 200, {
            ok: true,
            url: "https://newsroom.slack.com/",
            team: "Newsroom",
            user: "tollwatch",
            team_id: FAKE_TEAM_ID,
            user_id: FAKE_BOT_USER_ID,
            bot_id: FAKE_BOT_ID,
          });
        case "chat.postMessage": {
          if (!body.channel) return json(res, 200, { ok: false, error: "channel_not_found" });
          const ts = `${Math.floor(Date.now() / 1000)}.${String(++messages).padStart(6, "0")}`;
          return json(res, 200, { ok: true, channel: body.channel, ts, message: { text: body.text, ts } });
        }
        case "apps.connections.open":
          return json(res, 200, { ok: true, url: `ws://127.0.0.1:${port}/socket?ticket=${++responses}` });
        default:
          return json(res, 200, { ok: false, error: "unknown_method" });
      }
    })();
  });

  // Socket Mode: hello on connect, envelopes out, acknowledgements back
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const acks: SocketAck[] = [];
  let connected!: () => void;
  const connectedPromise = new Promise<void>((r) => {
    connected = r;
  });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      ws.on("message", (data) => acks.push(JSON.parse(String(data)) as SocketAck));
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake", approximate_connection_time: 18060 },
          connection_info: { app_id: "A0TOLLWATCH" },
        }),
      );
      connected();
    });
  });
  // the Socket Mode client expects the server to ping now and then
  const pinger = setInterval(() => {
    for (const ws of sockets) ws.ping();
  }, 2000);
  pinger.unref();

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };

  return {
    base,
    apiUrl: `${base}/api/`,
    wire,
    responseUrl: () => `${base}/response/${++responses}`,
    calls: (method) => wire.filter((r) => r.path === `/api/${method}`),
    socketConnected: (timeoutMs = 10_000) => within(connectedPromise, timeoutMs, "socket mode connection"),
    async sendSlashCommand(payload, timeoutMs = 5000) {
      const envelope_id = crypto.randomUUID();
      if (!sockets.size) throw new Error("no Socket Mode client connected");
      for (const ws of sockets)
        ws.send(
          JSON.stringify({ envelope_id, type: "slash_commands", payload, accepts_response_payload: true }),
        );
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ack = acks.find((a) => a.envelope_id === envelope_id);
        if (ack) return ack;
        if (Date.now() > deadline) throw new Error(`no acknowledgement of envelope ${envelope_id}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      clearInterval(pinger);
      wire.releaseHung();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The bot's configuration for Slack HTTP mode against a fake at `apiUrl`, alerts to C0ALERTS. */
export function slackHttpConfig(apiUrl: string, signingSecret: string): Config {
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-fake",
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    SLACK_PORT: "0",
    TOLLWATCH_HOST: "127.0.0.1",
    SLACK_ALERT_CHANNEL: "C0ALERTS",
  });
  if (!config.ok) throw new Error(config.error.message);
  return config.value;
}
