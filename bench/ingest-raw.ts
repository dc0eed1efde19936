// Ingest throughput without extraction: synthetic plain-text articles read by the text reader and stored
// through the pipeline (dedupe, one transaction per article) into a temporary file database.
// Run: node --import tsx bench/ingest-raw.ts [count]     (target: more than 1,000 articles/s)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ArticleDraft } from "../src/core/types.js";
import { ingestDraft, type PipelineSteps } from "../src/ingest/pipeline.js";
import { readText } from "../src/ingest/text.js";
import { countArticles } from "../src/store/articles.js";
import { Store } from "../src/store/store.js";

const COUNT = Number(process.argv[2] ?? 3000);
const noExtraction: PipelineSteps = { extract: () => ({ figures: [], statements: [] }) };

const PLACES = [
  "the northern province",
  "the coastal city",
  "the border town",
  "the capital",
  "three villages",
];
const EVENTS = ["flooding", "an earthquake", "shelling", "a factory fire", "clashes", "a landslide"];
const SOURCES = [
  "the health ministry",
  "the civil defence",
  "a monitoring group",
  "local officials",
  "the UN",
];

/** A varied plain-text article of about 2 KB: headline, date header or byline, paragraphs, chrome. */
function syntheticArticle(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const event = EVENTS[(i >> 2) % EVENTS.length]!;
  const source = SOURCES[(i >> 4) % SOURCES.length]!;
  const day = (i % 28) + 1;
  const lines = [
    i % 3 === 0 ? `date 2024-05-${String(day).padStart(2, "0")} ` : "",
    `${(i % 90) + 3} killed after ${event} hits ${place} (report ${i})`,
    "",
    `At least ${(i % 90) + 3} people were killed and ${(i % 40) + 10} injured after ${event} hit ${place} on Tuesday, ${source} said in a statement issued on report number ${i}.`,
    "",
    i % 3 === 1 ? `Staff Reporter ${day} May 2024 08:15` : "",
    "",
    `Rescue teams were searching for ${i % 17} people still missing, and about ${(i % 9) * 1000 + 500} were moved to shelters, officials said.`,
    "",
    "Advertisement",
    "",
    `“We are doing everything we can,” a spokesperson for ${source} told reporters, adding that the count could rise as crews reach cut-off areas.`,
    "",
    `The area has seen repeated ${event} in recent years. Residents said warnings came too late to leave, and that roads were blocked for hours.`,
    "",
    `Aid agencies said they were sending food, water and medicine to ${place}, where power and phone lines were down.`,
    "",
    "Also Read",
    "Other headline one",
    "Other headline two",
  ];
  return lines.join("\n");
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-bench-"));
const raw = Array.from({ length: COUNT }, (_, i) => syntheticArticle(i));

function run(label: string, drafts: () => Iterable<ArticleDraft>): number {
  const file = path.join(tmp, `${label}.sqlite`);
  const store = Store.open(file);
  const start = process.hrtime.bigint();
  let n = 0;
  for (const d of drafts()) {
    if (ingestDraft(store, d, noExtraction).status === "new") n++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const stored = countArticles(store);
  store.close();
  if (n !== COUNT || stored !== COUNT) throw new Error(`${label}: stored ${stored} of ${COUNT}`);
  const rate = COUNT / seconds;
  process.stdout.write(
    `${label.padEnd(22)} ${COUNT} articles in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString("en-GB")} articles/s\n`,
  );
  return rate;
}

try {
  // drafts read beforehand: storage, dedupe and transactions only
  const drafts = raw.map((text, i) => {
    const r = readText(text, { url: null, file: `synthetic-${i}.txt` });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  const pipeline = run("pipeline", () => drafts);
  // for information: the text reader included (clean-up, headline, byline dates)
  run("read + pipeline", function* () {
    for (const [i, text] of raw.entries()) {
      const r = readText(text, { url: null, file: `synthetic-${i}.txt` });
      if (r.ok) yield r.value;
    }
  });
  const target = 1000;
  process.stdout.write(`pipeline target > ${target} articles/s: ${pipeline > target ? "met" : "NOT met"}\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
