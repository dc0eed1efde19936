// A slash command is declared once (name, options, handler) and every surface builds on that.
import type { Store } from "../store/store.js";
import type { Reply } from "./reply.js";

export interface CommandOption {
  name: string;
  description: string;
  required?: boolean;
  /** Which values chat surfaces may suggest. */
  autocomplete?: "story" | "speaker";
}

export interface CommandContext {
  store: Store;
  /** Clock, passed in so answers are testable. */
  now: Date;
}

/** Parsed arguments: the free text (`query`) plus named options. */
export type CommandArgs = Record<string, string | undefined>;

export interface CommandDefinition {
  name: string;
  description: string;
  /** The first option takes the free text after the command name ("/toll syria"). */
  options: CommandOption[];
  /** Only members allowed to administer the bot may run it (feeds add/remove). */
  admin?: boolean;
  handler(ctx: CommandContext, args: CommandArgs): Reply;
}
