// Child process of the benchmark: ingests corpus articles [from, to) into a file database with the
// product's bulk pipeline (ingestStream: batches, extraction on worker threads, reconciliation on)
// and reports time and peak memory (worker threads included: same process) as one JSON line.
// Run apart from the parent so that its peak RSS is the ingest's own.
// Usage: node --import tsx bench/ingest-worker.ts DB SEED FROM TO [DEADLINE_EPOCH_MS]
// BENCH_WORKERS=N sets the extraction threads (default: one fewer than the cores; 0 = none).
// With a deadline it stops at the first article boundary after it, so a slow pipeline cannot make the
// benchmark run for hours; the report then says how far it got.
import { defaultSteps } from "../src/ingest/default-steps.js";
import { ingestStream } from "../src/ingest/pipeline.js";
import { defaultWorkerCount } from "../src/ingest/prepare-pool.js";
import { Store } from "../src/store/store.js";
import { corpus, ingestClock } from "./corpus.js";

export interface WorkerReport {
  /** Articles handed to the pipeline (fewer than asked when the deadline stopped it). */
  articles: number;
  stored: number;
  stoppedByDeadline: boolean;
  seconds: number;
  rssPeakMb: number;
}

const [db, seedArg, fromArg, toArg, deadlineArg] = process.argv.slice(2);
if (!db || !seedArg || !fromArg || !toArg) {
  process.stderr.write("usage: ingest-worker.ts DB SEED FROM TO\n");
  process.exit(2);
}
const seed = Number(seedArg);
const from = Number(fromArg);
const to = Number(toArg);
const deadline = deadlineArg ? Number(deadlineArg) : Number.POSITIVE_INFINITY;

const store = Store.open(db);
const steps = defaultSteps();
let peak = process.memoryUsage().rss;
let stored = 0;
let handed = 0;
let stoppedByDeadline = false;
// the corpus is generated lazily; the stream reads it a few batches ahead of the writer
function* drafts() {
  for (const draft of corpus(seed, from, to)) {
    if (Date.now() > deadline) {
      stoppedByDeadline = true;
      return;
    }
    handed++;
    yield draft;
  }
}
const start = process.hrtime.bigint();
let reported = 0;
await ingestStream(store, drafts(), steps, {
  now: ingestClock,
  workers: process.env.BENCH_WORKERS === undefined ? defaultWorkerCount() : Number(process.env.BENCH_WORKERS),
  onBatch: (_drafts, outcomes) => {
    for (const o of outcomes) if (o.status === "new") stored++;
    // sampled once a batch (a syscall); the kernel's high-water mark below catches peaks between
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
    const done = from + stored;
    if (Math.floor(done / 10_000) > reported) {
      reported = Math.floor(done / 10_000);
      process.stderr.write(`  ingested ${(reported * 10_000).toLocaleString("en-GB")}\n`);
    }
  },
});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
store.close();
// maxRSS (kB) is the kernel's own high-water mark: it also catches peaks between samples
const peakMb = Math.max(peak / 1048576, process.resourceUsage().maxRSS / 1024);
const report: WorkerReport = { articles: handed, stored, stoppedByDeadline, seconds, rssPeakMb: peakMb };
process.stdout.write(`${JSON.stringify(report)}\n`);
