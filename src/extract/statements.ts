// Quoted statements with their speakers. (Filled in by the extraction issue.)
import type { Statement } from "../core/types.js";
import type { Doc } from "./doc.js";

export function extractStatements(_doc: Doc): Statement[] {
  return [];
}
