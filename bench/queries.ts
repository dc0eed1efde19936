// Times /toll and /who-said as every surface runs them: through the command registry.
import { COMMANDS, parseCommandText, runCommand } from "../commands/index.js";
import type { CommandContext } from "../src/core/command.js";
import type { Store } from "../src/store/store.js";
import { listStories } from "../src/store/stories.js";
import { mix, rng } from "./corpus.js";

export interface QueryTiming {
  queries: number;
  p50: number;
  p99: number;
  /** Replies with ok: false (a query that found nothing is still ok). */
  errors: number;
}

export const hasCommand = (name: string) => COMMANDS.some((c) => c.name === name);

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

function time(ctx: CommandContext, texts: readonly string[]): QueryTiming {
  const ms: number[] = [];
  let errors = 0;
  // a few untimed runs so the first timed query does not pay for statement preparation
  for (const t of texts.slice(0, 10)) {
    const { name, args } = parseCommandText(t);
    runCommand(ctx, name, args);
  }
  for (const t of texts) {
    const { name, args } = parseCommandText(t);
    const start = process.hrtime.bigint();
    const reply = runCommand(ctx, name, args);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!reply.ok) errors++;
  }
  ms.sort((a, b) => a - b);
  return { queries: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), errors };
}

const WORDS = ["rubble", "justice", "tents", "night", "warned", "serious", "community", "house", "teams"];
const NAMES = ["Haddad", "Okafor", "Sharma", "Rahman", "Quispe", "Wibowo", "Demir", "Aung", "Saleh", "Thapa"];

/**
 * `/toll` for the default story and for stories picked at random, the same number of each whatever
 * the database size, so that 1k and 100k are compared like for like.
 */
export function timeToll(store: Store, seed: number, count = 400): QueryTiming {
  const names = listStories(store).map((s) => s.name);
  const r = rng(mix(seed, 7, names.length));
  const texts = Array.from({ length: count }, (_, i) =>
    i % 2 === 0 || !names.length ? "/toll" : `/toll ${names[Math.floor(r() * names.length)]}`,
  );
  return time({ store, now: new Date() }, texts);
}

/** `/who-said` with words, with a speaker, with both, and with no query (speaker counts). */
export function timeWhoSaid(store: Store, seed: number, count = 400): QueryTiming {
  const r = rng(mix(seed, 8, 0));
  const pick = (xs: readonly string[]) => xs[Math.floor(r() * xs.length)]!;
  const texts = Array.from({ length: count }, (_, i) => {
    switch (i % 4) {
      case 0:
        return `/who-said ${pick(WORDS)}`;
      case 1:
        return `/who-said --speaker ${pick(NAMES)}`;
      case 2:
        return `/who-said ${pick(WORDS)} --speaker ${pick(NAMES)}`;
      default:
        return "/who-said";
    }
  });
  return time({ store, now: new Date() }, texts);
}
