import { describe, expect, it } from "vitest";
import { findNumbers } from "../../src/extract/numbers.js";

const values = (s: string) => findNumbers(s).map((n) => n.value);

describe("findNumbers", () => {
  it("reads digits with and without thousands separators", () => {
    expect(values("1,000 people and 1000 more and 43,391 in all")).toEqual([1000, 1000, 43391]);
  });

  it("reads decimals with a scale word", () => {
    expect(values("some 1.2 million people and 3 million more, 2.5m displaced")).toEqual([
      1200000, 3000000, 2500000,
    ]);
  });

  it("reads Indian digit grouping", () => {
    expect(values("1,42,318 people")).toEqual([142318]);
  });

  it("reads numbers in words", () => {
    expect(values("seven died, twenty-three were hurt and one hundred and five fled")).toEqual([7, 23, 105]);
    expect(values("a dozen miners, two dozen others, half a dozen soldiers")).toEqual([12, 24, 6]);
    expect(values("a hundred people and a thousand more")).toEqual([100, 1000]);
  });

  it("gives vague amounts a null value", () => {
    expect(
      values("hundreds of people, dozens of soldiers, thousands fled, tens of thousands displaced"),
    ).toEqual([null, null, null, null]);
  });

  it("marks compound adjectives", () => {
    const ns = findNumbers("a 57-year-old man, a 13-year war, a nine-storey block");
    expect(ns.map((n) => n.compound)).toEqual([true, true, true]);
  });

  it("skips ordinals, codes and units glued to digits", () => {
    expect(values("the 3rd day, flight A320, 10km away, at 5am")).toEqual([]);
  });

  it("gives offsets of the number phrase", () => {
    const s = "killing twenty-three people";
    const [n] = findNumbers(s);
    expect(s.slice(n!.start, n!.end)).toBe("twenty-three");
  });

  it("drops runs of digits too long to be a count", () => {
    expect(values("1234567890123456 people")).toEqual([]);
  });
});
