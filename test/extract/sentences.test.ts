import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extract/sentences.js";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("breaks after . ! ? followed by a capital", () => {
    expect(texts("Two died. Police came! Was it arson? Nobody knows.")).toEqual([
      "Two died.",
      "Police came!",
      "Was it arson?",
      "Nobody knows.",
    ]);
  });

  it("does not break after titles and abbreviations", () => {
    const t =
      "Mr. Smith met Dr. Jones and Gen. Lee. Sgt. Ray, Lt. Col. Park and Gov. Ames spoke. Prof. Kim left St. Mary's.";
    expect(texts(t)).toEqual([
      "Mr. Smith met Dr. Jones and Gen. Lee.",
      "Sgt. Ray, Lt. Col. Park and Gov. Ames spoke.",
      "Prof. Kim left St. Mary's.",
    ]);
  });

  it("does not break inside U.S., U.N., U.K. or after initials", () => {
    expect(
      texts("The U.S. Army and the U.N. Security Council met J. R. Smith in the U.K. on Monday."),
    ).toHaveLength(1);
    expect(texts("Sen. Ann Lee and Rep. Bo Diaz of the U.S. Senate spoke.")).toHaveLength(1);
  });

  it("keeps decimals and numbers whole", () => {
    expect(texts("The quake measured 6.8 on the scale. It cost $1.2 million.")).toEqual([
      "The quake measured 6.8 on the scale.",
      "It cost $1.2 million.",
    ]);
  });

  it("does not break inside a quotation, and breaks after one that ends a sentence", () => {
    expect(texts('"We will win. They will lose," he said. Then he left.')).toEqual([
      '"We will win. They will lose," he said.',
      "Then he left.",
    ]);
    expect(texts("He said: “We are tired. We are hungry.” Aid arrived later.")).toEqual([
      "He said: “We are tired. We are hungry.”",
      "Aid arrived later.",
    ]);
    expect(texts("She said: ‘We stay. We fight.’ Nobody moved.")).toEqual([
      "She said: ‘We stay. We fight.’",
      "Nobody moved.",
    ]);
  });

  it("reads ’ between letters as an apostrophe, not a closing quote", () => {
    expect(texts("‘Syria’s people suffer. They need help,’ he said. Next.")).toEqual([
      "‘Syria’s people suffer. They need help,’ he said.",
      "Next.",
    ]);
  });

  it("always breaks at newlines and blank lines, and a newline closes a stray quote", () => {
    expect(texts("Headline without a stop\nFirst line. Second line.\n\nNew paragraph")).toEqual([
      "Headline without a stop",
      "First line.",
      "Second line.",
      "New paragraph",
    ]);
    expect(texts('He said "this never closes. Still quoted.\nNext line. Another.')).toEqual([
      'He said "this never closes. Still quoted.',
      "Next line.",
      "Another.",
    ]);
  });

  it("does not break before a lower-case word", () => {
    expect(texts("The toll rose to 12 p.m. local time, officials said. Rescue goes on.")).toHaveLength(2);
  });

  it("gives offsets that point into the text", () => {
    const t = "  First one.  Second one.\n\n Third ";
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(t).map((s) => s.text)).toEqual(["First one.", "Second one.", "Third"]);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n \t")).toEqual([]);
  });
});
