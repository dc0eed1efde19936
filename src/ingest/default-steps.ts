// The pipeline as the product runs it: the real extractor, then reconciliation.
import { extract } from "../extract/index.js";
import { DEFAULT_DESTINATIONS, reconcileSteps } from "../reconcile/apply.js";
import type { PipelineSteps } from "./pipeline.js";

/** `destinations`: where new alerts are delivered (the runtime passes ["web", "slack", "discord"]). */
export function defaultSteps(destinations: readonly string[] = DEFAULT_DESTINATIONS): PipelineSteps {
  return { extract, extractsInWorkers: true, ...reconcileSteps({ destinations }) };
}
