// Worker threads that prepare drafts (hash, extraction, story terms) while the main thread stores
// the batch before: extraction is pure and about half of an article's ingest, and SQLite takes
// one writer, so a bulk ingest uses a second core by moving the pure half off the writer's thread.
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildSync } from "esbuild";
import type { ArticleDraft } from "../core/types.js";
import type { PreparedText } from "./prepare.js";
import type { PrepareRequest, PrepareResponse } from "./prepare-worker-main.js";

/**
 * A worker's heap: V8's default young generation lets an extracting thread hold ~30 MB more than it
 * needs (measured on the benchmark's peak memory); the old generation is capped well above what
 * extracting the largest accepted input (5 MB of text) takes, so that a runaway cannot take the
 * whole machine.
 */
const WORKER_YOUNG_GENERATION_MB = 4;
const WORKER_OLD_GENERATION_MB = 384;

/** Dead workers replaced per pool before it gives up on worker threads. */
const MAX_RESPAWNS = 3;

let workerCode: URL | undefined;

/**
 * The worker's program: its TypeScript bundled once per process into one JavaScript module, so a
 * worker needs no TypeScript loader (tsx runs its hooks on a thread of their own, ~30 MB each) and
 * loads one module instead of thirty.
 */
function workerSource(): URL {
  workerCode ??= new URL(
    `data:text/javascript,${encodeURIComponent(
      buildSync({
        entryPoints: [fileURLToPath(new URL("./prepare-worker-main.ts", import.meta.url))],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        write: false,
        logLevel: "silent",
      }).outputFiles[0]!.text,
    )}`,
  );
  return workerCode;
}

interface Waiting {
  resolve(p: PreparedText[]): void;
  reject(e: Error): void;
}

/** Worker threads beside the writer: one fewer than the cores, at least one, at most four. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting & { worker: Worker }>();
  private nextId = 0;
  private turn = 0;
  private closed = false;
  private respawns = 0;

  /** `oldGenerationMb`: each worker's old-generation cap (default WORKER_OLD_GENERATION_MB). */
  constructor(
    size: number,
    private readonly limits: { oldGenerationMb?: number } = {},
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.workers.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource(), {
      // the parent's flags (`--import tsx`) are for TypeScript sources; the bundle is plain JavaScript
      execArgv: [],
      resourceLimits: {
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: this.limits.oldGenerationMb ?? WORKER_OLD_GENERATION_MB,
      },
    });
    worker.on("message", (res: PrepareResponse) => this.settle(res));
    // a worker that dies takes its pending batches with it: their callers get the error
    worker.on("error", (e) => this.fail(worker, e));
    worker.on("exit", (code) => {
      if (!this.closed) this.fail(worker, new Error(`prepare worker stopped (exit code ${code})`));
    });
    return worker;
  }

  /** The drafts prepared on a worker thread, in order (decodePrepared reads each). */
  prepare(drafts: ArticleDraft[]): Promise<PreparedText[]> {
    if (this.closed) return Promise.reject(new Error("prepare pool is closed"));
    if (!this.workers.length) return Promise.reject(new Error("no prepare worker left"));
    const worker = this.workers[this.turn++ % this.workers.length]!;
    const id = this.nextId++;
    return new Promise<PreparedText[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      worker.postMessage({ id, drafts } satisfies PrepareRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(new Error("prepare pool closed"));
    }
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(res: PrepareResponse): void {
    const w = this.waiting.get(res.id);
    if (!w) return;
    this.waiting.delete(res.id);
    if (res.ok) w.resolve(res.prepared);
    else w.reject(new Error(res.message));
  }

  private fail(worker: Worker, error: Error): void {
    for (const [id, w] of this.waiting)
      if (w.worker === worker) {
        this.waiting.delete(id);
        w.reject(error);
      }
    // a dead worker (out of memory on a huge batch, say) is replaced for the batches after, a few
    // times: workers that keep dying (one that cannot even start) are dropped, and the batches are
    // then prepared by the caller
    const i = this.workers.indexOf(worker);
    if (i === -1 || this.closed) return;
    void worker.terminate();
    if (this.respawns++ < MAX_RESPAWNS) this.workers[i] = this.spawn();
    else this.workers.splice(i, 1);
  }
}
