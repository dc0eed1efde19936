// `npm run bench [-- --json]`: extraction speed against Intl.Segmenter, end-to-end ingest into a file
// database, /toll and /who-said latency at 1k and at the full corpus, and peak memory while ingesting.
// The corpus is synthetic, seeded and streamed (bench/corpus.ts).
//   BENCH_ARTICLES   corpus size (default 100000)
//   BENCH_SEED       corpus seed (default 7)
//   BENCH_SAMPLE     articles in the extraction sample (default 3000)
//   BENCH_INGEST_BUDGET_S  wall-clock seconds the ingest may take (default 240), so that the whole run
//                    stays under 5 minutes; a pipeline too slow for the corpus is reported, not waited for
//   BENCH_TSX=1      run the ingest child through tsx instead of as a bundle (see childCommand)
//   BENCH_WORKERS    extraction threads of the ingest child (default: one fewer than the cores)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { extract } from "../src/extract/index.js";
import { Store } from "../src/store/store.js";
import { article } from "./corpus.js";
import type { WorkerReport } from "./ingest-worker.js";
import { hasCommand, type QueryTiming, timeToll, timeWhoSaid } from "./queries.js";

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const ARTICLES = envInt("BENCH_ARTICLES", 100_000);
const SEED = envInt("BENCH_SEED", 7);
const SAMPLE = envInt("BENCH_SAMPLE", 3000);
const BUDGET_S = envInt("BENCH_INGEST_BUDGET_S", 240);
const SMALL = Math.min(1000, ARTICLES);
const json = process.argv.includes("--json");
const say = (s: string) => process.stderr.write(`${s}\n`);

export const TARGETS = {
  extract_articles_per_s: { min: 2000 },
  extract_vs_segmenter: { min: 0.3 },
  ingest_articles_per_s: { min: 500 },
  toll_ms_p99_100k_over_1k: { max: 3 },
  rss_mb_peak_100k: { max: 256 },
} as const;

/** Articles per second of `fn` over `texts`, the best of `rounds` passes (the least disturbed by others). */
function rate(texts: readonly string[], fn: (text: string) => void, rounds: number): number {
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const t of texts) fn(t);
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, texts.length / s);
  }
  return best;
}

function benchExtraction(): { extract: number; segmenter: number; sampleBytes: number } {
  // spread over the corpus so every event kind and style is in the sample
  const step = Math.max(1, Math.floor(ARTICLES / SAMPLE));
  const drafts = Array.from({ length: SAMPLE }, (_, i) => article(SEED, (i * step) % ARTICLES));
  const texts = drafts.map((d) => d.text);
  const titles = new Map(drafts.map((d) => [d.text, d]));
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  let sink = 0;
  const segment = (t: string) => {
    for (const _ of segmenter.segment(t)) sink++;
  };
  const run = (t: string) => {
    const d = titles.get(t)!;
    const x = extract({ text: t, title: d.title, published: d.published });
    sink += x.figures.length + x.statements.length;
  };
  // warm-up: let the JIT compile both before anything is timed
  for (const t of texts.slice(0, 300)) {
    segment(t);
    run(t);
  }
  let seg = 0;
  let ext = 0;
  // interleaved, so a noisy neighbour on a shared machine hurts both alike
  for (let round = 0; round < 3; round++) {
    seg = Math.max(seg, rate(texts, segment, 1));
    ext = Math.max(ext, rate(texts, run, 1));
  }
  if (sink < 0) say("unreachable");
  return { extract: ext, segmenter: seg, sampleBytes: texts.reduce((n, t) => n + t.length, 0) };
}

const WORKER = fileURLToPath(new URL("./ingest-worker.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * The ingest child as one JavaScript module (the product's modules, bundled by esbuild as the
 * extraction worker already is), so that the memory measured is the ingest's and not tsx's: its
 * TypeScript loader runs on a thread of its own, ~34 MB of RSS (measured). BENCH_TSX=1 runs the
 * child through tsx instead. Each module keeps its own `import.meta.url`, so paths it derives from
 * it (migrations, the worker's source) are those of the sources; the bundle goes under
 * node_modules/.cache so that its imports of packages resolve.
 */
async function childCommand(): Promise<string[]> {
  if (process.env.BENCH_TSX === "1") return ["--import", "tsx", WORKER];
  const outfile = path.join(ROOT, "node_modules", ".cache", "tollwatch", "bench-ingest-worker.mjs");
  await build({
    entryPoints: [WORKER],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "silent",
    plugins: [
      {
        name: "own-import-meta-url",
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await fs.promises.readFile(args.path, "utf8")).replaceAll(
              "import.meta.url",
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: "ts",
          }));
        },
      },
    ],
  });
  return [outfile];
}

function ingest(
  command: string[],
  db: string,
  from: number,
  to: number,
  deadline: number,
): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...command, db, String(SEED), String(from), String(to), String(deadline)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`ingest worker exited with ${code}: ${last}`));
      resolve(JSON.parse(last) as WorkerReport);
    });
  });
}

function queries(db: string): { toll: QueryTiming | null; whoSaid: QueryTiming | null } {
  const store = Store.open(db);
  try {
    return {
      toll: hasCommand("toll") ? timeToll(store, SEED) : null,
      whoSaid: hasCommand("who-said") ? timeWhoSaid(store, SEED) : null,
    };
  } finally {
    store.close();
  }
}

const round = (x: number | null, digits = 2) =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

async function main() {
  const began = Date.now();
  say(`corpus: ${ARTICLES.toLocaleString("en-GB")} articles, seed ${SEED}`);
  say(`extraction: ${SAMPLE} articles, best of 3 interleaved passes`);
  const ex = benchExtraction();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tw-bench-"));
  const db = path.join(tmp, "bench.sqlite");
  try {
    say(`ingest: first ${SMALL.toLocaleString("en-GB")} articles`);
    // the time spent answering queries at 1k does not count against the ingest budget
    const command = await childCommand();
    let deadline = Date.now() + BUDGET_S * 1000;
    const small = await ingest(command, db, 0, SMALL, deadline);
    const smallLeft = deadline - Date.now();
    const atSmall = queries(db);
    deadline = Date.now() + smallLeft;
    const rest = ARTICLES > SMALL && !small.stoppedByDeadline;
    if (rest) say(`ingest: the remaining ${(ARTICLES - SMALL).toLocaleString("en-GB")} articles`);
    const large = rest ? await ingest(command, db, SMALL, ARTICLES, deadline) : small;
    const atLarge = rest ? queries(db) : atSmall;
    const dbMb = fs.statSync(db).size / 1048576;
    const ingested = small.articles + (large === small ? 0 : large.articles);
    const ingestSeconds = small.seconds + (large === small ? 0 : large.seconds);
    const stored = small.stored + (large === small ? 0 : large.stored);
    // measurements "at 100k" are only that when the whole corpus went in
    const complete = ingested === ARTICLES;
    const full = <T>(v: T): T | null => (complete ? v : null);
    if (!complete)
      say(
        `ingest stopped by its ${BUDGET_S} s budget after ${ingested.toLocaleString("en-GB")} of ${ARTICLES.toLocaleString("en-GB")} articles: the full-corpus figures are not measured`,
      );

    const result = {
      articles: ARTICLES,
      seed: SEED,
      extract_articles_per_s: round(ex.extract, 0),
      segmenter_articles_per_s: round(ex.segmenter, 0),
      extract_vs_segmenter: round(ex.extract / ex.segmenter, 3),
      sample_article_bytes: Math.round(ex.sampleBytes / SAMPLE),
      ingest_articles_per_s: round(ingested / ingestSeconds, 0),
      ingested_articles: ingested,
      ingest_stored: stored,
      toll_ms_p99_1k: round(atSmall.toll?.p99 ?? null, 3),
      toll_ms_p99_100k: full(round(atLarge.toll?.p99 ?? null, 3)),
      toll_ms_p99_100k_over_1k: full(
        atSmall.toll && atLarge.toll ? round(atLarge.toll.p99 / atSmall.toll.p99, 2) : null,
      ),
      toll_errors: (atSmall.toll?.errors ?? 0) + (atLarge.toll?.errors ?? 0),
      who_said_ms_p99_1k: round(atSmall.whoSaid?.p99 ?? null, 3),
      who_said_ms_p99_100k: full(round(atLarge.whoSaid?.p99 ?? null, 3)),
      rss_mb_peak_100k: full(round(large.rssPeakMb, 1)),
      // where the ingest stopped, when the budget cut it short: for information only
      toll_ms_p99_at_stop: complete ? null : round(atLarge.toll?.p99 ?? null, 3),
      who_said_ms_p99_at_stop: complete ? null : round(atLarge.whoSaid?.p99 ?? null, 3),
      rss_mb_peak_at_stop: complete ? null : round(large.rssPeakMb, 1),
      db_mb: round(dbMb, 1),
      run_seconds: round((Date.now() - began) / 1000, 1),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        memory_gb: round(os.totalmem() / 2 ** 30, 1),
      },
    };
    const verdicts = Object.entries(TARGETS).map(([key, t]) => {
      const v = result[key as keyof typeof TARGETS];
      const met = v === null ? null : "min" in t ? v >= t.min : v <= t.max;
      return { key, value: v, target: "min" in t ? `>= ${t.min}` : `<= ${t.max}`, met };
    });
    const out = { ...result, targets: Object.fromEntries(verdicts.map((v) => [v.key, v.met])) };

    const rows: [string, string, string, string][] = [["metric", "value", "target", "verdict"]];
    const label = (k: string, v: unknown) => [k, v === null ? "not measured" : String(v)] as const;
    for (const [k, v] of Object.entries(result)) {
      if (k === "machine") continue;
      const t = verdicts.find((x) => x.key === k);
      const verdict = !t ? "" : t.met === null ? "not measured" : t.met ? "met" : "NOT met";
      rows.push([...label(k, v), t?.target ?? "", verdict]);
    }
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    const table = rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join("  ")).join("\n");
    if (!hasCommand("toll")) say("note: /toll is not in the command registry yet, so it was not measured");
    if (!hasCommand("who-said"))
      say("note: /who-said is not in the command registry yet, so it was not measured");
    process.stdout.write(`${table}\n`);
    if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
