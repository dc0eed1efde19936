// The extraction yardstick: the seed gold (../shared/eval, copied to test/eval) and the team's own
// gold set (test/gold), scored by the reference scorer with the thresholds.
import { describe, expect, it } from "vitest";
import { scoreDir } from "./score-helper.js";

describe("extraction against gold", () => {
  it("seed gold: figure F1 ≥ 0.95, source ≥ 0.95, statement F1 ≥ 0.90, speaker ≥ 0.90", async () => {
    const s = await scoreDir("seeds", "test/eval/gold");
    const summary = JSON.stringify({ figures: s.figures, statements: s.statements });
    expect(s.figures.f1, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
    expect(s.figures.source_acc, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
    expect(s.statements.f1, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
    expect(s.statements.speaker_acc, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("team gold set: at least 30 articles, same thresholds", async () => {
    const s = await scoreDir("test/gold/articles", "test/gold/gold");
    const summary = JSON.stringify({ figures: s.figures, statements: s.statements });
    expect(s.figures.f1, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
    expect(s.figures.source_acc, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
    expect(s.statements.f1, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
    expect(s.statements.speaker_acc, `${summary}\n${s.misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });
});
