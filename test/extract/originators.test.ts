// Who counted: attributions, outlets, descriptors, acronyms, continuations, canonical names.
import { describe, expect, it } from "vitest";
import { makeDoc } from "../../src/extract/doc.js";
import { extractFigures } from "../../src/extract/figures.js";
import { aliasKey, cleanName, findAttributions } from "../../src/extract/originators.js";

const sources = (text: string) => extractFigures(makeDoc(text)).map((f) => `${f.count}:${f.source}`);

describe("attribution patterns", () => {
  it("reads 'according to X'", () => {
    expect(sources("At least 40 people were killed, according to the health ministry.")).toEqual([
      "40:health ministry",
    ]);
  });

  it("reads 'X said' and 'said X'", () => {
    expect(sources("The Red Crescent said 12 people were killed.")).toEqual(["12:Red Crescent"]);
    expect(sources("Twelve people were killed on Sunday, said the interior ministry.")).toEqual([
      "12:interior ministry",
    ]);
    expect(sources("Twelve people were killed, police said on Sunday.")).toEqual(["12:police"]);
  });

  it("reads reported, documented, estimated, put the toll at", () => {
    expect(sources("The Syrian Network for Human Rights documented 95 deaths.")).toEqual([
      "95:Syrian Network for Human Rights",
    ]);
    expect(sources("Local officials estimated that 300 homes were lost and 30 people died.")).toEqual([
      "30:Local officials",
    ]);
    expect(sources("The army put the death toll at 21.")).toEqual(["21:army"]);
  });

  it("reads possessive tallies and 'figures from X'", () => {
    expect(sources("At least 300 people have been killed, figures from the Kenya Red Cross show.")).toEqual([
      "300:Kenya Red Cross",
    ]);
  });

  it("takes the speaker, not the listener, of 'X told Y'", () => {
    expect(sources("A local official told AFP at least 40 soldiers were dead.")).toEqual([
      "40:local official",
    ]);
  });

  it("skips relative clauses and parentheticals between the subject and the verb", () => {
    expect(
      sources("The Sudan Doctors Network (SDN) – which tracks casualties – said 60 civilians were killed."),
    ).toEqual(["60:Sudan Doctors Network"]);
    expect(sources("The ministry, which does not count fighters, said 102 people had been wounded.")).toEqual(
      ["102:ministry"],
    );
  });

  it("does not take an organisation that is addressed for one that counted", () => {
    expect(
      sources(
        "The US and Russia called for the United Nations Security Council to meet after more than 1,000 people were killed.",
      ),
    ).toEqual(["1000:null"]);
    expect(sources("Aid groups urged the Red Cross to help after 30 people died.")).toEqual(["30:null"]);
    // a counting body named as the subject still counts
    expect(sources("The Red Cross recorded 30 deaths in the camp.")).toEqual(["30:Red Cross"]);
    expect(sources("In the camp the Red Cross team found 30 people dead.")).toEqual(["30:Red Cross"]);
  });

  it("resolves 'the ministry' only to a ministry, not to whoever spoke last", () => {
    expect(
      sources(
        "The Harbour Monitor said 400 people were killed. At least 12 people died, according to the ministry.",
      ),
    ).toEqual(["400:Harbour Monitor", "12:ministry"]);
  });

  it("ends a name at chat markup", () => {
    expect(sources("The Harbour Monitor <!channel> @everyone said 400 people were killed.")).toEqual([
      "400:Harbour Monitor",
    ]);
    expect(
      sources("At least 12 people died, according to the Red Crescent [click](https://evil.example)."),
    ).toEqual(["12:Red Crescent"]);
  });

  it("reads an official by role after the clause ('…, the regional commissioner said')", () => {
    expect(
      sources(
        "At least 31 people died and 47 others were missing after a ferry capsized off the island on Sunday, the regional commissioner said.",
      ),
    ).toEqual(["31:regional commissioner", "47:regional commissioner"]);
  });

  it("takes 'he said' back to a commander named with his organisation", () => {
    expect(
      sources(
        "The National Fire Authority (ANEPC) said four people died. ANEPC commander Mario Silvestre told a news conference the blaze was spreading. Of the injured, 19 were firefighters, he said.",
      ),
    ).toEqual(["4:National Fire Authority", "19:National Fire Authority"]);
  });

  it("takes the person in an appositive", () => {
    expect(
      sources("The agency's coordinator, Ahmed Usman, said some 4,000 people had been displaced."),
    ).toEqual(["4000:Ahmed Usman"]);
  });

  it("reads a headline's attribution after or before a colon", () => {
    expect(sources("Over 100 killed in clashes: rights group")).toEqual(["100:rights group"]);
    expect(sources("Local official: at least nine civilians killed")).toEqual(["9:Local official"]);
  });
});

describe("outlets cite, they do not count", () => {
  it("takes the cited sources, not the agency", () => {
    expect(
      sources("Reuters reported sources in the government saying at least 200 soldiers had been killed."),
    ).toEqual(["200:sources in the government"]);
    expect(
      sources("The state news agency, citing a Defence Ministry official, said 30 soldiers were killed."),
    ).toEqual(["30:Defence Ministry"]);
  });

  it("keeps a counting body that cites its own lists", () => {
    expect(
      sources("The Red Cross put the number of missing at 60, citing lists compiled from relatives."),
    ).toEqual(["60:Red Cross"]);
  });
});

describe("descriptors and names resolved across the article", () => {
  it("resolves a descriptor to the organisation the article names later", () => {
    const t =
      "More than 1,000 people were killed, a war monitor said on Saturday.\n\nThe UK-based Syrian Observatory for Human Rights said 745 of them were civilians.";
    expect(new Set(extractFigures(makeDoc(t)).map((f) => f.source))).toEqual(
      new Set(["Syrian Observatory for Human Rights"]),
    );
  });

  it("resolves 'the watchdog', 'the group' and 'it' to the organisation named before", () => {
    const t =
      "The Britain-based Observatory for Rights in Kivu documented the attacks. The watchdog said 120 civilians were killed. The group said 40 were missing.";
    expect(sources(t)).toEqual(["120:Observatory for Rights in Kivu", "40:Observatory for Rights in Kivu"]);
  });

  it("maps an acronym defined in parentheses both ways", () => {
    const t =
      "The National Emergency Management Agency (NEMA) coordinated rescue work.\n\nNEMA said 37 people had been killed.";
    expect(sources(t)).toEqual(["37:National Emergency Management Agency"]);
  });

  it("gives the fullest name the article gives, without 'the' or 'UK-based'", () => {
    const t =
      "The UK-based Syrian Observatory for Human Rights tracks the war.\n\nThe Syrian Observatory said 50 fighters were killed.";
    const [f] = extractFigures(makeDoc(t));
    expect(f?.source).toBe("Syrian Observatory for Human Rights");
    expect(f?.sourceSurface).toBe("The Syrian Observatory");
  });

  it("gives a person's full name for a surname", () => {
    const t = "Regional governor Serhiy Lysak visited the site.\n\nLysak said 74 people were injured.";
    expect(sources(t)).toEqual(["74:Serhiy Lysak"]);
  });

  it("does not take a name that merely stands in the sentence for the originator", () => {
    expect(sources("Fighters from the Rapid Support Forces killed 40 civilians in the village.")).toEqual([
      "40:null",
    ]);
  });
});

describe("continuations", () => {
  it("inherits the originator of the sentence before when it carries on the count", () => {
    const t =
      "The Britain-based Syrian Observatory for Human Rights said 973 civilians were killed. On top of this, 125 soldiers and 148 fighters were killed.";
    expect(sources(t)).toEqual([
      "973:Syrian Observatory for Human Rights",
      "125:Syrian Observatory for Human Rights",
      "148:Syrian Observatory for Human Rights",
    ]);
  });

  it("gives a headline figure the originator of the same figure in the body", () => {
    const t = "Bombing kills 23 in market\n\nA bomb killed 23 people at a market on Friday, police said.";
    expect(sources(t)).toEqual(["23:police", "23:police"]);
  });

  it("keeps originators of disagreeing clauses apart", () => {
    const t =
      "At least 32 protesters were killed, according to the rights group Ain o Salish Kendra (ASK), while police put the number of dead at 19.";
    expect(sources(t)).toEqual(["32:Ain o Salish Kendra", "19:police"]);
  });
});

describe("helpers", () => {
  it("reduces a name to an alias key", () => {
    expect(aliasKey("The Syrian Observatory for Human Rights")).toBe("syrian observatory for human rights");
    expect(aliasKey("Médecins Sans Frontières")).toBe("medecins sans frontieres");
    expect(aliasKey("the health ministry’s")).toBe("health ministry");
  });

  it("cleans determiners, '-based' and trailing acronyms off a name", () => {
    expect(cleanName("the UK-based Syrian Observatory for Human Rights (SOHR)")).toBe(
      "Syrian Observatory for Human Rights",
    );
    expect(cleanName("Ukraine's State Emergency Service")).toBe("State Emergency Service");
    expect(cleanName("a war monitor")).toBe("war monitor");
  });

  it("finds every attribution of a sentence", () => {
    const a = findAttributions("Reuters reported sources in the army saying 20 were killed.");
    expect(a.map((x) => [x.surface, x.outlet])).toEqual([
      ["Reuters", true],
      ["sources in the army", false],
    ]);
  });
});
