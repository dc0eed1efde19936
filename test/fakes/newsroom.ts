// A store as a newsroom would have it for surface tests: the seed articles through the real pipeline,
// plus an article quoting many speakers whose names share a prefix (autocomplete must cap at 25).
import fs from "node:fs";
import path from "node:path";
import type { Statement } from "../../src/core/types.js";
import { defaultSteps } from "../../src/ingest/default-steps.js";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import { readInput } from "../../src/ingest/read.js";
import { Store } from "../../src/store/store.js";

export const MANY_SPEAKERS_PREFIX = "Rahimi";
export const MANY_SPEAKERS = Array.from({ length: 30 }, (_, i) => `${MANY_SPEAKERS_PREFIX} Aide ${i + 1}`);

export async function newsroomStore(file = ":memory:"): Promise<Store> {
  const store = Store.open(file);
  const seeds = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt"));
  for (const f of seeds.sort()) {
    const read = await readInput({ kind: "file", value: path.join("seeds", f) }, { allowPrivate: false });
    if (!read.ok) throw new Error(`cannot read ${f}`);
    for (const draft of read.value) ingestDraft(store, draft, defaultSteps());
  }
  const text = MANY_SPEAKERS.map((s) => `"We are counting," said ${s}.`).join(" ");
  const statements: Statement[] = MANY_SPEAKERS.map((speaker) => ({
    speaker,
    speakerSurface: speaker,
    role: null,
    quote: "We are counting",
    kind: "official",
    text,
    start: 0,
    end: 10,
  }));
  ingestDraft(
    store,
    { url: null, file: "many-speakers.txt", title: "Aides", outlet: null, published: "2025-03-11", text },
    { extract: () => ({ figures: [], statements }) },
  );
  return store;
}
