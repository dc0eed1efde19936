// The neutral reply model: every command returns one, every surface (Slack, Discord, web, CLI)
// renders it. Text in a reply is plain text, never markup: renderers escape it for their platform.

export interface ReplyLink {
  label: string;
  url: string;
}

export interface ReplyItem {
  text: string;
  /** Secondary line: outlet, date, qualifier in words. */
  meta?: string;
  links?: ReplyLink[];
}

export type ReplyBlock =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "fields"; fields: { label: string; value: string }[] }
  | { kind: "list"; items: ReplyItem[] }
  /** A warning the reader must not miss (an open disagreement). */
  | { kind: "alert"; text: string }
  | { kind: "divider" };

export interface Reply {
  command: string;
  /** False when the reply is an error for the user (rendered ephemeral in chat). */
  ok: boolean;
  title: string;
  blocks: ReplyBlock[];
  /** Machine-readable payload: what `--json` prints and `POST /api/command` returns under `data`. */
  data: unknown;
}

export const errorReply = (command: string, message: string, hint?: string): Reply => ({
  command,
  ok: false,
  title: message,
  blocks: hint ? [{ kind: "text", text: hint }] : [],
  data: { error: message, ...(hint ? { hint } : {}) },
});
