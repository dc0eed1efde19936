import { describe, expect, it } from "vitest";
import { kindOf, postAttribution, preAttribution, sentenceSpeaker } from "../../src/extract/speakers.js";

const post = (tail: string) => postAttribution(tail, 0, tail.length)?.surface ?? null;
const pre = (left: string) => preAttribution(left, 0, left.length)?.surface ?? null;

describe("postAttribution", () => {
  it("reads X said, said X, pronouns and outlets", () => {
    expect(post(", Haidar said.")).toBe("Haidar");
    expect(post(" he said on condition of anonymity.")).toBe("he");
    expect(post(", said Irungu Houghton, executive director of Amnesty.")).toBe("Irungu Houghton");
    expect(post(", an activist in Latakia told the BBC on Friday.")).toBe("an activist in Latakia");
    expect(post(", according to the health ministry.")).toBe("the health ministry");
  });

  it("rejects clauses that are not attributions", () => {
    expect(post(" while also calling on")).toBeNull();
    expect(post(" of the command's instructions, it added.")).toBeNull();
    expect(post(", Reuters reported.")).toBeNull();
  });
});

describe("preAttribution", () => {
  it("reads the subject of the reporting verb", () => {
    expect(pre("He said: ")).toBe("He");
    expect(pre("France’s foreign ministry on Saturday urged Syria's new authorities ")).toBe(
      "France’s foreign ministry",
    );
    expect(pre("Syrian authorities have blamed the violence on ")).toBe("Syrian authorities");
  });

  it("ignores outlets and passive verbs", () => {
    expect(pre("Video shared by Reuters was described as ")).toBeNull();
  });
});

describe("sentenceSpeaker", () => {
  it("finds the speaker of reported speech, including inverted 'said X'", () => {
    const a = "Among the dead were 11 children, said Health Minister Ana Paredes, who visited a hospital.";
    expect(sentenceSpeaker(a, 0, a.length)?.surface).toBe("Health Minister Ana Paredes");
    const b =
      "Minister Winston Chitando, who visited the site, said illegal miners had been warned repeatedly.";
    expect(sentenceSpeaker(b, 0, b.length)?.surface).toBe("Minister Winston Chitando");
  });
});

describe("kindOf", () => {
  it("classifies speakers", () => {
    expect(kindOf("Marco Rubio", "US Secretary of State")).toBe("official");
    expect(kindOf("Syrian Network for Human Rights", null)).toBe("organization");
    expect(kindOf("a resident", null)).toBe("witness");
    expect(kindOf("Kamau", "trader")).toBe("witness");
    expect(kindOf("EU", null)).toBe("official");
  });
});
