// Escaping plain text for chat platforms. Reply text is plain text written by articles' authors; it
// must never become a mention, a channel ping or a link. Links are made only by the renderers.

/** Slack mrkdwn: `&`, `<` and `>` are the only control characters (`<!channel>`, `<@U1>`, `<url|x>`). */
export const escapeSlack = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Discord markdown: emphasis, code, spoilers, masked links ([x](url)), quotes, headings, mentions (<@1>).
// `:` too, so "http://x" in article text is not auto-linked.
const DISCORD_SPECIAL = new Set("\\*_~`|[]()<>:");

// a loop, not a regex replace: replies can carry thousands of these characters
function backslashSpecials(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (DISCORD_SPECIAL.has(text[i]!)) {
      out += `${text.slice(from, i)}\\`;
      from = i;
    }
  }
  return out + text.slice(from);
}

/**
 * Discord markdown: every formatting character is backslash-escaped, and `@everyone`/`@here` get a
 * zero-width space so they are not even shown as mentions (allowedMentions already stops the ping).
 */
export const escapeDiscord = (text: string): string =>
  backslashSpecials(text)
    // headings and lists only start a line
    .replace(/^(\s*)([#+-]|\d+\.)/gm, (_m, space: string, mark: string) =>
      mark.endsWith(".") ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    )
    .replace(/@(everyone|here)/gi, "@\u200b$1");

/** Only http(s) URLs become links; anything else (javascript:, slack://) is shown as text or dropped. */
export function safeUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  // characters that would end a Slack link or a Discord masked link early are percent-encoded
  return u.href.replace(
    /[|<>()\s"]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** `<url|label>` with the label escaped; `|` cannot be escaped in a Slack label, so it is replaced. */
export function slackLink(label: string, url: string): string {
  const href = safeUrl(url);
  const text = escapeSlack(label.replace(/\|/g, "¦").replace(/\s+/g, " ").trim() || "link");
  return href ? `<${escapeSlack(href)}|${text}>` : text;
}

/** `[label](url)` with the label escaped. */
export function discordLink(label: string, url: string): string {
  const href = safeUrl(url);
  const text = escapeDiscord(label.replace(/\s+/g, " ").trim() || "link");
  return href ? `[${text}](${href})` : text;
}

/**
 * The longest prefix of `text` whose escaped form fits in `max` characters, escaped, with "…" when
 * cut. Cutting before escaping keeps entities and backslash escapes whole.
 */
export function fitEscaped(text: string, max: number, esc: (s: string) => string): string {
  const whole = esc(text);
  if (whole.length <= max) return whole;
  // escaping never shortens text, so no prefix longer than `max` code points can fit
  const chars = Array.from(text).slice(0, max);
  // the longest prefix (in code points) whose escaped form leaves room for "…"
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (esc(chars.slice(0, mid).join("")).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${esc(chars.slice(0, lo).join(""))}…`;
}

/** Plain truncation for text that is already safe (rendered markup is never cut by this). */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const c of text) {
    if (out.length + c.length + 1 > max) break;
    out += c;
  }
  return `${out}…`;
}
