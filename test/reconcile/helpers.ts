// Shared by the reconcile tests: databases, hand-built figures, an extract step that returns them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ArticleDraft, Extraction, Figure, Statement } from "../../src/core/types.js";
import type { PipelineSteps } from "../../src/ingest/pipeline.js";
import { DEFAULT_DESTINATIONS, reconcileSteps } from "../../src/reconcile/apply.js";
import { Store } from "../../src/store/store.js";

export function tempStore(): { store: Store; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tw-rec-"));
  const store = Store.open(path.join(dir, "t.sqlite"));
  return {
    store,
    cleanup: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function fig(partial: Partial<Figure> & Pick<Figure, "count">): Figure {
  return {
    measure: "killed",
    group: "total",
    qualifier: "exact",
    source: null,
    sourceSurface: null,
    text: `${partial.count} ${partial.measure ?? "killed"}`,
    start: 0,
    end: 1,
    ...partial,
  };
}

export function quote(partial: Partial<Statement> & Pick<Statement, "quote">): Statement {
  return {
    speaker: null,
    speakerSurface: null,
    role: null,
    kind: "official",
    text: partial.quote,
    start: 0,
    end: 1,
    ...partial,
  };
}

export function draft(text: string, extra: Partial<ArticleDraft> = {}): ArticleDraft {
  return { url: null, file: null, title: null, outlet: null, published: null, text, ...extra };
}

/** Steps whose extractor answers from a table keyed by article text. */
export function stepsFor(
  table: Map<string, Extraction>,
  destinations: readonly string[] = DEFAULT_DESTINATIONS,
): PipelineSteps {
  return {
    extract: (input) => table.get(input.text) ?? { figures: [], statements: [] },
    ...reconcileSteps({ destinations }),
  };
}
