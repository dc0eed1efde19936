// The local web console: one page, the newsroom channel over server-sent events, the command box,
// and a JSON API. node:http only; it translates requests into command calls and nothing more.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findCommand, parseCommandText, runCommand } from "../../../commands/index.js";
import type { Alert } from "../../core/alert.js";
import { errorReply, type Reply } from "../../core/reply.js";
import { getAlert } from "../../store/alerts.js";
import { recentlyDeliveredAlertIds } from "../../store/deliveries.js";
import { listStoryFigures } from "../../store/figures.js";
import { lookupStory, storyWithNewestFigure } from "../../store/stories.js";
import type { RunningSurface, SurfaceDeps } from "../surface.js";
import { KEEP_LAST, WebChannel } from "./channel.js";
import { chartSeries, emptyChart, renderChart } from "./chart.js";
import { suggest } from "./suggest.js";

export const MAX_BODY_BYTES = 64 * 1024;
const STATIC_DIR = fileURLToPath(new URL("./static/", import.meta.url));
const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

export interface WebOptions extends SurfaceDeps {
  /** Overrides TOLLWATCH_PORT (0: any free port). */
  port?: number;
  host?: string;
  /** How often idle event streams get a keep-alive comment. */
  heartbeatMs?: number;
}

export interface RunningWeb extends RunningSurface {
  name: "web";
  destination: WebChannel;
  /** http://host:port */
  url: string;
  port: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isLoopback = (host: string) => host === "127.0.0.1" || host === "::1" || host === "localhost";

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError(400, `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(400, `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`));
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** `{"text": "/toll syria"}` → the command's text; anything else is a 400. */
function commandText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'the body is not JSON; send {"text": "/toll"}');
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || typeof text !== "string")
    throw new HttpError(400, 'expected a JSON object with a "text" string, e.g. {"text": "/toll"}');
  if (text.length > 2000) throw new HttpError(400, "the command is longer than 2,000 characters");
  return text;
}

export async function startWeb(options: WebOptions): Promise<RunningWeb> {
  const { store, log, config } = options;
  const now = options.now ?? (() => new Date());
  const host = options.host ?? config.TOLLWATCH_HOST;
  const port = options.port ?? config.TOLLWATCH_PORT;
  const initial = recentlyDeliveredAlertIds(store, "web", KEEP_LAST)
    .map((id) => getAlert(store, id))
    .filter((a): a is Alert => a !== undefined);
  const channel = new WebChannel(initial);
  const statics = new Map<string, { body: Buffer; type: string }>();
  for (const [route, file] of Object.entries(STATIC_FILES)) {
    statics.set(route, {
      body: fs.readFileSync(path.join(STATIC_DIR, file)),
      type: TYPES[path.extname(file)] ?? "application/octet-stream",
    });
  }

  const runText = (text: string, admin: boolean): Reply => {
    let { name, args } = parseCommandText(text);
    // `/tollwatch feeds add URL` runs the registry's `feeds` command, so its admin rule applies
    if (name === "tollwatch") {
      const sub = /^\s*\/?tollwatch\s+\/?([\w-]+)([\s\S]*)$/i.exec(text);
      if (sub?.[1] && sub[1].toLowerCase() !== "help" && findCommand(sub[1]))
        ({ name, args } = parseCommandText(`/${sub[1]}${sub[2] ?? ""}`));
    }
    if (!name) return errorReply("", "Type a command such as /toll or /who-said Rubio.", "Try /help.");
    if (findCommand(name)?.admin && !admin)
      return errorReply(name, `/${name} can only be run from the machine tollwatch runs on.`);
    return runCommand({ store, now: now() }, name, args);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://console.invalid");
    const route = url.pathname;
    const method = req.method ?? "GET";
    // bound to loopback, only loopback names are served (no DNS-rebinding from a web page)
    if (isLoopback(host)) {
      const hostName = (req.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
      if (!isLoopback(hostName)) throw new HttpError(403, "this console answers on localhost only");
    }
    if (method === "GET" && statics.has(route)) {
      const file = statics.get(route)!;
      res.writeHead(200, { "content-type": file.type, "cache-control": "no-cache", ...SECURITY_HEADERS });
      res.end(file.body);
      return;
    }
    if (route === "/healthz" && method === "GET") {
      json(res, 200, { ok: true, clients: channel.clientCount });
      return;
    }
    if (route === "/api/events" && method === "GET") {
      channel.attach(res);
      return;
    }
    if (route === "/api/command") {
      if (method !== "POST") throw new HttpError(405, "POST a JSON body to /api/command");
      const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      // a JSON content type makes a cross-site form post impossible without a CORS preflight
      if (type !== "application/json")
        throw new HttpError(400, 'send JSON with Content-Type: application/json, e.g. {"text": "/toll"}');
      const text = commandText(await readBody(req));
      const remote = req.socket.remoteAddress ?? "";
      const admin = remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1";
      json(res, 200, { reply: runText(text, admin) });
      return;
    }
    if (route === "/api/suggest" && method === "GET") {
      json(res, 200, { suggestions: suggest(store, url.searchParams.get("q") ?? "") });
      return;
    }
    if (route === "/api/alerts" && method === "GET") {
      json(res, 200, { alerts: channel.recentAlerts });
      return;
    }
    if (route === "/api/chart/toll.svg" && method === "GET") {
      const asked = url.searchParams.get("story")?.trim();
      const story = asked ? lookupStory(store, asked) : storyWithNewestFigure(store);
      let svg: string;
      if (!story) svg = emptyChart(asked ? `No story matches "${asked.slice(0, 60)}".` : "No figures yet.");
      else {
        const series = chartSeries(
          listStoryFigures(store, story.id),
          url.searchParams.get("measure") ?? undefined,
          url.searchParams.get("group") ?? undefined,
        );
        svg = series
          ? await renderChart(story.name, series)
          : emptyChart(`No figures for ${story.name} yet.`);
      }
      res.writeHead(200, {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": "no-cache",
        ...SECURITY_HEADERS,
      });
      res.end(svg);
      return;
    }
    throw new HttpError(404, `nothing at ${method} ${route}`);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) {
        if (!res.headersSent) json(res, e.status, { error: e.message });
        return;
      }
      log.error({ err: e, url: req.url }, "web console request failed");
      if (!res.headersSent) json(res, 500, { error: "internal error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const heartbeat = setInterval(() => channel.heartbeat(), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  return {
    name: "web",
    destination: channel,
    url: `http://${shownHost}:${bound}`,
    port: bound,
    async stop() {
      clearInterval(heartbeat);
      channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
