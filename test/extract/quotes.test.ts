import { describe, expect, it } from "vitest";
import { findQuotes } from "../../src/extract/quotes.js";

const contents = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe("findQuotes: quote forms", () => {
  it("finds straight double quotes", () => {
    expect(contents('He said "we will rebuild the town" on Monday.')).toEqual(["we will rebuild the town"]);
  });

  it("finds curly double quotes", () => {
    expect(contents("“We will rebuild,” she said.")).toEqual(["We will rebuild,"]);
  });

  it("finds single curly quotes used as primary quotes", () => {
    expect(contents("He said: ‘We will hold them accountable.’")).toEqual(["We will hold them accountable."]);
  });

  it("finds straight single quotes used as primary quotes", () => {
    expect(contents("'We all feel helpless,' he said.")).toEqual(["We all feel helpless,"]);
  });

  it("finds guillemets", () => {
    expect(contents("Il a dit «nous resterons» hier.")).toEqual(["nous resterons"]);
  });

  it("gives content offsets into the text", () => {
    const text = "Intro. “Quoted words here,” he said.";
    const [q] = findQuotes(text);
    expect(text.slice(q!.start, q!.end)).toBe("Quoted words here,");
    expect(text[q!.open]).toBe("“");
    expect(text[q!.close]).toBe("”");
  });

  it("keeps nested quotes inside the outer quotation", () => {
    expect(contents("“They shouted ‘get out’ at us,” she said.")).toEqual(["They shouted ‘get out’ at us,"]);
  });
});

describe("findQuotes: apostrophes are not quote marks", () => {
  it("ignores ’ between letters inside a single quotation", () => {
    expect(contents("He said: ‘Syria’s people don’t want this and weren’t asked.’")).toEqual([
      "Syria’s people don’t want this and weren’t asked.",
    ]);
  });

  it("ignores apostrophes outside quotations", () => {
    expect(contents("Syria’s leader didn’t comment on the families’ demands.")).toEqual([]);
  });

  it("treats s’ followed by a noun as a possessive inside a single quotation", () => {
    expect(contents("‘I could see my neighbours’ roofs going under,’ he said.")).toEqual([
      "I could see my neighbours’ roofs going under,",
    ]);
  });

  it("closes a single quotation at s’ followed by an attribution", () => {
    expect(contents("They called them ‘terrorists’ he said, and ‘criminals’ too.")).toEqual([
      "terrorists",
      "criminals",
    ]);
  });

  it("ignores straight apostrophes in words inside straight single quotes", () => {
    expect(contents("'I couldn't see my hand, it was pitch black,' he said.")).toEqual([
      "I couldn't see my hand, it was pitch black,",
    ]);
  });

  it("does not open a quotation at rock'n'roll or a year like '90s", () => {
    expect(contents("They played rock'n'roll in the '90s at the club.")).toEqual(
      ["90s at the club."].slice(0, 0),
    );
  });
});

describe("findQuotes: paragraphs", () => {
  it("continues a quotation into the next paragraph that opens with a quote mark", () => {
    const text = "He wrote: ‘First paragraph of the quote.\n‘Second paragraph of the quote.’\nAfter.";
    const qs = findQuotes(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual([
      "First paragraph of the quote.",
      "Second paragraph of the quote.",
    ]);
    expect(qs[0]!.group).toBe(qs[1]!.group);
    expect(qs[0]!.closed).toBe(false);
    expect(qs[1]!.closed).toBe(true);
  });

  it("continues across a blank line with straight quotes", () => {
    const text = '"We were sleeping.\n\n"Then the roof came down."\n\nLater.';
    const qs = findQuotes(text);
    expect(qs).toHaveLength(2);
    expect(qs[0]!.group).toBe(qs[1]!.group);
  });

  it("caps an unclosed quotation at the paragraph end", () => {
    const text = "He said “this never closes\nNext paragraph “is quoted” here.";
    const qs = findQuotes(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual(["this never closes", "is quoted"]);
    expect(qs[0]!.closed).toBe(false);
    expect(qs[0]!.group).not.toBe(qs[1]!.group);
  });

  it("marks quotations that open a paragraph", () => {
    const text = "Intro line.\n“Quote at start,” he said. Then “inside”.";
    const qs = findQuotes(text);
    expect(qs.map((q) => q.paraStart)).toEqual([true, false]);
  });

  it("returns nothing for empty text", () => {
    expect(findQuotes("")).toEqual([]);
  });
});
