// The slash-command JSON Discord registers, built from the command registry, and the deploy call.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";
import type { CommandDefinition, CommandOption } from "../../core/command.js";
import { chatCommands, subcommandOptions, TOLLWATCH_SUBCOMMANDS, tollwatchTarget } from "../dispatch.js";
import { cut } from "../render/escape.js";

type Body = RESTPostAPIChatInputApplicationCommandsJSONBody;
type StringOption = {
  type: ApplicationCommandOptionType.String;
  name: string;
  description: string;
  required: boolean;
  autocomplete?: boolean;
};

// Discord: names 1-32 lowercase letters, digits, - and _; descriptions 1-100 characters
const name = (n: string) =>
  n
    .toLowerCase()
    .replace(/[^-_\p{L}\p{N}]/gu, "-")
    .slice(0, 32);
const description = (d: string, fallback: string) => cut(d.trim() || fallback, 100);

function stringOptions(options: CommandOption[]): StringOption[] {
  // Discord wants required options before optional ones
  return [...options]
    .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false))
    .map((o) => ({
      type: ApplicationCommandOptionType.String,
      name: name(o.name),
      description: description(o.description, o.name),
      required: o.required ?? false,
      ...(o.autocomplete ? { autocomplete: true } : {}),
    }));
}

const manageGuild = PermissionFlagsBits.ManageGuild.toString();

function topLevel(c: CommandDefinition): Body {
  return {
    type: ApplicationCommandType.ChatInput,
    name: name(c.name),
    description: description(c.description, c.name),
    options: stringOptions(c.options),
    // hidden from members without Manage Server; the bot checks again when it runs
    ...(c.admin ? { default_member_permissions: manageGuild } : {}),
  };
}

/** `/toll`, `/who-said` (when registered) and `/tollwatch` with a subcommand per admin command. */
export function buildCommandJson(): Body[] {
  const subcommands = TOLLWATCH_SUBCOMMANDS.flatMap((sub) => {
    const options = subcommandOptions(sub);
    if (!options) return [];
    const def = tollwatchTarget(sub);
    return [
      {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: sub,
        description: description(
          def?.description ?? (sub === "help" ? "What tollwatch can answer" : `tollwatch ${sub}`),
          sub,
        ),
        options: stringOptions(options),
      },
    ];
  });
  return [
    ...chatCommands().map(topLevel),
    {
      type: ApplicationCommandType.ChatInput,
      name: "tollwatch",
      description: "tollwatch: help, sources, stories, feeds",
      options: subcommands,
    },
  ];
}

export interface DeployOptions {
  token: string;
  /** DISCORD_API_URL; default Discord's. */
  api?: string;
  /** DISCORD_APP_ID; asked from Discord when missing. */
  appId?: string;
  /** DISCORD_GUILD_ID: register in one server (instant) instead of globally (up to an hour). */
  guildId?: string;
}

export interface Deployed {
  appId: string;
  guildId?: string;
  names: string[];
}

export async function deployCommands(options: DeployOptions): Promise<Deployed> {
  const rest = new REST({ ...(options.api ? { api: options.api } : {}), retries: 1 }).setToken(options.token);
  const appId = options.appId ?? ((await rest.get(Routes.oauth2CurrentApplication())) as { id: string }).id;
  const body = buildCommandJson();
  const route = options.guildId
    ? Routes.applicationGuildCommands(appId, options.guildId)
    : Routes.applicationCommands(appId);
  const result = (await rest.put(route, { body })) as { name: string }[];
  return {
    appId,
    ...(options.guildId ? { guildId: options.guildId } : {}),
    names: result.map((c) => c.name),
  };
}
