// `tollwatch toll|who-said|alerts|stories|sources`: the slash commands on the command line, plus
// the story corrections (stories rename|merge|split). --json prints the reply's data.
import type { Command } from "commander";
import { COMMANDS, runCommand } from "../../commands/index.js";
import type { CommandArgs } from "../core/command.js";
import type { Reply } from "../core/reply.js";
import { formatError, type Result } from "../core/result.js";
import { DEFAULT_DESTINATIONS } from "../reconcile/apply.js";
import { mergeStories, renameStoryByName, splitStory } from "../reconcile/edit-stories.js";
import { CliExit, EXIT_REFUSED, openStore, printJsonLine } from "./common.js";

/** The reply model as plain text for a terminal. */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title];
  for (const b of reply.blocks) {
    switch (b.kind) {
      case "heading":
        out.push("", b.text);
        break;
      case "text":
        out.push(b.text);
        break;
      case "alert":
        out.push(`! ${b.text}`);
        break;
      case "divider":
        out.push("");
        break;
      case "fields":
        for (const f of b.fields) out.push(`${f.label}: ${f.value}`);
        break;
      case "list":
        for (const i of b.items) {
          out.push(`  - ${i.text}`);
          if (i.meta) out.push(`    ${i.meta}`);
          for (const l of i.links ?? []) out.push(`    ${l.label}: ${l.url}`);
        }
        break;
    }
  }
  return `${out.join("\n")}\n`;
}

function answer(name: string, db: string | undefined, args: CommandArgs, json: boolean, lines = false): void {
  const store = openStore(db);
  let reply: Reply;
  try {
    reply = runCommand({ store, now: new Date() }, name, args);
  } finally {
    store.close();
  }
  if (json && lines && reply.ok) {
    // one object per line (alerts --json)
    const list = (reply.data as { alerts?: unknown[] }).alerts ?? [];
    for (const item of list) printJsonLine(item);
  } else if (json) printJsonLine(reply.data);
  else process.stdout.write(renderText(reply));
  if (!reply.ok) {
    if (!json) process.stderr.write(`${reply.title}\n`);
    throw new CliExit(EXIT_REFUSED);
  }
}

const describe = (name: string) => COMMANDS.find((c) => c.name === name)?.description ?? name;

interface Common {
  db?: string;
  json?: boolean;
}

export function registerAnswers(program: Command): void {
  program
    .command("toll")
    .description(describe("toll"))
    .argument("[story...]", "story name (default: the one with the newest figure)")
    .option("--db <path>", "database file")
    .option("--json", "print the answer as JSON")
    .action((story: string[], opts: Common) => {
      answer("toll", opts.db, { story: story.join(" ") || undefined }, !!opts.json);
    });

  program
    .command("who-said")
    .description(describe("who-said"))
    .argument("[query...]", "words in the quote or the speaker's name")
    .option("--speaker <name>", "only this speaker")
    .option("--story <name>", "only this story")
    .option("--db <path>", "database file")
    .option("--json", "print the answer as JSON")
    .action((query: string[], opts: Common & { speaker?: string; story?: string }) => {
      answer(
        "who-said",
        opts.db,
        { query: query.join(" ") || undefined, speaker: opts.speaker, story: opts.story },
        !!opts.json,
      );
    });

  program
    .command("alerts")
    .description(describe("alerts"))
    .argument("[story...]", "only this story")
    .option("--all", "every alert, delivered or not, however old")
    .option("--db <path>", "database file")
    .option("--json", "one JSON object per alert and line")
    .action((story: string[], opts: Common & { all?: boolean }) => {
      answer(
        "alerts",
        opts.db,
        { story: story.join(" ") || undefined, all: opts.all ? "" : undefined },
        !!opts.json,
        true,
      );
    });

  program
    .command("sources")
    .description(describe("sources"))
    .argument("[story...]", "only this story")
    .option("--db <path>", "database file")
    .option("--json", "print the answer as JSON")
    .action((story: string[], opts: Common) => {
      answer("sources", opts.db, { story: story.join(" ") || undefined }, !!opts.json);
    });

  program
    .command("stories")
    .description(
      "List stories; or correct them: stories rename OLD NEW | stories merge INTO OTHER | stories split STORY --articles ID,ID --name NEW",
    )
    .argument("[action]", "rename, merge or split (none: list)")
    .argument("[names...]", "story names")
    .option("--articles <ids>", "split: the article ids to move, comma-separated")
    .option("--name <name>", "split: the new story's name")
    .option("--db <path>", "database file")
    .option("--json", "print the answer as JSON")
    .action(
      (action: string | undefined, names: string[], opts: Common & { articles?: string; name?: string }) => {
        if (!action) return answer("stories", opts.db, {}, !!opts.json);
        const refuse = (message: string): never => {
          process.stderr.write(`${message}\n`);
          throw new CliExit(EXIT_REFUSED);
        };
        const store = openStore(opts.db);
        const now = new Date();
        try {
          let result: Result<unknown>;
          if (action === "rename") {
            if (names.length !== 2)
              refuse("usage: tollwatch stories rename OLD NEW (quote names with spaces)");
            result = renameStoryByName(store, names[0]!, names[1]!, now);
          } else if (action === "merge") {
            if (names.length !== 2)
              refuse("usage: tollwatch stories merge INTO OTHER (quote names with spaces)");
            result = mergeStories(store, names[0]!, names[1]!, DEFAULT_DESTINATIONS, now);
          } else if (action === "split") {
            if (names.length !== 1)
              refuse("usage: tollwatch stories split STORY --articles ID,ID --name NEW");
            const ids = (opts.articles ?? "")
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number);
            if (ids.some((n) => !Number.isInteger(n) || n <= 0))
              refuse("--articles takes article ids: 3,4,7");
            result = splitStory(store, names[0]!, ids, opts.name ?? "", DEFAULT_DESTINATIONS, now);
          } else return refuse(`unknown stories action "${action}": use rename, merge or split`);
          if (!result.ok) refuse(formatError(result.error));
          else if (opts.json) printJsonLine(result.value);
          else process.stdout.write(`${action}: done\n`);
        } finally {
          store.close();
        }
      },
    );
}
