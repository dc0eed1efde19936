// Child process of the hostile-files test: reads each file with readInput, one after the other, and
// reports each outcome with the process's peak memory so far (the kernel's maxRSS) as one JSON line.
// Usage: node --import tsx test/reliability/read-child.ts FILE...
import path from "node:path";
import { readInput } from "../../src/ingest/read.js";

for (const file of process.argv.slice(2)) {
  // announced first: if reading it kills the process, the last line says which file did
  process.stdout.write(`${JSON.stringify({ reading: path.basename(file) })}\n`);
  const started = performance.now();
  const r = await readInput({ kind: "file", value: file }, { allowPrivate: false });
  const report = r.ok
    ? {
        ok: true,
        drafts: r.value.length,
        longestText: Math.max(0, ...r.value.map((d) => d.text.length)),
        texts: r.value.map((d) => d.text.slice(0, 200_000)),
      }
    : { ok: false, code: r.error.code, message: r.error.message };
  const ms = performance.now() - started;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name: path.basename(file), ...report, ms, maxRssMb })}\n`);
}
