// Shared by CLI commands: config, database path, exit codes.
import { loadConfig } from "../config.js";
import { formatError } from "../core/result.js";
import { DEFAULT_DB_PATH, Store } from "../store/store.js";

export const EXIT_OK = 0;
/** Bad input or usage: something was refused. */
export const EXIT_REFUSED = 2;

export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function config() {
  const c = loadConfig();
  if (!c.ok) {
    process.stderr.write(`${formatError(c.error)}\n`);
    throw new CliExit(EXIT_REFUSED);
  }
  return c.value;
}

/** --db PATH, else TOLLWATCH_DB, else db/tollwatch.sqlite. */
export function dbPath(option: string | undefined): string {
  return option ?? config().TOLLWATCH_DB ?? DEFAULT_DB_PATH;
}

export function openStore(option: string | undefined): Store {
  return Store.open(dbPath(option));
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** A plain-text table for humans. */
export function table(rows: string[][]): string {
  if (!rows.length) return "";
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "))
    .join("\n");
}

/** A feed item that was passed over (its page could not be read): said on stderr, not fatal. */
export function warnSkipped(message: string): void {
  process.stderr.write(`skipped: ${message}\n`);
}
