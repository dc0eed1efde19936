// `tollwatch ingest PATH|URL... [--db] [--story NAME] [--json]` and `tollwatch articles`.
import type { Command } from "commander";
import { alertDestinations } from "../config.js";
import { formatError } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";
import { defaultSteps } from "../ingest/default-steps.js";
import { ingestStream } from "../ingest/pipeline.js";
import { defaultWorkerCount } from "../ingest/prepare-pool.js";
import { expandInputs, readInput } from "../ingest/read.js";
import { listArticles } from "../store/articles.js";
import { CliExit, config, EXIT_REFUSED, openStore, printJsonLine, table, warnSkipped } from "./common.js";

interface IngestOpts {
  db?: string;
  story?: string;
  json?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("Read articles (files, folders, URLs, RSS/Atom feeds) into the database")
    .argument("<inputs...>", "article files, folders, URLs or feed URLs")
    .option("--db <path>", "database file (default: $TOLLWATCH_DB or db/tollwatch.sqlite)")
    .option("--story <name>", "put every article into this story instead of matching one")
    .option("--json", "one JSON line per input")
    .action(async (args: string[], opts: IngestOpts) => {
      const cfg = config();
      const store = openStore(opts.db);
      // alerts raised here reach the same destinations the running bot delivers to
      const steps = defaultSteps(alertDestinations(cfg));
      const rows: string[][] = [["status", "id", "figures", "quotes", "input", "title"]];
      let refused = 0;
      const refuse = (input: { file?: string; url?: string }, message: string) => {
        refused++;
        process.stderr.write(`refused: ${message}\n`);
        if (opts.json) printJsonLine({ ...input, status: "error", error: message });
        else rows.push(["error", "", "", "", input.file ?? input.url ?? "", message]);
      };
      try {
        const { inputs, errors } = await expandInputs(args);
        for (const e of errors) refuse({ file: e.input }, e.message);
        const progress = inputs.length > 20;
        // where each draft came from, for its line of the report
        const origin = new Map<ArticleDraft, { where: { file?: string; url?: string }; input: string }>();
        async function* drafts(): AsyncGenerator<ArticleDraft> {
          for (const [i, ref] of inputs.entries()) {
            if (progress) process.stderr.write(`\ringesting ${i + 1}/${inputs.length}`);
            const key = ref.kind === "url" ? { url: ref.value } : { file: ref.value };
            const read = await readInput(ref, {
              allowPrivate: cfg.TOLLWATCH_ALLOW_PRIVATE_URLS,
              onWarning: warnSkipped,
            });
            if (!read.ok) {
              refuse(key, formatError(read.error));
              continue;
            }
            for (const draft of read.value) {
              origin.set(draft, {
                where: draft.url && ref.kind === "url" ? { url: draft.url } : key,
                input: ref.value,
              });
              yield draft;
            }
          }
        }
        // many articles go in batches, extracted on worker threads while the batch before is stored
        await ingestStream(store, drafts(), steps, {
          ...(opts.story === undefined ? {} : { story: opts.story }),
          // (a worker takes a moment to start: worth it only for many inputs)
          workers: inputs.length > 20 ? defaultWorkerCount() : 0,
          onBatch: (batch, outcomes) => {
            for (const [i, out] of outcomes.entries()) {
              const draft = batch[i]!;
              const from = origin.get(draft);
              origin.delete(draft);
              if (opts.json) printJsonLine({ ...from?.where, ...out });
              else
                rows.push([
                  out.status,
                  String(out.articleId),
                  String(out.figures),
                  String(out.statements),
                  from?.input ?? "",
                  out.title ?? "",
                ]);
            }
          },
        });
        if (progress) process.stderr.write("\n");
        if (!opts.json) process.stdout.write(`${table(rows)}\n`);
      } finally {
        store.close();
      }
      if (refused) throw new CliExit(EXIT_REFUSED);
    });

  program
    .command("articles")
    .description("List stored articles, newest first")
    .option("--db <path>", "database file")
    .option("--json", "one JSON line per article")
    .action((opts: { db?: string; json?: boolean }) => {
      const store = openStore(opts.db);
      try {
        const list = listArticles(store);
        if (opts.json) for (const a of list) printJsonLine(a);
        else {
          const rows = [["id", "published", "outlet", "figures", "quotes", "title"]];
          for (const a of list)
            rows.push([
              String(a.id),
              a.published ?? "",
              a.outlet ?? "",
              String(a.figures),
              String(a.statements),
              a.title ?? a.file ?? a.url ?? "",
            ]);
          process.stdout.write(
            list.length ? `${table(rows)}\n` : "No articles yet. Try: tollwatch ingest seeds\n",
          );
        }
      } finally {
        store.close();
      }
    });
}
