// Casualty figures with their originators. (Filled in by the extraction issue.)
import type { Figure } from "../core/types.js";
import type { Doc } from "./doc.js";

export function extractFigures(_doc: Doc): Figure[] {
  return [];
}
