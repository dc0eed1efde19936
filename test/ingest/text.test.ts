// Plain-text reader: the shapes articles arrive in (date header, headline or none, site chrome, bylines).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bylineDate,
  dropChrome,
  findDate,
  isHeadline,
  normaliseDate,
  readText,
} from "../../src/ingest/text.js";

const fixture = (name: string) => fs.readFileSync(`test/fixtures/ingest/${name}`, "utf8");
const read = (text: string) => {
  const r = readText(text, { url: null, file: "x.txt" });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("readText", () => {
  it("takes a leading `date YYYY-MM-DD` as published and keeps the rest of that line as text", () => {
    const d = read(fixture("text-date-header.txt"));
    expect(d.published).toBe("2024-02-11");
    expect(d.title).toBeNull();
    expect(d.text.startsWith("Health officials said on Sunday that at least 31 people")).toBe(true);
    expect(d.text).not.toMatch(/date 2024/);
  });

  it("accepts the date header after leading whitespace and a `Date:` line", () => {
    expect(read(" date 2023-07-01 Three people died.\n\nMore text here.").published).toBe("2023-07-01");
    const d = read("Date: 4 January 2022\nTwo people died in a fire on Monday, police said.");
    expect(d.published).toBe("2022-01-04");
    expect(d.text).toBe("Two people died in a fire on Monday, police said.");
  });

  it("takes a short unpunctuated first line as the headline and keeps it as the first paragraph", () => {
    const d = read(fixture("text-headline.txt"));
    expect(d.title).toBe("Mine blast kills 6 soldiers near border");
    expect(d.text.split("\n\n")[0]).toBe("Mine blast kills 6 soldiers near border");
    expect(d.text.split("\n\n")).toHaveLength(4);
  });

  it("has no title when the first line is a sentence", () => {
    const d = read("Six soldiers were killed on Monday, the army said.\nThe patrol was returning to base.");
    expect(d.title).toBeNull();
    expect(d.text).toBe(
      "Six soldiers were killed on Monday, the army said.\n\nThe patrol was returning to base.",
    );
  });

  it("removes masthead symbols, a slogan, ad labels, inline links and the trailer; reads the byline date", () => {
    const d = read(fixture("text-chrome.txt"));
    expect(d.title).toBe("Fire at textile factory kills 12: officials");
    expect(d.published).toBe("2023-06-12");
    const paragraphs = d.text.split("\n\n");
    expect(paragraphs[0]).toBe(d.title);
    expect(d.text).not.toMatch(/\|\||Your Town|Advertisement|Also Read|Rahul Mehta/);
    expect(d.text).toMatch(/At least 12 workers were killed and 20 injured/);
    expect(paragraphs.at(-1)).toBe(
      "Labour unions called for an inquiry into safety at factories in the industrial zone.",
    );
  });

  it("reads a `date` line under the headline and drops it from the text", () => {
    const d = read(
      "Quake kills 41 in the east\ndate 2025-11-14\nA strong earthquake killed at least 41 people, officials said.",
    );
    expect(d.title).toBe("Quake kills 41 in the east");
    expect(d.published).toBe("2025-11-14");
    expect(d.text).toBe(
      "Quake kills 41 in the east\n\nA strong earthquake killed at least 41 people, officials said.",
    );
  });

  it("drops a slogan at the top when no headline follows", () => {
    const d = read(
      "||\n\nConnecting Communities, One Page at a Time.\n\nMore than 40 people were killed, officials said.",
    );
    expect(d.title).toBeNull();
    expect(d.text).toBe("More than 40 people were killed, officials said.");
  });

  it("joins hard-wrapped lines back into paragraphs", () => {
    const d = read(fixture("text-wrapped.txt"));
    expect(d.title).toBe("Aid convoy reaches besieged town");
    expect(d.text.split("\n\n")).toEqual([
      "Aid convoy reaches besieged town",
      "An aid convoy of 40 lorries reached the besieged town on Saturday, the first delivery in three months, the UN humanitarian office said. About 15,000 people remain in the town, according to local officials.",
      "The convoy carried flour, medicine and fuel for the town's only working hospital.",
    ]);
  });

  it("does not drop a short first line that carries a figure", () => {
    const d = read("Two dead.\nFlood warning extended\nThe river rose again on Monday.");
    expect(d.text).toMatch(/^Two dead\./);
  });

  it("refuses text that is only chrome", () => {
    const r = readText("||\n\nAdvertisement\n\n***\n", { url: null, file: "x.txt" });
    expect(r.ok).toBe(false);
  });
});

describe("text helpers", () => {
  it("finds only dates that carry a year", () => {
    expect(findDate("Amin Masoodi 09 March 2025 05:53")?.date).toBe("2025-03-09");
    expect(findDate("on March 9 the army said")).toBeNull();
    expect(findDate("updated 2021-12-31T23:00:00Z")?.date).toBe("2021-12-31");
  });

  it("normalises metadata dates, keeping ISO strings with their offset", () => {
    expect(normaliseDate("2024-08-14T09:30:00+05:00")).toBe("2024-08-14T09:30:00+05:00");
    expect(normaliseDate("2024-08-14")).toBe("2024-08-14");
    expect(normaliseDate("Wed, 14 Aug 2024 09:30:00 GMT")).toBe("2024-08-14");
    expect(normaliseDate("2024-02-30")).toBeNull();
    expect(normaliseDate("soon")).toBeNull();
  });

  it("recognises bylines with a date but not sentences that mention one", () => {
    expect(bylineDate("By Jane Doe | Updated 3 April 2024")).toBe("2024-04-03");
    expect(bylineDate("Amin Masoodi 09 March 2025 05:53")).toBe("2025-03-09");
    expect(bylineDate("On 9 March 2025 gunmen attacked the village")).toBeNull();
    expect(bylineDate("The ministry said 40 people died on 9 March 2025.")).toBeNull();
  });

  it("judges headlines by length and final punctuation", () => {
    expect(isHeadline("Over 1,000 killed in clashes: monitor")).toBe(true);
    expect(isHeadline("Over 1,000 people were killed, the monitor said.")).toBe(false);
    expect(isHeadline("Syria")).toBe(false);
  });

  it("keeps a paragraph that merely starts like a link label", () => {
    expect(dropChrome(["Read more about the flood in our explainer below, officials said."])).toHaveLength(1);
    expect(dropChrome(["READ MORE: Another story", "Body text."])).toEqual(["Body text."]);
  });
});
