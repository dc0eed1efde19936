// Every slash command, declared once. Surfaces (Slack, Discord, web, CLI) look commands up here.
import type { CommandArgs, CommandContext, CommandDefinition } from "../src/core/command.js";
import { errorReply, type Reply } from "../src/core/reply.js";
import { alerts } from "./alerts.js";
import { feeds } from "./feeds.js";
import { help } from "./help.js";
import { sources } from "./sources.js";
import { stories } from "./stories.js";
import { toll } from "./toll.js";
import { tollwatch } from "./tollwatch.js";
import { whoSaid } from "./who-said.js";

export const COMMANDS: CommandDefinition[] = [
  help,
  toll,
  whoSaid,
  alerts,
  stories,
  sources,
  tollwatch,
  feeds,
];

export function findCommand(name: string): CommandDefinition | undefined {
  const n = name.replace(/^\//, "").toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}

/** Runs a command by name; unknown names and handler failures become error replies, never throws. */
export function runCommand(ctx: CommandContext, name: string, args: CommandArgs): Reply {
  const command = findCommand(name);
  if (!command) {
    return errorReply(
      name,
      `Unknown command "/${name.replace(/^\//, "").slice(0, 40)}".`,
      `Try ${COMMANDS.map((c) => `/${c.name}`).join(", ")}.`,
    );
  }
  try {
    return command.handler(ctx, args);
  } catch (e) {
    return errorReply(
      command.name,
      `/${command.name} failed: ${(e as Error).message}`,
      "Try again in a moment.",
    );
  }
}

/**
 * Parses chat text such as `/who-said ceasefire --speaker Rubio` into a command name and arguments.
 * The free text goes to the command's first option; `--name value` sets a named option.
 */
export function parseCommandText(text: string): { name: string; args: CommandArgs } {
  const trimmed = text.trim();
  const m = /^\/?([\w-]+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return { name: "", args: {} };
  const name = m[1]!.toLowerCase();
  const rest = m[2] ?? "";
  const args: CommandArgs = {};
  const command = findCommand(name);
  const free: string[] = [];
  const tokens = rest.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const opt = /^--([\w-]+)$/.exec(t);
    if (opt && command?.options.some((o) => o.name === opt[1])) {
      const values: string[] = [];
      while (i + 1 < tokens.length && !/^--[\w-]+$/.test(tokens[i + 1]!)) values.push(tokens[++i]!);
      args[opt[1]!] = values.join(" ");
    } else {
      free.push(t);
    }
  }
  const first = command?.options[0];
  if (first && free.length && args[first.name] === undefined) args[first.name] = free.join(" ");
  return { name, args };
}
