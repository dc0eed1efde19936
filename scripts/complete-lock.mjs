#!/usr/bin/env node
// The package registry reachable from our machines serves only the platform builds it has
// mirrored, so `npm install` leaves other platforms' optional packages (Biome's darwin/win32/musl
// builds) out of package-lock.json, and `npm ci` then refuses the lock as out of sync.
// This adds the missing optional entries with their os/cpu, exactly as npm would record them;
// npm skips them on non-matching platforms, so nothing is fetched. Run after `npm install`.
import fs from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const platform = (name) => {
  const m =
    /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|arm|ia32|ppc64|s390x|riscv64|loong64)(-musl|-gnu)?$/.exec(
      name,
    );
  if (!m) return null;
  const entry = { os: [m[1]], cpu: [m[2]] };
  if (m[3] === "-musl") entry.libc = ["musl"];
  if (m[3] === "-gnu") entry.libc = ["glibc"];
  return entry;
};
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const at = `${key ? `${key}/` : ""}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[at] || lock.packages[hoisted]) continue;
    const plat = platform(dep);
    if (!plat) continue;
    lock.packages[hoisted] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...plat,
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
