// The web console's newsroom channel: an AlertDestination that broadcasts to server-sent-event
// clients and keeps the last alerts for clients that connect later.
import type { ServerResponse } from "node:http";
import type { Alert, AlertDestination, DeliveryOutcome } from "../../core/alert.js";

export const KEEP_LAST = 50;

export class WebChannel implements AlertDestination {
  readonly name = "web" as const;
  private readonly recent: Alert[] = [];
  private readonly clients = new Set<ServerResponse>();

  constructor(initial: Alert[] = []) {
    for (const a of initial.slice(-KEEP_LAST)) this.recent.push(a);
  }

  /** Delivering succeeds with no client connected: the alert waits in the recent list. */
  async deliver(alert: Alert): Promise<DeliveryOutcome> {
    if (this.recent.some((a) => a.id === alert.id)) return { ok: true };
    this.recent.push(alert);
    if (this.recent.length > KEEP_LAST) this.recent.shift();
    for (const client of this.clients) send(client, alert);
    return { ok: true };
  }

  get recentAlerts(): readonly Alert[] {
    return this.recent;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Registers an SSE response: replays the recent alerts, then streams new ones. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 3000\n\n");
    for (const a of this.recent) send(res, a);
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  /** A comment line keeps idle connections open through proxies. */
  heartbeat(): void {
    for (const client of this.clients) client.write(": ping\n\n");
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, alert: Alert): void {
  // JSON has no raw newlines, so one data line carries the whole event
  res.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
}
