// Suggestions for the command box: command names, then story names and speakers for the command typed.
import { COMMANDS } from "../../../commands/index.js";
import { speakerCounts } from "../../store/statements.js";
import type { Store } from "../../store/store.js";
import { listStories } from "../../store/stories.js";

export const MAX_SUGGESTIONS = 20;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

/** Whole command lines the box can offer for what has been typed so far. */
export function suggest(store: Store, typed: string): string[] {
  const q = typed.replace(/^\s+/, "");
  const m = /^\/?([\w-]*)(\s+([\s\S]*))?$/.exec(q);
  const name = m?.[1]?.toLowerCase() ?? "";
  const rest = m?.[3];
  const commands = COMMANDS.filter((c) => !c.admin).map((c) => c.name);
  if (rest === undefined) {
    return commands.filter((c) => c.startsWith(name)).map((c) => `/${c}`);
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return [];
  const want = fold(rest.replace(/^--[\w-]+\s*/, "").trim());
  const out: string[] = [];
  for (const [i, option] of command.options.entries()) {
    // the first option takes the free text; the others are named
    const prefix = `/${name} ${i === 0 ? "" : `--${option.name} `}`;
    if (option.autocomplete === "speaker")
      for (const s of speakerCounts(store, undefined, 200))
        if (fold(s.speaker).includes(want)) out.push(`${prefix}${s.speaker}`);
    if (option.autocomplete === "story")
      for (const s of listStories(store)) if (fold(s.name).includes(want)) out.push(`${prefix}${s.name}`);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
