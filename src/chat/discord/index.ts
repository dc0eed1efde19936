// Discord surface (discord.js): slash commands and autocomplete in, embeds out, alerts to a channel.
// Guilds intent only; no message may mention anyone (allowedMentions empty, also the client default).
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
} from "discord.js";
import { findCommand } from "../../../commands/index.js";
import type { Alert, DeliveryOutcome } from "../../core/alert.js";
import type { CommandArgs, CommandOption } from "../../core/command.js";
import { MAX_SUGGESTIONS, suggestSpeakers, suggestStories } from "../../store/suggest.js";
import { type Resolved, resolveText, runResolved, subcommandOptions, tollwatchTarget } from "../dispatch.js";
import { alertReply } from "../render/alert.js";
import { renderEmbeds } from "../render/embeds.js";
import { cut, escapeDiscord, fitEscaped } from "../render/escape.js";
import type { RunningSurface, SurfaceDeps } from "../surface.js";
import { discordOutcome } from "./outcome.js";

export const NO_MENTIONS = { parse: [] as never[] };

export interface DiscordSurface extends RunningSurface {
  name: "discord";
  client: Client;
}

export interface DiscordOptions {
  /** How long an alert post may take before it counts as failed (the outbox tries again). */
  requestTimeoutMs?: number;
  /** How long to wait for the gateway's READY. */
  readyTimeoutMs?: number;
}

/** The registry command an interaction names, with its arguments and declared options. */
function resolveInteraction(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): Resolved & { options: CommandOption[] } {
  const read = (options: CommandOption[]): CommandArgs => {
    const args: CommandArgs = {};
    for (const o of options) {
      const v = interaction.options.get(o.name)?.value;
      if (typeof v === "string" && v.trim() !== "") args[o.name] = v;
    }
    return args;
  };
  if (interaction.commandName === "tollwatch") {
    const sub = interaction.options.getSubcommand(false) ?? "help";
    const options = subcommandOptions(sub);
    const own = tollwatchTarget(sub);
    if (own) return { name: own.name, command: own, args: read(own.options), options: own.options };
    if (options) {
      // only a `tollwatch` command handles it: hand it the subcommand and its text
      const text = read(options).text ?? "";
      return { ...resolveText("tollwatch", `${sub} ${text}`), options };
    }
    return { name: sub, command: undefined, args: {}, options: [] };
  }
  const command = findCommand(interaction.commandName);
  const options = command?.options ?? [];
  return { name: interaction.commandName, command, args: read(options), options };
}

async function onCommand(deps: SurfaceDeps, interaction: ChatInputCommandInteraction): Promise<void> {
  const resolved = resolveInteraction(interaction);
  const canAdminister = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  const reply = runResolved(deps, resolved, canAdminister);
  // errors are shown only to whoever asked
  await interaction.deferReply(reply.ok ? {} : { flags: MessageFlags.Ephemeral });
  await interaction.editReply({ embeds: renderEmbeds(reply), allowedMentions: NO_MENTIONS });
}

async function onAutocomplete(deps: SurfaceDeps, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const { options } = resolveInteraction(interaction);
  const kind = options.find((o) => o.name === focused.name)?.autocomplete;
  const typed = String(focused.value ?? "");
  const names =
    kind === "story"
      ? suggestStories(deps.store, typed)
      : kind === "speaker"
        ? suggestSpeakers(deps.store, typed)
        : [];
  // choice names and values: at most 100 characters each
  await interaction.respond(
    names.slice(0, MAX_SUGGESTIONS).map((n) => ({ name: cut(n, 100), value: cut(n, 100) })),
  );
}

export async function startDiscord(deps: SurfaceDeps, options: DiscordOptions = {}): Promise<DiscordSurface> {
  const { config, log } = deps;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error("DISCORD_TOKEN is not set");
  const api = config.DISCORD_API_URL;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(api ? { rest: { api } } : {}),
    allowedMentions: NO_MENTIONS,
  });
  // alerts go through their own REST manager: one attempt, 429s reported (not waited out), so the
  // outbox owns retries and a rate-limit storm cannot stall delivery
  const alertRest = new REST({
    ...(api ? { api } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
    timeout: options.requestTimeoutMs ?? 15_000,
  }).setToken(token);

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const run = interaction.isChatInputCommand()
      ? onCommand(deps, interaction)
      : interaction.isAutocomplete()
        ? onAutocomplete(deps, interaction)
        : Promise.resolve();
    run.catch((e: Error) => log.warn({ err: e.message }, "discord: could not answer an interaction"));
  });
  client.on(Events.Error, (e) => log.error({ err: e.message }, "discord: client error"));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("Discord gateway did not become ready")),
      options.readyTimeoutMs ?? 60_000,
    );
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(token);
    await ready;
  } catch (e) {
    await client.destroy();
    throw e;
  }
  log.info({ user: client.user?.tag }, "discord: connected");

  const channelId = config.DISCORD_ALERT_CHANNEL_ID;
  return {
    name: "discord",
    client,
    destination: {
      name: "discord",
      async deliver(alert: Alert): Promise<DeliveryOutcome> {
        if (!channelId) return { ok: false, retryable: false, error: "DISCORD_ALERT_CHANNEL_ID is not set" };
        const reply = alertReply(alert);
        try {
          await alertRest.post(Routes.channelMessages(channelId), {
            body: {
              // the content is what notifications show; the embed carries the figures
              content: fitEscaped(`⚠️ ${reply.title}`, 2000, escapeDiscord),
              embeds: renderEmbeds(reply),
              allowed_mentions: NO_MENTIONS,
            },
          });
          return { ok: true };
        } catch (e) {
          return discordOutcome(e);
        }
      },
    },
    async stop() {
      await client.destroy();
    },
  };
}
