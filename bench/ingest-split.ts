// Where ingest time goes: extraction versus store + reconcile (everything else in ingestDraft), over
// corpus articles [from, to) into a file database. For profiling the store and reconcile path; the
// benchmark proper is bench/run.ts.
// Usage: node --import tsx bench/ingest-split.ts DB SEED FROM TO
import { defaultSteps } from "../src/ingest/default-steps.js";
import { ingestDraft, type PipelineSteps } from "../src/ingest/pipeline.js";
import { Store } from "../src/store/store.js";
import { corpus, ingestClock } from "./corpus.js";

const [db, seedArg, fromArg, toArg] = process.argv.slice(2);
if (!db || !seedArg || !fromArg || !toArg) {
  process.stderr.write("usage: ingest-split.ts DB SEED FROM TO\n");
  process.exit(2);
}
const store = Store.open(db);
const base = defaultSteps();
let extractNs = 0n;
const steps: PipelineSteps = {
  ...base,
  extract: (input) => {
    const t = process.hrtime.bigint();
    const x = base.extract(input);
    extractNs += process.hrtime.bigint() - t;
    return x;
  },
};
let ingestNs = 0n;
let n = 0;
for (const draft of corpus(Number(seedArg), Number(fromArg), Number(toArg))) {
  const t = process.hrtime.bigint();
  ingestDraft(store, draft, steps, { now: ingestClock(draft) });
  ingestNs += process.hrtime.bigint() - t;
  n++;
}
store.close();
const ms = (ns: bigint) => Number(ns) / 1e6;
process.stdout.write(
  `${JSON.stringify({
    articles: n,
    ingest_ms_per_article: ms(ingestNs) / n,
    extract_ms_per_article: ms(extractNs) / n,
    store_reconcile_ms_per_article: ms(ingestNs - extractNs) / n,
  })}\n`,
);
