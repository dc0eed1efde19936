// Partitive references to a set the article already counted: "at least 200 of the fighters had been
// killed" means some of the fighters named before. When the earlier mentions put that noun in one
// group, the partitive takes it; when they put it in several (government-side fighters and rebel
// fighters), the originator's own side decides, since officials count their own losses that way.
import type { Figure, Group } from "../core/types.js";

const PARTITIVE = /^[^.;:!?]{0,40}?\bof (?:the|those|these) ([a-z][a-z-]{2,30})\b/i;
const STATE_SIDE =
  /\b(?:government|ministry|army|military|armed forces|security|police|official|officials|authorities|state|presidency|defen[cs]e)\b/i;
const NON_STATE_SIDE = /\b(?:rebels?|insurgents?|militants?|militia|opposition|group's|movement)\b/i;

export function resolvePartitiveGroups(figures: Figure[], text: string): Figure[] {
  return figures.map((f, i) => {
    const m =
      PARTITIVE.exec(text.slice(f.end, f.end + 80)) ?? PARTITIVE.exec(text.slice(f.start, f.start + 80));
    if (!m) return f;
    const noun = new RegExp(`\\b${m[1]!.toLowerCase()}\\b`, "i");
    const antecedentGroups = new Set<Group>();
    for (let j = 0; j < i; j++) {
      const e = figures[j]!;
      if (e.start < f.start && e.text !== f.text && noun.test(e.text)) antecedentGroups.add(e.group);
    }
    const group = choose(antecedentGroups, `${f.source ?? ""} ${f.sourceSurface ?? ""}`);
    return group && group !== f.group ? { ...f, group } : f;
  });
}

function choose(groups: Set<Group>, originator: string): Group | null {
  if (groups.size === 1) return [...groups][0]!;
  if (groups.size === 0) return null;
  if (groups.has("security_forces") && STATE_SIDE.test(originator) && !NON_STATE_SIDE.test(originator))
    return "security_forces";
  if (groups.has("fighters") && NON_STATE_SIDE.test(originator)) return "fighters";
  return null;
}
