import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.js";

const groupOf = (text: string, count: number) =>
  extract({ text }).figures.find((f) => f.count === count)?.group;

describe("partitive references take the group of the set counted before", () => {
  it("an official's count of 'the fighters' is their own side when both sides were counted as fighters", () => {
    const text =
      "The monitor said the dead included about 40 fighters linked to the government and 60 rebel fighters.\n\n" +
      "The defence ministry said at least 90 of the fighters had been killed.";
    expect(groupOf(text, 40)).toBe("security_forces");
    expect(groupOf(text, 60)).toBe("fighters");
    expect(groupOf(text, 90)).toBe("security_forces");
  });

  it("a rebel group's count of 'the fighters' is its own side", () => {
    const text =
      "Medics said 30 fighters loyal to the government and 25 insurgent fighters were killed.\n\n" +
      "The rebel movement said 50 of the fighters had been killed.";
    expect(groupOf(text, 50)).toBe("fighters");
  });

  it("with one earlier set, the partitive takes its group whoever counts", () => {
    const text =
      "Police said 12 journalists were injured in the blast.\n\nThe union said three of the journalists died later.";
    expect(groupOf(text, 3)).toBe("journalists");
  });

  it("leaves figures without a partitive alone", () => {
    const text = "The army said 20 militants were killed in the raid.";
    expect(groupOf(text, 20)).toBe("fighters");
  });
});
