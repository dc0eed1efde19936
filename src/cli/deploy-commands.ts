// `tollwatch deploy-commands` (`npm run deploy-commands`): registers the Discord slash commands, in one
// server when DISCORD_GUILD_ID is set (instant), else globally (Discord may take up to an hour).
import type { Command } from "commander";
import { buildCommandJson, deployCommands } from "../chat/discord/commands.js";
import { CliExit, config, EXIT_REFUSED, printJsonLine } from "./common.js";

export function registerDeployCommands(program: Command): void {
  program
    .command("deploy-commands")
    .description("Register the Discord slash commands (DISCORD_GUILD_ID: one server, else globally)")
    .option("--print", "print the command JSON instead of registering it")
    .action(async (opts: { print?: boolean }) => {
      if (opts.print) {
        printJsonLine(buildCommandJson());
        return;
      }
      const c = config();
      if (!c.DISCORD_TOKEN) {
        process.stderr.write(
          "deploy-commands: set DISCORD_TOKEN (the bot token from the Developer Portal)\n",
        );
        throw new CliExit(EXIT_REFUSED);
      }
      try {
        const done = await deployCommands({
          token: c.DISCORD_TOKEN,
          ...(c.DISCORD_API_URL ? { api: c.DISCORD_API_URL } : {}),
          ...(c.DISCORD_APP_ID ? { appId: c.DISCORD_APP_ID } : {}),
          ...(c.DISCORD_GUILD_ID ? { guildId: c.DISCORD_GUILD_ID } : {}),
        });
        const where = done.guildId
          ? `in server ${done.guildId}`
          : "globally (Discord may take up to an hour to show them)";
        process.stdout.write(
          `Registered ${done.names.map((n) => `/${n}`).join(", ")} for application ${done.appId} ${where}.\n`,
        );
      } catch (e) {
        process.stderr.write(`deploy-commands: Discord refused: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
