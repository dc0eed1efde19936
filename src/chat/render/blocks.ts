// Reply → Slack Block Kit, within Slack's limits: 50 blocks, 3,000 characters a section text, 10
// fields of 2,000 a section. What does not fit is cut and counted ("…and 7 more").
// Every piece of reply text is escaped; links are made only here, from reply links.
import type { Reply, ReplyBlock, ReplyItem } from "../../core/reply.js";
import { cut, escapeSlack, fitEscaped, slackLink } from "./escape.js";

export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION = 3000;
export const SLACK_MAX_FIELD = 2000;
export const SLACK_MAX_FIELDS = 10;
/** Titles are one line; longer ones are cut. */
export const SLACK_MAX_TITLE = 300;
/** The `text` fallback (notifications, screen readers); Slack truncates longer ones anyway. */
export const SLACK_MAX_FALLBACK = 3000;

// verbatim: Slack must not auto-link URLs, channel names or mentions in article text
type Mrkdwn = { type: "mrkdwn"; text: string; verbatim: true };
export type SlackBlock =
  | { type: "section"; text: Mrkdwn }
  | { type: "section"; fields: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "divider" };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string): SlackBlock => ({ type: "section", text: mrkdwn(text) });
// the title is a bold mrkdwn section rather than a header block: plain_text's handling of escaped
// entities is not documented, and mrkdwn's is
const title = (reply: Reply): SlackBlock =>
  section(
    `${reply.ok ? "" : ":x: "}*${fitEscaped(reply.title || reply.command, SLACK_MAX_TITLE, escapeSlack)}*`,
  );

/** A rendered block and how many reply items it carries (what "and N more" counts). */
interface Unit {
  block: SlackBlock;
  items: number;
}

function itemLine(item: ReplyItem): string {
  const parts = [`• ${escapeSlack(item.text)}`];
  if (item.meta) parts.push(`_${escapeSlack(item.meta)}_`);
  const links = (item.links ?? []).map((l) => slackLink(l.label, l.url));
  if (links.length) parts.push(links.join(" · "));
  return parts.join("\n");
}

/** Packs lines into sections of at most SLACK_MAX_SECTION characters; an overlong line is cut. */
function packLines(lines: string[]): Unit[] {
  const units: Unit[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length) units.push({ block: section(current.join("\n")), items: current.length });
    current = [];
    length = 0;
  };
  for (const raw of lines) {
    // a single line over the limit is cut; the cut never splits an entity because it only removes
    // whole characters from a line whose markup (links) sits at its end and is dropped with it
    const line = raw.length > SLACK_MAX_SECTION ? cutMarkup(raw, SLACK_MAX_SECTION) : raw;
    if (current.length && length + 1 + line.length > SLACK_MAX_SECTION) flush();
    current.push(line);
    length += (current.length > 1 ? 1 : 0) + line.length;
  }
  flush();
  return units;
}

/** Cuts rendered mrkdwn without leaving half an entity (`&am`) or half a link (`<http://x|`). */
function cutMarkup(text: string, max: number): string {
  let s = cut(text, max);
  s = s.replace(/&[a-z]{0,4}…$/, "…");
  const open = s.lastIndexOf("<");
  if (open > s.lastIndexOf(">")) s = `${s.slice(0, open)}…`;
  return s;
}

function splitText(text: string): string[] {
  const escaped = escapeSlack(text);
  if (escaped.length <= SLACK_MAX_SECTION) return [escaped];
  // long text continues in further sections, split between paragraphs, lines or words when it can
  const out: string[] = [];
  let rest = text;
  while (rest.length) {
    let piece = rest;
    while (escapeSlack(piece).length > SLACK_MAX_SECTION) {
      const limit = Math.floor(piece.length * 0.9);
      const at = Math.max(
        piece.lastIndexOf("\n\n", limit),
        piece.lastIndexOf("\n", limit),
        piece.lastIndexOf(" ", limit),
      );
      piece = piece.slice(0, at > 0 ? at : limit);
    }
    out.push(escapeSlack(piece));
    rest = rest.slice(piece.length).replace(/^\s+/, "");
  }
  return out;
}

function unitsFor(block: ReplyBlock): Unit[] {
  switch (block.kind) {
    case "heading":
      return [{ block: section(`*${fitEscaped(block.text, 2900, escapeSlack)}*`), items: 1 }];
    case "text":
      return splitText(block.text).map((t) => ({ block: section(t), items: 1 }));
    case "alert":
      return splitText(block.text).map((t, i) => ({
        block: section(i === 0 ? `:warning: *${t}*` : t),
        items: 1,
      }));
    case "divider":
      return [{ block: { type: "divider" }, items: 1 }];
    case "fields": {
      const units: Unit[] = [];
      for (let i = 0; i < block.fields.length; i += SLACK_MAX_FIELDS) {
        const chunk = block.fields.slice(i, i + SLACK_MAX_FIELDS);
        units.push({
          block: {
            type: "section",
            fields: chunk.map((f) =>
              mrkdwn(
                cutMarkup(
                  `*${fitEscaped(f.label, 200, escapeSlack)}*\n${escapeSlack(f.value)}`,
                  SLACK_MAX_FIELD,
                ),
              ),
            ),
          },
          items: chunk.length,
        });
      }
      return units;
    }
    case "list":
      return packLines(block.items.map(itemLine));
  }
}

/** Consecutive text sections share one block while they fit, so long replies use fewer blocks. */
function mergeSections(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const last = out.at(-1);
    const a =
      last && "text" in last.block && last.block.type === "section" ? last.block.text.text : undefined;
    const b = "text" in u.block && u.block.type === "section" ? u.block.text.text : undefined;
    if (last && a !== undefined && b !== undefined && a.length + 1 + b.length <= SLACK_MAX_SECTION) {
      out[out.length - 1] = { block: section(`${a}\n${b}`), items: last.items + u.items };
    } else out.push(u);
  }
  return out;
}

/** The plain fallback: the title and the first lines of text, escaped. */
function fallbackText(reply: Reply): string {
  const lines = [reply.title];
  for (const b of reply.blocks) {
    if (b.kind === "alert" || b.kind === "text" || b.kind === "heading") lines.push(b.text);
    if (b.kind === "list") lines.push(...b.items.map((i) => `• ${i.text}`));
  }
  return fitEscaped(lines.join("\n"), SLACK_MAX_FALLBACK, escapeSlack);
}

export function renderBlocks(reply: Reply): SlackMessage {
  const units: Unit[] = [
    {
      block: title(reply),
      items: 0,
    },
    ...reply.blocks.flatMap(unitsFor),
  ];
  units.splice(1, units.length - 1, ...mergeSections(units.slice(1)));
  let blocks = units.map((u) => u.block);
  if (units.length > SLACK_MAX_BLOCKS) {
    const kept = units.slice(0, SLACK_MAX_BLOCKS - 1);
    const dropped = units.slice(SLACK_MAX_BLOCKS - 1).reduce((n, u) => n + u.items, 0);
    blocks = [
      ...kept.map((u) => u.block),
      { type: "context", elements: [mrkdwn(`…and ${dropped} more not shown here`)] },
    ];
  }
  return { text: fallbackText(reply), blocks };
}
