// What the runtime (src/app.ts) needs from each chat surface: start it, deliver alerts, stop it.
import type pino from "pino";
import type { Config } from "../config.js";
import type { AlertDestination } from "../core/alert.js";
import type { Store } from "../store/store.js";

export interface SurfaceDeps {
  config: Config;
  store: Store;
  log: pino.Logger;
  /** Clock for answers; defaults to the real one. */
  now?: () => Date;
}

export interface RunningSurface {
  name: "web" | "slack" | "discord";
  destination: AlertDestination;
  stop(): Promise<void>;
}
