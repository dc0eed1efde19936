// What local fakes share: a record of every request they received ("the wire") and knobs that make
// the next N matching requests fail (5xx, 429 with Retry-After, hang, connection reset).
import type http from "node:http";

export interface WireRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  raw: string;
  /** JSON bodies parsed; form bodies as an object of strings; otherwise the raw text. */
  body: unknown;
  /** How the fake answered: a status, or "hang" / "reset". */
  answered?: number | "hang" | "reset";
  /** When the whole body had arrived (performance.now() of this process). */
  receivedAt: number;
}

export type Fault =
  | { kind: "status"; status: number; retryAfterS?: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "hang" }
  | { kind: "reset" };

type Match = (r: WireRequest) => boolean;

export class Wire {
  readonly requests: WireRequest[] = [];
  private faults: { fault: Fault; remaining: number; match: Match }[] = [];
  private hung = new Set<http.ServerResponse>();

  /** The next `n` requests matching `match` (default: all) get `fault` instead of an answer. */
  failNext(n: number, fault: Fault, match: Match = () => true): this {
    this.faults.push({ fault, remaining: n, match });
    return this;
  }
  fail500(n: number, match?: Match): this {
    return this.failNext(n, { kind: "status", status: 500 }, match);
  }
  fail429(n: number, retryAfterS: number, match?: Match): this {
    return this.failNext(n, { kind: "status", status: 429, retryAfterS }, match);
  }
  hang(n: number, match?: Match): this {
    return this.failNext(n, { kind: "hang" }, match);
  }
  reset(n: number, match?: Match): this {
    return this.failNext(n, { kind: "reset" }, match);
  }
  clearFaults(): void {
    this.faults = [];
  }

  /** Requests matching `match`, in arrival order. */
  filter(match: Match): WireRequest[] {
    return this.requests.filter(match);
  }

  /** Waits until `count` requests match (polling), failing with what did arrive after `timeoutMs`. */
  async waitFor(match: Match, { count = 1, timeoutMs = 5000 } = {}): Promise<WireRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${count} request(s); received: ${
            this.requests.map((r) => `${r.method} ${r.path} → ${r.answered ?? "?"}`).join(", ") || "none"
          }`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Records the request and, when a fault applies, answers with it. True when the fault answered. */
  async receive(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<WireRequest & { faulted: boolean }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    const record: WireRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      raw,
      body: parseBody(req.headers["content-type"], raw),
      receivedAt: performance.now(),
    };
    this.requests.push(record);
    const slot = this.faults.find((f) => f.remaining > 0 && f.match(record));
    if (!slot) return Object.assign(record, { faulted: false });
    slot.remaining--;
    const fault = slot.fault;
    if (fault.kind === "hang") {
      record.answered = "hang";
      this.hung.add(res);
    } else if (fault.kind === "reset") {
      record.answered = "reset";
      req.socket.resetAndDestroy();
    } else {
      record.answered = fault.status;
      const headers: Record<string, string> = { "content-type": "application/json", ...fault.headers };
      if (fault.retryAfterS !== undefined) {
        headers["retry-after"] = String(fault.retryAfterS);
        // Discord reads these too; Slack ignores them
        headers["x-ratelimit-reset-after"] = String(fault.retryAfterS);
        headers["x-ratelimit-scope"] = "user";
      }
      res.writeHead(fault.status, headers);
      res.end(
        JSON.stringify(
          fault.body ??
            (fault.status === 429
              ? { message: "You are being rate limited.", retry_after: fault.retryAfterS ?? 1, global: false }
              : { message: `fake ${fault.status}`, code: 0 }),
        ),
      );
    }
    return Object.assign(record, { faulted: true });
  }

  /** Ends responses left hanging, so servers can close. */
  releaseHung(): void {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
  }
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseBody(contentType: string | undefined, raw: string): unknown {
  if (!raw) return undefined;
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
