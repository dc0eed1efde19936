// The pipeline as the product runs it: the real extractor, then reconciliation.
import { extract } from "../extract/index.js";
import type { PipelineSteps } from "./pipeline.js";

export function defaultSteps(): PipelineSteps {
  return { extract };
}
