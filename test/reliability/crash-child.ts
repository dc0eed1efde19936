// Child process of the crash test: ingests corpus articles [FROM, TO) into a file database with the
// product's bulk pipeline (batches, extraction on a worker thread) and prints one line per article
// once the batch holding it has committed.
// Usage: node --import tsx test/reliability/crash-child.ts DB SEED FROM TO EVENTS_PER_DAY [WORKERS]
// (WORKERS: extraction threads, default 1; the load tests pass 0 to leave a core to the server)
import { corpus, ingestClock } from "../../bench/corpus.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestStream } from "../../src/ingest/pipeline.js";
import { Store } from "../../src/store/store.js";

const [db, seed, from, to, perDay, workers = 1] = process.argv
  .slice(2)
  .map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number, number, number, number?];
const store = Store.open(db);
const steps = defaultSteps();
await ingestStream(store, corpus(seed, from, to, perDay), steps, {
  now: ingestClock,
  workers,
  onBatch: (_drafts, outcomes) => {
    // written after the commit: a "new" line is a promise that the article is on disk
    for (const out of outcomes) process.stdout.write(`${out.status} ${out.articleId}\n`);
  },
});
store.close();
process.stdout.write("done\n");
