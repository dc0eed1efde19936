// The runtime behind `tollwatch start` / `npm start`: store, first-run seeds, the web console, Slack
// and Discord when their tokens are set, polling and the outbox dispatcher; stop() undoes it all.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pino from "pino";
import type { RunningSurface, SurfaceDeps } from "./chat/surface.js";
import { type RunningWeb, startWeb } from "./chat/web/server.js";
import { alertDestinations, type Config } from "./config.js";
import { formatError } from "./core/result.js";
import { Dispatcher } from "./deliver/dispatcher.js";
import { defaultSteps } from "./ingest/default-steps.js";
import { type IngestOutcome, ingestDraft, type PipelineSteps } from "./ingest/pipeline.js";
import { expandInputs, readInput } from "./ingest/read.js";
import { createLogger } from "./log.js";
import type { PollDeps } from "./poll/deps.js";
import { DEFAULT_INBOX } from "./poll/inbox.js";
import { type Poller, type PollResult, startPoller } from "./poll/scheduler.js";
import { countArticles } from "./store/articles.js";
import { DEFAULT_DB_PATH, Store } from "./store/store.js";

export const SEEDS_DIR = fileURLToPath(new URL("../seeds/", import.meta.url));

export interface AppOptions {
  config: Config;
  log?: pino.Logger;
  /** Default: TOLLWATCH_DB, else db/tollwatch.sqlite. */
  dbPath?: string;
  /** Overrides TOLLWATCH_PORT (tests use 0). */
  port?: number;
  seedsDir?: string;
  /** Default: TOLLWATCH_INBOX, else db/inbox. */
  inbox?: string;
  /** Where the startup report goes (one line per call); default stdout. */
  print?: (line: string) => void;
  now?: () => Date;
  /** Run the cron schedule (default true); tests poll with pollOnce() instead. */
  schedule?: boolean;
  /** How often the dispatcher looks at the outbox (default 1 s). */
  dispatchIntervalMs?: number;
  /** The ingest pipeline for given alert destinations; default extraction and reconciliation. */
  steps?: (destinations: readonly string[]) => PipelineSteps;
  /** Test hook: the guarded fetch the feed poller uses. */
  fetch?: PollDeps["fetch"];
}

export interface App {
  store: Store;
  web: RunningWeb;
  /** The web console's address. */
  url: string;
  surfaces: RunningSurface[];
  dispatcher: Dispatcher;
  /** Articles stored from seeds/ on this start (empty when the database already had articles). */
  seeded: IngestOutcome[];
  /** Polls feeds and the inbox now, then delivers what they raised. */
  pollOnce(): Promise<PollResult>;
  stop(): Promise<void>;
}

async function ingestSeeds(
  store: Store,
  dir: string,
  steps: PipelineSteps,
  print: (line: string) => void,
  now: () => Date,
): Promise<IngestOutcome[]> {
  const { inputs, errors } = await expandInputs([dir]);
  for (const e of errors) print(`seeds: ${e.message}`);
  const stored: IngestOutcome[] = [];
  for (const ref of inputs) {
    const read = await readInput(ref, { allowPrivate: false });
    if (!read.ok) {
      print(`  refused ${path.basename(ref.value)}: ${formatError(read.error)}`);
      continue;
    }
    for (const draft of read.value) {
      const out = ingestDraft(store, draft, steps, { now: now() });
      stored.push(out);
      const title = out.title ?? draft.file ?? "(untitled)";
      print(
        `  #${out.articleId} ${out.status === "new" ? "stored" : "already stored"}: ${title} — ${out.figures} figures, ${out.statements} statements`,
      );
    }
  }
  const figures = stored.reduce((n, o) => n + o.figures, 0);
  const statements = stored.reduce((n, o) => n + o.statements, 0);
  print(
    `Seeded ${stored.filter((o) => o.status === "new").length} articles (${figures} figures, ${statements} statements).`,
  );
  return stored;
}

type SurfaceStarter = (deps: SurfaceDeps) => Promise<RunningSurface>;

/** Loads a chat adapter only when it is configured, so the default needs neither module. */
async function startOptional(
  name: string,
  load: () => Promise<SurfaceStarter>,
  deps: SurfaceDeps,
  print: (line: string) => void,
): Promise<RunningSurface | null> {
  try {
    const start = await load();
    const surface = await start(deps);
    print(`${name} is on.`);
    return surface;
  } catch (e) {
    print(`${name} did not start: ${(e as Error).message}`);
    deps.log.error({ err: e }, `${name} did not start`);
    return null;
  }
}

export async function startApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const steps = options.steps ?? defaultSteps;
  const destinations = alertDestinations(config);
  const dbPath = options.dbPath ?? config.TOLLWATCH_DB ?? DEFAULT_DB_PATH;
  const store = Store.open(dbPath);
  const stops: (() => Promise<void> | void)[] = [() => store.close()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (e) {
        log.error({ err: e }, "error while stopping");
      }
    }
  };
  try {
    let seeded: IngestOutcome[] = [];
    if (countArticles(store) === 0) {
      print(`First run: reading the seed articles into ${dbPath}`);
      seeded = await ingestSeeds(store, options.seedsDir ?? SEEDS_DIR, steps(destinations), print, now);
    } else {
      print(`Database ${dbPath}: ${countArticles(store)} articles.`);
    }

    const deps: SurfaceDeps = { config, store, log, now };
    const web = await startWeb({ ...deps, ...(options.port === undefined ? {} : { port: options.port }) });
    stops.push(() => web.stop());
    const surfaces: RunningSurface[] = [web];
    if (config.SLACK_BOT_TOKEN) {
      const slack = await startOptional(
        "Slack",
        async () => (await import("./chat/slack/index.js")).startSlack,
        deps,
        print,
      );
      if (slack) {
        surfaces.push(slack);
        stops.push(() => slack.stop());
      }
    }
    if (config.DISCORD_TOKEN) {
      // the adapter module is resolved at run time: the default runs without it
      const discordModule = "./chat/discord/index.js";
      const discord = await startOptional(
        "Discord",
        async () => ((await import(discordModule)) as { startDiscord: SurfaceStarter }).startDiscord,
        deps,
        print,
      );
      if (discord) {
        surfaces.push(discord);
        stops.push(() => discord.stop());
      }
    }

    const dispatcher = new Dispatcher({
      store,
      log,
      now,
      destinations: surfaces.map((s) => s.destination),
    });
    dispatcher.start(options.dispatchIntervalMs ?? 1000);
    stops.push(() => dispatcher.stop());

    const inbox = options.inbox ?? config.TOLLWATCH_INBOX ?? DEFAULT_INBOX;
    const poller: Poller = startPoller({
      store,
      log,
      now,
      steps,
      destinations: () => destinations,
      allowPrivate: config.TOLLWATCH_ALLOW_PRIVATE_URLS,
      ...(config.TOLLWATCH_FETCH_TIMEOUT_MS ? { fetchTimeoutMs: config.TOLLWATCH_FETCH_TIMEOUT_MS } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      inbox,
      ...(options.schedule === false ? {} : { cron: config.TOLLWATCH_POLL_CRON }),
    });
    stops.push(() => poller.stop());
    // deliver what the first-run seeds raised straight away
    void dispatcher.tick().catch((e: Error) => log.error({ err: e }, "dispatcher pass failed"));

    print(`Web console: ${web.url}`);
    print(
      `Polling feeds and ${inbox}${options.schedule === false ? " on demand" : ` on "${config.TOLLWATCH_POLL_CRON}"`}.`,
    );
    return {
      store,
      web,
      url: web.url,
      surfaces,
      dispatcher,
      seeded,
      async pollOnce() {
        const result = await poller.pollOnce();
        await dispatcher.tick();
        return result;
      },
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
