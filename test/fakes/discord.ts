// A local fake of Discord: the REST API under /api/v10 and the gateway (websocket) on the same port.
// Point the real discord.js client at it with `rest: { api: fake.api }`. Every HTTP request is
// recorded on `wire`; `wire.fail500/fail429/hang/reset` make the next N requests fail.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { json, Wire, type WireRequest } from "./wire.js";

export const MANAGE_GUILD = 1n << 5n;

export interface FakeDiscordOptions {
  /** Milliseconds between heartbeats the client is told to send. */
  heartbeatIntervalMs?: number;
}

export interface InteractionInput {
  /** Command name ("toll"), or "tollwatch" with `subcommand`. */
  name: string;
  subcommand?: string;
  /** String options by name. */
  options?: Record<string, string>;
  /** Autocomplete: the option being typed. */
  focused?: string;
  /** Permission bits of the member; default none. */
  permissions?: bigint;
}

export interface FakeDiscord {
  /** http://127.0.0.1:PORT */
  base: string;
  /** What to pass as discord.js `rest.api` (DISCORD_API_URL). */
  api: string;
  wire: Wire;
  appId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
  /** Resolves when a client has identified and received READY + GUILD_CREATE. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends INTERACTION_CREATE (type 2, or 4 with `focused`) to connected clients; returns its id and token. */
  interact(input: InteractionInput): { id: string; token: string };
  /** Callbacks and webhook requests for one interaction. */
  callbacks(id: string, token: string): WireRequest[];
  /** Answers the application's registered commands as PUT last time, per route. */
  registered: Map<string, unknown[]>;
  close(): Promise<void>;
}

let snowflakeCounter = 0n;
/** Snowflakes: milliseconds since the Discord epoch shifted left 22 bits, plus a counter. */
export const snowflake = (): string =>
  ((BigInt(Date.now() - 1420070400000) << 22n) | (snowflakeCounter++ & 0xfffn)).toString();

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const wire = new Wire();
  const appId = snowflake();
  const botUserId = appId;
  const guildId = snowflake();
  const channelId = snowflake();
  const userId = snowflake();
  const registered = new Map<string, unknown[]>();
  const botUser = {
    id: botUserId,
    username: "tollwatch",
    discriminator: "0000",
    global_name: null,
    avatar: null,
    bot: true,
  };
  const channel = {
    id: channelId,
    type: 0,
    guild_id: guildId,
    name: "newsroom",
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
  let port = 0;

  const message = (channelIdOf: string, body: Record<string, unknown> | undefined, extra = {}) => ({
    id: snowflake(),
    channel_id: channelIdOf,
    author: botUser,
    content: (body?.content as string | undefined) ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body?.embeds as unknown[] | undefined) ?? [],
    pinned: false,
    type: 0,
    flags: (body?.flags as number | undefined) ?? 0,
    components: [],
    ...extra,
  });

  const server = http.createServer((req, res) => {
    void (async () => {
      const r = await wire.receive(req, res);
      if (r.faulted) return;
      r.answered = 200;
      const p = r.path.replace(/^\/api\/v\d+/, "");
      const body = (typeof r.body === "object" && r.body !== null ? r.body : undefined) as
        | Record<string, unknown>
        | undefined;
      if (r.method === "GET" && p === "/gateway/bot")
        return json(res, 200, {
          url: `ws://127.0.0.1:${port}`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        });
      if (r.method === "GET" && p === "/gateway") return json(res, 200, { url: `ws://127.0.0.1:${port}` });
      if (r.method === "GET" && (p === "/oauth2/applications/@me" || p === "/applications/@me"))
        return json(res, 200, { id: appId, name: "tollwatch", description: "", bot_public: false, flags: 0 });
      if (r.method === "GET" && p === "/users/@me") return json(res, 200, botUser);
      if (r.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
        // Discord answers callbacks with 204 and no content type
        r.answered = 204;
        res.writeHead(204);
        return res.end();
      }
      const edit = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(p);
      if (edit && r.method === "PATCH")
        return json(res, 200, message(channelId, body, { webhook_id: edit[1], application_id: appId }));
      const followUp = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(p);
      if (followUp && r.method === "POST")
        return json(res, 200, message(channelId, body, { webhook_id: followUp[1], application_id: appId }));
      const post = /^\/channels\/(\d+)\/messages$/.exec(p);
      if (post && r.method === "POST") {
        if (post[1] !== channelId) {
          r.answered = 404;
          return json(res, 404, { message: "Unknown Channel", code: 10003 });
        }
        return json(res, 200, message(post[1]!, body));
      }
      const commands = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(p);
      if (commands && r.method === "PUT") {
        const list = (Array.isArray(r.body) ? r.body : []).map((c: Record<string, unknown>) => ({
          id: snowflake(),
          application_id: commands[1],
          version: snowflake(),
          type: 1,
          ...c,
        }));
        registered.set(p, list);
        return json(res, 200, list);
      }
      r.answered = 404;
      return json(res, 404, { message: "404: Not Found", code: 0 });
    })();
  });

  // the gateway: one JSON websocket per client
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  let seq = 0;
  let readyResolve!: () => void;
  const readyPromise = new Promise<void>((r) => {
    readyResolve = r;
  });
  const dispatch = (ws: WebSocket, t: string, d: unknown) =>
    ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));

  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      ws.send(
        JSON.stringify({
          op: 10,
          d: { heartbeat_interval: options.heartbeatIntervalMs ?? 250 },
          s: null,
          t: null,
        }),
      );
      ws.on("message", (data) => {
        const msg = JSON.parse(String(data)) as { op: number; d: unknown };
        if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
        else if (msg.op === 2) {
          dispatch(ws, "READY", {
            v: 10,
            user: botUser,
            guilds: [{ id: guildId, unavailable: true }],
            session_id: "fake-session",
            resume_gateway_url: `ws://127.0.0.1:${port}`,
            application: { id: appId, flags: 0 },
            shard: [0, 1],
            private_channels: [],
          });
          dispatch(ws, "GUILD_CREATE", {
            id: guildId,
            name: "Newsroom",
            icon: null,
            splash: null,
            discovery_splash: null,
            owner_id: userId,
            afk_channel_id: null,
            afk_timeout: 300,
            verification_level: 0,
            default_message_notifications: 0,
            explicit_content_filter: 0,
            roles: [
              {
                id: guildId,
                name: "@everyone",
                permissions: "0",
                position: 0,
                color: 0,
                hoist: false,
                managed: false,
                mentionable: false,
                flags: 0,
              },
            ],
            emojis: [],
            features: [],
            mfa_level: 0,
            application_id: null,
            system_channel_id: null,
            system_channel_flags: 0,
            rules_channel_id: null,
            vanity_url_code: null,
            description: null,
            banner: null,
            premium_tier: 0,
            preferred_locale: "en-US",
            public_updates_channel_id: null,
            nsfw_level: 0,
            premium_progress_bar_enabled: false,
            joined_at: new Date().toISOString(),
            large: false,
            unavailable: false,
            member_count: 2,
            voice_states: [],
            members: [],
            channels: [channel],
            threads: [],
            presences: [],
            stage_instances: [],
            guild_scheduled_events: [],
            stickers: [],
          });
          readyResolve();
        }
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  const member = (permissions: bigint) => ({
    user: { id: userId, username: "editor", discriminator: "0", global_name: "Editor", avatar: null },
    roles: [],
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    permissions: permissions.toString(),
  });

  return {
    base,
    api: `${base}/api`,
    wire,
    appId,
    botUserId,
    guildId,
    channelId,
    registered,
    async ready(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        readyPromise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error("no client identified with the fake gateway")),
            timeoutMs,
          );
        }),
      ]).finally(() => clearTimeout(timer));
    },
    interact(input) {
      const id = snowflake();
      const token = `itok-${id}`;
      const stringOptions = Object.entries(input.options ?? {}).map(([name, value]) => ({
        type: 3,
        name,
        value,
        ...(input.focused === name ? { focused: true } : {}),
      }));
      const options = input.subcommand
        ? [{ type: 1, name: input.subcommand, options: stringOptions }]
        : stringOptions;
      const payload = {
        id,
        application_id: appId,
        type: input.focused ? 4 : 2,
        token,
        version: 1,
        guild_id: guildId,
        channel_id: channelId,
        channel,
        member: member(input.permissions ?? 0n),
        data: { id: snowflake(), name: input.name, type: 1, guild_id: guildId, options },
        locale: "en-US",
        guild_locale: "en-US",
        app_permissions: "0",
        entitlements: [],
        authorizing_integration_owners: {},
        context: 0,
        attachment_size_limit: 8388608,
      };
      if (!sockets.size) throw new Error("no client connected to the fake gateway");
      for (const ws of sockets) dispatch(ws, "INTERACTION_CREATE", payload);
      return { id, token };
    },
    callbacks(id, token) {
      return wire.filter(
        (r) =>
          r.path.includes(`/interactions/${id}/${token}/`) || r.path.includes(`/webhooks/${appId}/${token}`),
      );
    },
    async close() {
      wire.releaseHung();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
