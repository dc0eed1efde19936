// The extractor: a pure function from article text to figures and statements.
// No database, no clock, no network.
import type { ExtractInput, Extraction } from "../core/types.js";
import { makeDoc } from "./doc.js";
import { extractFigures } from "./figures.js";
import { resolvePartitiveGroups } from "./partitive.js";
import { extractStatements } from "./statements.js";

export function extract(input: ExtractInput): Extraction {
  const doc = makeDoc(input.text);
  return {
    figures: resolvePartitiveGroups(extractFigures(doc), doc.text),
    statements: extractStatements(doc),
  };
}
