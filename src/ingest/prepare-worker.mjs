// Entry of a prepare worker thread (prepare-pool.ts). Plain JavaScript so that it loads in any
// parent (tsx's command line, `bin/tollwatch.mjs`, vitest): it registers tsx's loader for this
// thread, then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./prepare-worker-main.ts");
