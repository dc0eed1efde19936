// Child process of the benchmark: ingests corpus articles [from, to) into a file database with the
// product's pipeline (extraction and reconciliation on) and reports time and peak memory as one JSON line.
// Run apart from the parent so that its peak RSS is the ingest's own.
// Usage: node --import tsx bench/ingest-worker.ts DB SEED FROM TO [DEADLINE_EPOCH_MS]
// With a deadline it stops at the first article boundary after it, so a slow pipeline cannot make the
// benchmark run for hours; the report then says how far it got.
import { defaultSteps } from "../src/ingest/default-steps.js";
import { ingestDraft } from "../src/ingest/pipeline.js";
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
const start = process.hrtime.bigint();
let i = from;
let stoppedByDeadline = false;
for (const draft of corpus(seed, from, to)) {
  if (Date.now() > deadline) {
    stoppedByDeadline = true;
    break;
  }
  if (ingestDraft(store, draft, steps, { now: ingestClock(draft) }).status === "new") stored++;
  // sampling is cheap (a syscall); every 16 articles catches any build-up well before it matters
  if ((++i & 15) === 0) {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  }
  if (i % 10_000 === 0) process.stderr.write(`  ingested ${i.toLocaleString("en-GB")}\n`);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
store.close();
// maxRSS (kB) is the kernel's own high-water mark: it also catches peaks between samples
const peakMb = Math.max(peak / 1048576, process.resourceUsage().maxRSS / 1024);
const report: WorkerReport = { articles: i - from, stored, stoppedByDeadline, seconds, rssPeakMb: peakMb };
process.stdout.write(`${JSON.stringify(report)}\n`);
