import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { KEEP_LAST, WebChannel } from "../../src/chat/web/channel.js";
import type { Alert } from "../../src/core/alert.js";

const alert = (id: number): Alert => ({
  id,
  kind: "disagreement",
  story: "Test story",
  measure: "killed",
  group: "total",
  values: [1, 2],
  figures: [],
  summary: `alert ${id}`,
  created_at: "2025-03-09T12:00:00.000Z",
});

/** Enough of a ServerResponse to collect what the channel writes. */
function fakeResponse() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  const res = Object.assign(emitter, {
    writeHead: () => res,
    write: (chunk: string) => {
      written.push(chunk);
      return true;
    },
    end: () => emitter.emit("close"),
  });
  return {
    res: res as unknown as ServerResponse,
    written,
    ids: () => written.join("").match(/^id: \d+$/gm) ?? [],
  };
}

describe("WebChannel", () => {
  it("delivers with no client connected and keeps the last 50 for the next client", async () => {
    const channel = new WebChannel();
    for (let id = 1; id <= KEEP_LAST + 5; id++)
      expect(await channel.deliver(alert(id))).toEqual({ ok: true });
    expect(channel.recentAlerts.map((a) => a.id)).toEqual(Array.from({ length: KEEP_LAST }, (_, i) => i + 6));
    const client = fakeResponse();
    channel.attach(client.res);
    expect(client.ids()).toHaveLength(KEEP_LAST);
    expect(client.ids()[0]).toBe("id: 6");
  });

  it("broadcasts to every connected client once, and forgets clients that left", async () => {
    const channel = new WebChannel([alert(1)]);
    const a = fakeResponse();
    const b = fakeResponse();
    channel.attach(a.res);
    channel.attach(b.res);
    expect(channel.clientCount).toBe(2);
    b.res.end();
    expect(channel.clientCount).toBe(1);
    await channel.deliver(alert(2));
    await channel.deliver(alert(2));
    expect(a.ids()).toEqual(["id: 1", "id: 2"]);
    expect(b.ids()).toEqual(["id: 1"]);
  });
});
