// What Slack and Discord share: which slash commands exist in chat, how `/tollwatch sub ...` maps to
// the command registry, and the admin check. Commands themselves live in commands/.
import { findCommand, parseCommandText, runCommand } from "../../commands/index.js";
import type { CommandArgs, CommandDefinition, CommandOption } from "../core/command.js";
import { errorReply, type Reply } from "../core/reply.js";
import type { SurfaceDeps } from "./surface.js";

/** Top-level chat commands; everything else is reached through `/tollwatch`. */
export const CHAT_COMMANDS = ["toll", "who-said"] as const;
/** `/tollwatch` subcommands in Discord (Slack takes any registry command after `/tollwatch`). */
export const TOLLWATCH_SUBCOMMANDS = ["help", "sources", "stories", "alerts", "feeds"] as const;

/** The option a `/tollwatch` subcommand takes when only a `tollwatch` command handles it. */
export const PASS_THROUGH_OPTION: CommandOption = {
  name: "text",
  description: "What follows the subcommand",
};

export interface Resolved {
  /** The registry command to run (possibly missing: runCommand then answers with its error reply). */
  name: string;
  command: CommandDefinition | undefined;
  args: CommandArgs;
}

/** `/toll syria` or `/who-said ceasefire --speaker Rubio` as typed in chat. */
export function resolveText(name: string, text: string): Resolved {
  const parsed = parseCommandText(`/${name} ${text}`);
  return { name: parsed.name, command: findCommand(parsed.name), args: parsed.args };
}

/**
 * The registry command `/tollwatch SUB` runs directly (so its admin flag is checked), or undefined
 * when the `tollwatch` command handles SUB itself: `help` (its overview) and anything unknown.
 */
export function tollwatchTarget(sub: string): CommandDefinition | undefined {
  const name = sub.replace(/^\//, "").toLowerCase();
  if (name === "tollwatch" || (name === "help" && findCommand("tollwatch"))) return undefined;
  return findCommand(name);
}

/** `/tollwatch sources x` runs the registry command `sources` with text `x`. */
export function resolveTollwatch(text: string): Resolved {
  const [first = "help", ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const own = tollwatchTarget(first);
  if (own) return resolveText(own.name, rest.join(" "));
  if (findCommand("tollwatch")) return resolveText("tollwatch", text.trim() || "help");
  return { name: first.toLowerCase(), command: undefined, args: {} };
}

/** The options a `/tollwatch` subcommand takes in Discord; undefined when nothing can run it. */
export function subcommandOptions(sub: string): CommandOption[] | undefined {
  const own = tollwatchTarget(sub);
  if (own) return own.options;
  if (!findCommand("tollwatch")) return undefined;
  return sub === "help" ? [] : [PASS_THROUGH_OPTION];
}

export const ADMIN_REFUSAL = "Only members who can manage this server can do that.";

/** Runs a resolved command; admin commands are refused unless the caller is allowed to administer. */
export function runResolved(deps: SurfaceDeps, resolved: Resolved, canAdminister: boolean): Reply {
  if (resolved.command?.admin && !canAdminister)
    return errorReply(resolved.name, ADMIN_REFUSAL, "Ask someone with the Manage Server permission.");
  const now = deps.now?.() ?? new Date();
  return runCommand({ store: deps.store, now }, resolved.name, resolved.args);
}

/** Which registry commands the chat surfaces expose right now. */
export function chatCommands(): CommandDefinition[] {
  return CHAT_COMMANDS.map((n) => findCommand(n)).filter((c): c is CommandDefinition => c !== undefined);
}
