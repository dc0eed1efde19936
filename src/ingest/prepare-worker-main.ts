// A prepare worker thread: drafts in, what ingest computes from them out (prepare.ts), in order.
// Runs bundled into plain JavaScript by prepare-pool.ts.
import { parentPort } from "node:worker_threads";
import type { ArticleDraft } from "../core/types.js";
import { encodePrepared, type PreparedText, prepareDraft } from "./prepare.js";

export type PrepareRequest = { id: number; drafts: ArticleDraft[] };
export type PrepareResponse =
  | { id: number; ok: true; prepared: PreparedText[] }
  | { id: number; ok: false; message: string };

parentPort?.on("message", (req: PrepareRequest) => {
  let res: PrepareResponse;
  try {
    res = { id: req.id, ok: true, prepared: req.drafts.map((d) => encodePrepared(prepareDraft(d))) };
  } catch (e) {
    res = { id: req.id, ok: false, message: (e as Error).message };
  }
  parentPort?.postMessage(res);
});
