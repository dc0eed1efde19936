// Reply → Discord embeds, within Discord's limits: title 256, description 4,096, 25 fields (name
// 256, value 1,024), 6,000 characters in all. What does not fit is cut and counted ("…and 7 more").
// Every piece of reply text is escaped; links are made only here, from reply links.
import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Reply, ReplyItem } from "../../core/reply.js";
import { discordLink, escapeDiscord, fitEscaped } from "./escape.js";

export const EMBED_MAX_TITLE = 256;
export const EMBED_MAX_DESCRIPTION = 4096;
export const EMBED_MAX_FIELDS = 25;
export const EMBED_MAX_FIELD_NAME = 256;
export const EMBED_MAX_FIELD_VALUE = 1024;
export const EMBED_MAX_TOTAL = 6000;

const COLOR_OK = 0x3b82f6;
const COLOR_ALERT = 0xe67e22;
const COLOR_ERROR = 0xd83c3e;

function itemLine(item: ReplyItem): string {
  const parts = [`• ${escapeDiscord(item.text)}`];
  if (item.meta) parts.push(`  *${escapeDiscord(item.meta)}*`);
  const links = (item.links ?? []).map((l) => discordLink(l.label, l.url));
  if (links.length) parts.push(`  ${links.join(" · ")}`);
  return parts.join("\n");
}

/** A description line and how many reply items it carries (what "and N more" counts). */
interface Line {
  text: string;
  items: number;
}

/** Joins lines up to `budget` characters; the rest is counted in a last "…and N more" line. */
function pack(lines: Line[], budget: number): string {
  const total = lines.reduce((n, l) => n + l.items, 0);
  const more = (n: number) => (n > 0 ? `\n…and ${n} more` : "");
  const out: string[] = [];
  let length = 0;
  let shown = 0;
  for (const line of lines) {
    const sep = out.length ? 1 : 0;
    const after = total - shown - line.items;
    if (length + sep + line.text.length + more(after).length <= budget) {
      out.push(line.text);
      length += sep + line.text.length;
      shown += line.items;
      continue;
    }
    if (out.length === 0) {
      // one huge first line (a long text block): show its start rather than nothing
      out.push(cutLine(line.text, budget - more(after).length));
      shown += line.items;
    }
    return `${out.join("\n")}${more(total - shown)}`.replace(/^\n/, "");
  }
  return out.join("\n");
}

/** Cuts rendered markdown without leaving a dangling backslash or half a masked link. */
function cutLine(text: string, max: number): string {
  let s = text.slice(0, Math.max(0, max - 1));
  const open = s.lastIndexOf("](");
  if (open >= 0 && s.indexOf(")", open) < 0) s = s.slice(0, s.lastIndexOf("[", open));
  s = s.replace(/\\+$/, (m) => (m.length % 2 ? m.slice(1) : m));
  return `${s}…`;
}

export function renderEmbeds(reply: Reply): APIEmbed[] {
  const lines: Line[] = [];
  const fields: APIEmbedField[] = [];
  let alert = false;
  for (const b of reply.blocks) {
    switch (b.kind) {
      case "heading":
        lines.push({ text: `**${escapeDiscord(b.text)}**`, items: 1 });
        break;
      case "text":
        lines.push({ text: escapeDiscord(b.text), items: 1 });
        break;
      case "alert":
        alert = true;
        lines.push({ text: `⚠️ **${escapeDiscord(b.text)}**`, items: 1 });
        break;
      case "divider":
        lines.push({ text: "", items: 0 });
        break;
      case "list":
        for (const item of b.items) lines.push({ text: itemLine(item), items: 1 });
        break;
      case "fields":
        for (const f of b.fields)
          fields.push({
            name: fitEscaped(f.label || "—", EMBED_MAX_FIELD_NAME, escapeDiscord),
            value: fitEscaped(f.value || "—", EMBED_MAX_FIELD_VALUE, escapeDiscord),
            inline: true,
          });
        break;
    }
  }
  const title = fitEscaped(reply.title || reply.command, EMBED_MAX_TITLE, escapeDiscord);
  // fields get at most two thirds of the 6,000 characters; the rest are counted in a last field
  const fieldBudget = Math.floor((EMBED_MAX_TOTAL - title.length) * (2 / 3));
  let shownFields: APIEmbedField[] = [];
  let used = 0;
  for (const [i, f] of fields.entries()) {
    const left = fields.length - i - 1;
    const reserve = left > 0 ? 40 : 0;
    const fits = shownFields.length < (left > 0 ? EMBED_MAX_FIELDS - 1 : EMBED_MAX_FIELDS);
    if (!fits || used + f.name.length + f.value.length + reserve > fieldBudget) {
      shownFields = [...shownFields, { name: "…", value: `and ${fields.length - i} more`, inline: false }];
      break;
    }
    shownFields.push(f);
    used += f.name.length + f.value.length;
  }
  const fieldChars = shownFields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  // the description gets what the title and fields leave of the 6,000 in all
  const budget = Math.min(EMBED_MAX_DESCRIPTION, EMBED_MAX_TOTAL - title.length - fieldChars);
  const description = pack(lines, Math.max(0, budget));
  const embed: APIEmbed = {
    title,
    color: reply.ok ? (alert ? COLOR_ALERT : COLOR_OK) : COLOR_ERROR,
    ...(description ? { description } : {}),
    ...(shownFields.length ? { fields: shownFields } : {}),
  };
  return [embed];
}

/** Characters Discord counts toward the 6,000 limit of a message's embeds. */
export function embedLength(embeds: APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
