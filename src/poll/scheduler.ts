// The polling schedule (node-cron, TOLLWATCH_POLL_CRON): feeds, then the inbox, never overlapping.
import cron, { type ScheduledTask } from "node-cron";
import type { PollDeps } from "./deps.js";
import { type FeedPollResult, pollFeeds } from "./feeds.js";
import { type InboxResult, pollInbox } from "./inbox.js";

export interface PollResult {
  feeds: FeedPollResult[];
  inbox: InboxResult[];
}

export interface Poller {
  /** One poll of due feeds and the inbox, now (tests and `tollwatch feeds poll` call it directly). */
  pollOnce(): Promise<PollResult>;
  stop(): Promise<void>;
}

export interface PollerOptions extends PollDeps {
  /** Cron expression; without one nothing is scheduled and only pollOnce() polls. */
  cron?: string;
  inbox: string;
}

export function startPoller(options: PollerOptions): Poller {
  const run = async (): Promise<PollResult> => ({
    feeds: await pollFeeds(options),
    inbox: await pollInbox(options, options.inbox),
  });
  // polls run one after another: one asked for while another runs starts when that one ends,
  // so it still sees files dropped in the meantime
  let last: Promise<unknown> = Promise.resolve();
  const pollOnce = (): Promise<PollResult> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  let task: ScheduledTask | null = null;
  if (options.cron) {
    task = cron.schedule(
      options.cron,
      async () => {
        try {
          const r = await pollOnce();
          const added = [...r.feeds, ...r.inbox].reduce((n, x) => n + x.added, 0);
          if (added || r.inbox.length)
            options.log?.info(
              { feeds: r.feeds.length, inbox: r.inbox.length, added },
              `poll: ${added} new article${added === 1 ? "" : "s"}`,
            );
        } catch (e) {
          options.log?.error({ err: e }, "poll failed");
        }
      },
      { noOverlap: true, name: "tollwatch-poll" },
    );
  }
  return {
    pollOnce,
    async stop() {
      if (task) await task.destroy();
      task = null;
      await last;
    },
  };
}
