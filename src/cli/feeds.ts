// `tollwatch feeds add|list|remove URL` and `tollwatch feeds poll`.
import type { Command } from "commander";
import { feedsAdd, feedsList, feedsRemove } from "../../commands/feeds.js";
import { alertDestinations } from "../config.js";
import type { Reply } from "../core/reply.js";
import { CliExit, config, EXIT_REFUSED, openStore, printJsonLine } from "./common.js";

function print(reply: Reply, json: boolean | undefined): void {
  if (json) {
    printJsonLine(reply.data);
  } else {
    const lines = [reply.title];
    for (const b of reply.blocks) {
      if (b.kind === "list")
        for (const i of b.items) lines.push(`  ${i.text}${i.meta ? `  (${i.meta})` : ""}`);
      else if (b.kind === "text" || b.kind === "heading" || b.kind === "alert") lines.push(b.text);
    }
    (reply.ok ? process.stdout : process.stderr).write(`${lines.join("\n")}\n`);
  }
  if (!reply.ok) throw new CliExit(EXIT_REFUSED);
}

export function registerFeeds(program: Command): void {
  const feeds = program.command("feeds").description("RSS/Atom feeds polled by the running bot");
  const withStore = <T>(db: string | undefined, fn: (store: ReturnType<typeof openStore>) => T): T => {
    config();
    const store = openStore(db);
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };
  feeds
    .command("add")
    .description("Follow a feed; its first poll posts one digest")
    .argument("<url>", "feed address (http or https)")
    .option("--db <path>", "database file")
    .option("--json", "print the result as JSON")
    .action((url: string, opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, (store) => print(feedsAdd(store, url, new Date()), opts.json)),
    );
  feeds
    .command("list")
    .description("Feeds with their state: failures, next poll, disabled")
    .option("--db <path>", "database file")
    .option("--json", "print the feeds as JSON")
    .action((opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, (store) => print(feedsList(store), opts.json)),
    );
  feeds
    .command("remove")
    .description("Stop following a feed (its articles stay)")
    .argument("<url>", "feed address or #id")
    .option("--db <path>", "database file")
    .option("--json", "print the result as JSON")
    .action((url: string, opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, (store) => print(feedsRemove(store, url), opts.json)),
    );
  feeds
    .command("poll")
    .description("Poll the due feeds and the inbox once, now (the running bot does this on its schedule)")
    .option("--db <path>", "database file")
    .action(async (opts: { db?: string }) => {
      const cfg = config();
      const store = openStore(opts.db);
      try {
        const { startPoller } = await import("../poll/scheduler.js");
        const poller = startPoller({
          store,
          destinations: () => alertDestinations(cfg),
          allowPrivate: cfg.TOLLWATCH_ALLOW_PRIVATE_URLS,
          inbox: cfg.TOLLWATCH_INBOX ?? "db/inbox",
        });
        const result = await poller.pollOnce();
        await poller.stop();
        for (const f of result.feeds)
          process.stdout.write(
            `${f.status.padEnd(12)} ${f.url}  ${f.added} new, ${f.duplicates} known${f.error ? `  (${f.error})` : ""}\n`,
          );
        for (const i of result.inbox)
          process.stdout.write(
            `${i.status.padEnd(12)} ${i.file}  ${i.added} new${i.reason ? `  (${i.reason})` : ""}\n`,
          );
        if (!result.feeds.length && !result.inbox.length) process.stdout.write("Nothing due.\n");
      } finally {
        store.close();
      }
    });
}
