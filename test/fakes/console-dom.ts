// The web console's page without a browser: the HTML and app.js the server sends, run in linkedom with
// fetch and EventSource wired to the real server, so a test can read the DOM the script builds from
// server data. linkedom parses markup the way a browser's innerHTML would, so text inserted as HTML
// would show up as elements here.
import http from "node:http";
import vm from "node:vm";
import { parseHTML } from "linkedom";

type Listener = (e: { data: string }) => void;
/** linkedom's document and elements (the project compiles without the DOM library). */
export type ConsoleDocument = ReturnType<typeof parseHTML>["document"];
export type ConsoleElement = NonNullable<ReturnType<ConsoleDocument["getElementById"]>>;

/** EventSource over node:http: `alert` events and the open/error states app.js listens to. */
function eventSourceFor(base: string, sources: Set<{ close(): void }>) {
  return class FakeEventSource {
    private readonly listeners = new Map<string, Listener[]>();
    private readonly req: http.ClientRequest;
    constructor(path: string) {
      this.req = http.get(new URL(path, base), (res) => {
        this.emit("open", { data: "" });
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          for (let cut = buffer.indexOf("\n\n"); cut >= 0; cut = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let event = "message";
            const data: string[] = [];
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) event = line.slice(6).trim();
              else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
            }
            if (data.length) this.emit(event, { data: data.join("\n") });
          }
        });
      });
      this.req.on("error", () => this.emit("error", { data: "" }));
      sources.add(this);
    }
    addEventListener(type: string, listener: Listener): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    private emit(type: string, e: { data: string }): void {
      for (const l of this.listeners.get(type) ?? []) l(e);
    }
    close(): void {
      this.req.destroy();
    }
  };
}

export interface ConsoleDom {
  document: ConsoleDocument;
  /** Types `text` into the command box and submits the form, as a user would. */
  submit(text: string): void;
  /** Polls until `pred` holds (failing after `timeoutMs`). */
  until(pred: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Loads `/` and `/app.js` from the running console at `base` and runs the script against them. */
export async function loadConsole(base: string): Promise<ConsoleDom> {
  const [html, script] = await Promise.all(
    ["/", "/app.js"].map(async (p) => {
      const res = await fetch(new URL(p, base));
      if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
      return res.text();
    }),
  );
  const { window, document } = parseHTML(html!);
  const sources = new Set<{ close(): void }>();
  const EventSource = eventSourceFor(base, sources);
  const context = vm.createContext({
    window,
    document,
    URL,
    console,
    setTimeout,
    clearTimeout,
    fetch: (input: string, init?: RequestInit) => fetch(new URL(input, base), init),
    EventSource,
    // CSS.escape for the attribute selectors app.js builds from ids (numbers here)
    CSS: { escape: (s: string) => s.replace(/["\\]/g, "\\$&") },
  });
  vm.runInContext(script!, context, { filename: "app.js" });
  const Event = (window as unknown as { Event: typeof globalThis.Event }).Event;
  document.dispatchEvent(new Event("DOMContentLoaded"));
  const doc = document;
  return {
    document: doc,
    submit(text) {
      (doc.getElementById("command") as unknown as { value: string }).value = text;
      doc.getElementById("command-form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    },
    async until(pred, what, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pred()) {
        if (Date.now() > deadline) throw new Error(`console: timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close() {
      for (const s of sources) s.close();
      sources.clear();
    },
  };
}
