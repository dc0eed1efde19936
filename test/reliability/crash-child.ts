// Child process of the crash test: ingests corpus articles [FROM, TO) into a file database with the
// product's pipeline and prints one line per article once its transaction has committed.
// Usage: node --import tsx test/reliability/crash-child.ts DB SEED FROM TO EVENTS_PER_DAY
import { corpus, ingestClock } from "../../bench/corpus.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { Store } from "../../src/store/store.js";

const [db, seed, from, to, perDay] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [
  string,
  number,
  number,
  number,
  number,
];
const store = Store.open(db);
const steps = defaultSteps();
for (const draft of corpus(seed, from, to, perDay)) {
  const out = ingestDraft(store, draft, steps, { now: ingestClock(draft) });
  // written after the commit: a "new" line is a promise that the article is on disk
  process.stdout.write(`${out.status} ${out.articleId}\n`);
}
store.close();
process.stdout.write("done\n");
