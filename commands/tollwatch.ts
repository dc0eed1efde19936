// /tollwatch help|sources|stories|feeds ...: one chat command reaching the less frequent ones, so a
// workspace needs only /toll, /who-said and /tollwatch.
import type { CommandArgs, CommandContext, CommandDefinition } from "../src/core/command.js";
import { errorReply, type Reply } from "../src/core/reply.js";
import { feeds } from "./feeds.js";
import { help } from "./help.js";
import { sources } from "./sources.js";
import { stories } from "./stories.js";

// imported one by one rather than from the registry, which itself lists this command
const SUBCOMMANDS: Record<string, CommandDefinition> = { help, sources, stories, feeds };

/** The text after the subcommand: free text to its first option, `--name value` to named ones. */
function subcommandArgs(command: CommandDefinition, tokens: string[]): CommandArgs {
  const args: CommandArgs = {};
  const free: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const opt = /^--([\w-]+)$/.exec(t);
    if (opt && command.options.some((o) => o.name === opt[1])) {
      const values: string[] = [];
      while (i + 1 < tokens.length && !/^--[\w-]+$/.test(tokens[i + 1]!)) values.push(tokens[++i]!);
      args[opt[1]!] = values.join(" ");
    } else free.push(t);
  }
  const first = command.options[0];
  if (first && free.length && args[first.name] === undefined) args[first.name] = free.join(" ");
  return args;
}

function overview(ctx: CommandContext): Reply {
  const base = help.handler(ctx, {});
  return {
    ...base,
    command: "tollwatch",
    blocks: [
      ...base.blocks,
      {
        kind: "list",
        items: [
          {
            text: "/tollwatch sources [story]",
            meta: "who counted: originators, aliases, their figures over time",
          },
          { text: "/tollwatch stories", meta: "the stories (events) found, with articles and alerts" },
          {
            text: "/tollwatch feeds add URL | list | remove URL",
            meta: "feeds polled for new articles (admins)",
          },
        ],
      },
    ],
  };
}

export const tollwatch: CommandDefinition = {
  name: "tollwatch",
  description: "help, sources, stories, feeds add|list|remove",
  options: [{ name: "text", description: "help | sources [story] | stories | feeds add|list|remove URL" }],
  handler: (ctx, args) => {
    const [first = "help", ...rest] = (args.text ?? "").trim().split(/\s+/).filter(Boolean);
    const name = first.replace(/^\//, "").toLowerCase();
    if (name === "help") return overview(ctx);
    const command = SUBCOMMANDS[name];
    if (!command)
      return errorReply(
        "tollwatch",
        `Unknown subcommand "${name.slice(0, 40)}".`,
        `Try /tollwatch ${Object.keys(SUBCOMMANDS).join(", /tollwatch ")}.`,
      );
    // surfaces check admin rights on the command they resolve (`/tollwatch feeds` → `feeds`);
    // reached through here, the check has not been made
    if (command.admin)
      return errorReply(
        "tollwatch",
        `/tollwatch ${name} is for administrators.`,
        `Run /${name} ${rest.join(" ")} where your rights are checked.`.replace(/\s+\./, "."),
      );
    return command.handler(ctx, subcommandArgs(command, rest));
  },
};
