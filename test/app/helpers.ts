// Starts the whole runtime in-process on port 0 with a temporary database and inbox.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { type App, type AppOptions, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";

export interface TestApp {
  app: App;
  dir: string;
  inbox: string;
  printed: string[];
  close(): Promise<void>;
}

export async function startTestApp(overrides: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-app-"));
  const inbox = path.join(dir, "inbox");
  const config = loadConfig({ TOLLWATCH_ALLOW_PRIVATE_URLS: "1" });
  if (!config.ok) throw new Error(config.error.message);
  const printed: string[] = [];
  const app = await startApp({
    config: config.value,
    log: pino({ level: "silent" }),
    dbPath: path.join(dir, "t.sqlite"),
    port: 0,
    inbox,
    schedule: false,
    // the tests drive the dispatcher with tick(); the interval only has to stay out of the way
    dispatchIntervalMs: 60_000,
    print: (line) => printed.push(line),
    ...overrides,
  });
  return {
    app,
    dir,
    inbox,
    printed,
    close: async () => {
      await app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const postCommand = (base: string, body: string, contentType = "application/json") =>
  request(`${base}/api/command`, { method: "POST", headers: { "content-type": contentType }, body });

export interface EventStream {
  events: { event: string; id: string | null; data: string }[];
  /** Resolves once an event satisfies the predicate (rejects when the stream ends first). */
  waitFor(pred: (e: { event: string; data: string }) => boolean): Promise<void>;
  close(): void;
}

/** A server-sent-events client over node:http. */
export function openEvents(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: EventStream["events"] = [];
    const waiters: { pred: (e: { event: string; data: string }) => boolean; done: () => void }[] = [];
    let buffer = "";
    const req = http.get(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
          const fields = { event: "message", id: null as string | null, data: "" };
          let hasData = false;
          for (const line of block.split("\n")) {
            const m = /^([a-z]+): ?(.*)$/.exec(line);
            if (!m) continue;
            if (m[1] === "event") fields.event = m[2] ?? "";
            else if (m[1] === "id") fields.id = m[2] ?? null;
            else if (m[1] === "data") {
              fields.data += m[2] ?? "";
              hasData = true;
            }
          }
          if (!hasData) continue;
          events.push(fields);
          for (const w of [...waiters]) if (w.pred(fields)) w.done();
        }
      });
      resolve({
        events,
        waitFor: (pred) =>
          events.some(pred)
            ? Promise.resolve()
            : new Promise<void>((done, fail) => {
                const w = {
                  pred,
                  done: () => {
                    waiters.splice(waiters.indexOf(w), 1);
                    done();
                  },
                };
                waiters.push(w);
                res.on("close", () => fail(new Error("the event stream closed")));
              }),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}
