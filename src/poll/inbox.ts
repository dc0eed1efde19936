// The inbox folder: every file dropped there is ingested, then moved to done/, or to failed/ with a
// <name>.reason.txt beside it. Files whose names start with "." or end in .tmp/.part are still
// being written (write them under such a name and rename when complete).
import fs from "node:fs";
import path from "node:path";
import { formatError } from "../core/result.js";
import { ingestDraft } from "../ingest/pipeline.js";
import { readInput } from "../ingest/read.js";
import { clock, type PollDeps, pipelineFor } from "./deps.js";

export const DEFAULT_INBOX = "db/inbox";

export interface InboxResult {
  file: string;
  status: "done" | "failed";
  /** Articles stored (new) and already known (duplicates). */
  added: number;
  duplicates: number;
  reason?: string;
  /** Where the file went. */
  movedTo: string;
}

const inProgress = (name: string) => name.startsWith(".") || /\.(tmp|part|crdownload)$/i.test(name);

/** A free name in `dir`: the same name, else with a numeric suffix before the extension. */
function freeName(dir: string, name: string): string {
  if (!fs.existsSync(path.join(dir, name))) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}.${i}${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

function move(file: string, toDir: string): string {
  fs.mkdirSync(toDir, { recursive: true });
  const target = path.join(toDir, freeName(toDir, path.basename(file)));
  fs.renameSync(file, target);
  return target;
}

/** Files waiting in the inbox, in name order. */
export function inboxFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !inProgress(n))
    .sort()
    .map((n) => path.join(dir, n))
    .filter((p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    });
}

/** Ingests every file in the inbox once. */
export async function pollInbox(deps: PollDeps, dir: string): Promise<InboxResult[]> {
  fs.mkdirSync(dir, { recursive: true });
  const results: InboxResult[] = [];
  for (const file of inboxFiles(dir)) {
    const name = path.basename(file);
    let reason: string | null = null;
    let added = 0;
    let duplicates = 0;
    try {
      const read = await readInput({ kind: "file", value: file }, { allowPrivate: deps.allowPrivate });
      if (!read.ok) reason = formatError(read.error).replace(`${file}: `, "");
      else {
        const steps = pipelineFor(deps, deps.destinations());
        for (const draft of read.value) {
          const out = ingestDraft(deps.store, { ...draft, file: draft.file ?? name }, steps, {
            now: clock(deps),
          });
          if (out.status === "new") added++;
          else duplicates++;
        }
      }
    } catch (e) {
      reason = `ingest failed: ${(e as Error).message}`;
    }
    if (reason === null) {
      const movedTo = move(file, path.join(dir, "done"));
      deps.log?.info({ file: name, added, duplicates }, "inbox file ingested");
      results.push({ file: name, status: "done", added, duplicates, movedTo });
    } else {
      const movedTo = move(file, path.join(dir, "failed"));
      fs.writeFileSync(`${movedTo}.reason.txt`, `${reason}\n`);
      deps.log?.warn({ file: name }, `inbox file refused: ${reason}`);
      results.push({ file: name, status: "failed", added, duplicates, reason, movedTo });
    }
  }
  return results;
}
