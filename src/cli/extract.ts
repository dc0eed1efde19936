// `tollwatch extract FILE... [--json]`: figures and statements, no database writes.
import type { Command } from "commander";
import { formatError } from "../core/result.js";
import { extract } from "../extract/index.js";
import { expandInputs, readInput } from "../ingest/read.js";
import { CliExit, config, EXIT_REFUSED, printJsonLine, warnSkipped } from "./common.js";

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("Print the casualty figures and statements found in articles (stores nothing)")
    .argument("<inputs...>", "article files, folders or URLs")
    .option("--json", "one JSON object per article (the extraction contract)")
    .action(async (args: string[], opts: { json?: boolean }) => {
      const allowPrivate = config().TOLLWATCH_ALLOW_PRIVATE_URLS;
      const { inputs, errors } = await expandInputs(args);
      let refused = errors.length;
      for (const e of errors) process.stderr.write(`refused: ${e.message}\n`);
      for (const ref of inputs) {
        const read = await readInput(ref, { allowPrivate, onWarning: warnSkipped });
        if (!read.ok) {
          refused++;
          process.stderr.write(`refused: ${formatError(read.error)}\n`);
          continue;
        }
        for (const draft of read.value) {
          const result = extract({ text: draft.text, title: draft.title, published: draft.published });
          const name = draft.file ?? draft.url ?? ref.value;
          if (opts.json) {
            printJsonLine({ file: name, title: draft.title, published: draft.published, ...result });
            continue;
          }
          process.stdout.write(`\n${name}${draft.title ? ` — ${draft.title}` : ""}\n`);
          if (!result.figures.length && !result.statements.length) process.stdout.write("  nothing found\n");
          for (const f of result.figures) {
            const count = f.count === null ? "(vague)" : f.count.toLocaleString("en-GB");
            process.stdout.write(
              `  figure  ${f.qualifier.padEnd(6)} ${count.padStart(9)} ${f.measure} ${f.group} — ${f.source ?? "no source"}\n`,
            );
          }
          for (const s of result.statements) {
            const quote = s.quote.length > 100 ? `${s.quote.slice(0, 97)}...` : s.quote;
            process.stdout.write(`  quote   ${s.speaker ?? "unknown"}: “${quote}”\n`);
          }
        }
      }
      if (refused) throw new CliExit(EXIT_REFUSED);
    });
}
