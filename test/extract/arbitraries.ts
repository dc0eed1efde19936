// Random texts for the tests that hold a fast index to the whole one: words of a given vocabulary
// joined by spaces and punctuation, and queries cut from a text's own words.
import fc from "fast-check";

/** Texts of up to 70 pieces: `words` (weight `wordWeight`) between `gaps` (weight `gapWeight`). */
export function textOf(
  words: readonly string[],
  gaps: readonly string[],
  weights: { word: number; gap: number },
): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: weights.word, arbitrary: fc.constantFrom(...words) },
        { weight: weights.gap, arbitrary: fc.constantFrom(...gaps) },
      ),
      { maxLength: 70 },
    )
    .map((a) => a.join(""));
}

/** Runs of 1–3 consecutive words of `t`, where the windows say: they name its entities far more often than random words. */
export function ownWords(t: string, windows: readonly [number, number][]): string[] {
  const words = t.split(/[\s,.():“”—]+/).filter(Boolean);
  return words.length
    ? windows.map(([at, n]) => words.slice(at % words.length, (at % words.length) + n).join(" "))
    : [];
}

/** The windows ownWords reads. */
export const windows = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 3 })), { maxLength: 4 });
