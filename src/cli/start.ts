// `tollwatch start` (what `npm start` runs): the bot with its web console until Ctrl-C.
import type { Command } from "commander";
import { validate } from "node-cron";
import { startApp } from "../app.js";
import type { Config } from "../config.js";
import { CliExit, config, EXIT_REFUSED } from "./common.js";

/** What `start` needs beyond the shared configuration schema: a valid cron schedule and port. */
export function startProblems(cfg: Config, portOption?: string): string[] {
  const problems: string[] = [];
  if (!validate(cfg.TOLLWATCH_POLL_CRON))
    problems.push('TOLLWATCH_POLL_CRON: should be a cron expression, e.g. "*/5 * * * *"');
  if (portOption !== undefined) {
    const port = Number(portOption);
    if (!(portOption.trim() !== "" && Number.isInteger(port) && port >= 0 && port <= 65535))
      problems.push("--port: should be a port number from 0 to 65535");
  }
  return problems;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("Run the bot: web console, polling, alerts (Slack and Discord when their tokens are set)")
    .option("--db <path>", "database file (default: $TOLLWATCH_DB or db/tollwatch.sqlite)")
    .option("--port <port>", "web console port (default: $TOLLWATCH_PORT or 8787)")
    .action(async (opts: { db?: string; port?: string }) => {
      const cfg = config();
      const port = opts.port === undefined ? undefined : Number(opts.port);
      const problems = startProblems(cfg, opts.port);
      if (problems.length) {
        process.stderr.write(`Bad configuration:\n  ${problems.join("\n  ")}\n`);
        throw new CliExit(EXIT_REFUSED);
      }
      // listen for Ctrl-C before starting, so a signal during startup also stops cleanly
      let signalled: NodeJS.Signals | null = null;
      let wake: () => void = () => {};
      const stopRequested = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const onSignal = (signal: NodeJS.Signals) => {
        if (signalled) return;
        signalled = signal;
        wake();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        let app: Awaited<ReturnType<typeof startApp>>;
        try {
          app = await startApp({
            config: cfg,
            ...(opts.db ? { dbPath: opts.db } : {}),
            ...(port === undefined ? {} : { port }),
          });
        } catch (e) {
          const err = e as NodeJS.ErrnoException;
          const message =
            err.code === "EADDRINUSE"
              ? `the web console's port is in use (${err.message}); set TOLLWATCH_PORT to another port`
              : err.message;
          process.stderr.write(`tollwatch: could not start: ${message}\n`);
          throw new CliExit(1);
        }
        if (!signalled) process.stdout.write("Press Ctrl-C to stop.\n");
        await stopRequested;
        process.stdout.write(`\n${signalled}: stopping…\n`);
        try {
          await app.stop();
        } catch (e) {
          process.stderr.write(`tollwatch: error while stopping: ${(e as Error).message}\n`);
        }
        process.stdout.write("Stopped.\n");
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}
