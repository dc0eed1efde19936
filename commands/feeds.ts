// /feeds add|list|remove URL (also `/tollwatch feeds ...` and `tollwatch feeds` on the command line):
// the RSS/Atom feeds the running bot polls. Adding and removing are for administrators.
import type { CommandDefinition } from "../src/core/command.js";
import { errorReply, type Reply } from "../src/core/reply.js";
import { addFeed, type FeedRow, listFeeds, removeFeed } from "../src/store/feeds.js";
import type { Store } from "../src/store/store.js";

const USAGE = "Use /feeds add URL, /feeds list or /feeds remove URL.";

function feedView(f: FeedRow) {
  return {
    id: f.id,
    url: f.url,
    title: f.title,
    disabled: f.disabled,
    failures: f.failures,
    lastError: f.last_error,
    lastPolledAt: f.last_polled_at,
    nextPollAt: f.next_poll_at,
    addedAt: f.added_at,
  };
}

function state(f: FeedRow): string {
  if (f.disabled) return `disabled after ${f.failures} failures (${f.last_error ?? "unknown error"})`;
  const parts = [
    f.last_polled_at ? `last read ${f.last_polled_at.slice(0, 16).replace("T", " ")} UTC` : "not read yet",
  ];
  if (f.failures)
    parts.push(`${f.failures} failure${f.failures === 1 ? "" : "s"} in a row: ${f.last_error ?? ""}`);
  if (f.next_poll_at) parts.push(`next try ${f.next_poll_at.slice(0, 16).replace("T", " ")} UTC`);
  return parts.join(" · ");
}

/** A feed address as given, if it is an http(s) URL without credentials. */
function feedUrl(raw: string | undefined): string | null {
  const text = raw?.trim().replace(/^<|>$/g, "");
  if (!text) return null;
  try {
    const u = new URL(text);
    if ((u.protocol !== "http:" && u.protocol !== "https:") || u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

export function feedsAdd(store: Store, raw: string | undefined, now: Date): Reply {
  const url = feedUrl(raw);
  if (!url)
    return errorReply("feeds", `"${(raw ?? "").slice(0, 200)}" is not an http(s) feed address.`, USAGE);
  const { feed, added } = addFeed(store, url, now);
  return {
    command: "feeds",
    ok: true,
    title: added ? `Following ${url}` : `Already following ${url}`,
    blocks: [
      {
        kind: "text",
        text: added
          ? "Its first poll reads the items already there and posts one digest; after that, each new article alerts as usual."
          : feed.failures === 0 && !feed.disabled
            ? "It is enabled and will be polled on the next schedule."
            : `State: ${state(feed)}`,
      },
    ],
    data: { action: "add", added, feed: feedView(feed) },
  };
}

export function feedsList(store: Store): Reply {
  const feeds = listFeeds(store);
  return {
    command: "feeds",
    ok: true,
    title: feeds.length ? `${feeds.length} feed${feeds.length === 1 ? "" : "s"}` : "No feeds yet",
    blocks: feeds.length
      ? [
          {
            kind: "list",
            items: feeds.map((f) => ({
              text: `#${f.id} ${f.title ? `${f.title} — ` : ""}${f.url}`,
              meta: state(f),
            })),
          },
        ]
      : [{ kind: "text", text: "Add one with /feeds add URL (an RSS or Atom address)." }],
    data: { action: "list", feeds: feeds.map(feedView) },
  };
}

export function feedsRemove(store: Store, raw: string | undefined): Reply {
  const target = raw?.trim().replace(/^<|>$/g, "");
  if (!target) return errorReply("feeds", "Which feed? Give its address or #id.", USAGE);
  const key = feedUrl(target) ?? target;
  if (!removeFeed(store, key) && !(key !== target && removeFeed(store, target)))
    return errorReply("feeds", `No feed ${target.slice(0, 200)} is followed.`, "See /feeds list.");
  return {
    command: "feeds",
    ok: true,
    title: `Stopped following ${target}`,
    blocks: [{ kind: "text", text: "Its articles stay in the database." }],
    data: { action: "remove", removed: target },
  };
}

export const feeds: CommandDefinition = {
  name: "feeds",
  description: "Feeds the bot polls: add URL, list, remove URL",
  admin: true,
  options: [
    { name: "action", description: "add, list or remove, optionally followed by the URL" },
    { name: "url", description: "the feed address (for add and remove)" },
  ],
  handler: ({ store, now }, args) => {
    const [verb = "list", ...rest] = (args.action ?? "").trim().split(/\s+/).filter(Boolean);
    const url = args.url ?? (rest.join(" ") || undefined);
    switch (verb.toLowerCase()) {
      case "add":
        return feedsAdd(store, url, now);
      case "list":
        return feedsList(store);
      case "remove":
      case "rm":
      case "delete":
        return feedsRemove(store, url);
      default:
        return errorReply("feeds", `Unknown feeds action "${verb.slice(0, 40)}".`, USAGE);
    }
  },
};
