import { describe, expect, it } from "vitest";
import { isOutlet, NameIndex, nameRuns, splitTitle, stripLeading } from "../../src/extract/names.js";

const runs = (text: string) => nameRuns(text).map((r) => r.text);

describe("nameRuns", () => {
  it("finds capitalised word sequences with particles", () => {
    expect(runs("Bashar al-Assad met Ahmad al Shara and Ursula von der Leyen.")).toEqual([
      "Bashar al-Assad",
      "Ahmad al Shara",
      "Ursula von der Leyen",
    ]);
  });

  it("keeps non-ASCII names whole", () => {
    expect(runs("Volker Türk and José Núñez Quispe spoke to Søren Ødegård.")).toEqual([
      "Volker Türk",
      "José Núñez Quispe",
      "Søren Ødegård",
    ]);
  });

  it("joins institutional names over of/for", () => {
    expect(runs("the Syrian Observatory for Human Rights and the Ministry of Health")).toEqual([
      "Syrian Observatory for Human Rights",
      "Ministry of Health",
    ]);
  });

  it("splits a run after a possessive", () => {
    const r = nameRuns("Syria’s President Ahmad al Shara spoke.");
    expect(r.map((x) => [x.text, x.possessive])).toEqual([
      ["Syria", true],
      ["President Ahmad al Shara", false],
    ]);
  });

  it("keeps abbreviated titles and does not run over a sentence end", () => {
    expect(runs("Mr. Smith left Damascus. The next day Dr Jones arrived.")).toEqual([
      "Mr. Smith",
      "Damascus",
      "The",
      "Dr Jones",
    ]);
  });
});

describe("splitTitle", () => {
  const split = (s: string) => {
    const [r] = nameRuns(s);
    const { role, name } = splitTitle(stripLeading(r!.tokens));
    return [role.map((t) => t.text).join(" "), name.map((t) => t.text).join(" ")];
  };

  it("separates compound titles from the name", () => {
    expect(split("US Secretary of State Marco Rubio")).toEqual(["US Secretary of State", "Marco Rubio"]);
    expect(split("British Foreign Minister David Lammy")).toEqual([
      "British Foreign Minister",
      "David Lammy",
    ]);
    expect(split("President Sharaa")).toEqual(["President", "Sharaa"]);
    expect(split("Det Supt Sarah Rundle")).toEqual(["Det Supt", "Sarah Rundle"]);
  });

  it("leaves names without titles alone", () => {
    expect(split("Geir Pedersen")).toEqual(["", "Geir Pedersen"]);
    expect(split("Syrian Observatory for Human Rights")).toEqual(["", "Syrian Observatory for Human Rights"]);
  });

  it("strips sentence-initial function words", () => {
    expect(split("Meanwhile Geir Pedersen")).toEqual(["", "Geir Pedersen"]);
  });
});

describe("NameIndex", () => {
  it("resolves a surname to the full name given earlier", () => {
    const text = "Secretary of State Marco Rubio spoke. Later Rubio said more.";
    const idx = new NameIndex(text);
    const p = idx.resolve("Rubio", text.indexOf("Later"));
    expect(p?.name).toBe("Marco Rubio");
    expect(p?.role).toBe("Secretary of State");
  });

  it("resolves a particle name without its particle", () => {
    const text = "Syria’s leader Ahmed al-Sharaa spoke. Sharaa said more.";
    expect(new NameIndex(text).resolve("Sharaa", 40)?.name).toBe("Ahmed al-Sharaa");
  });

  it("resolves non-ASCII surnames", () => {
    const text = "the UN human rights chief Volker Türk warned. Türk added.";
    const p = new NameIndex(text).resolve("Türk", 50);
    expect(p?.name).toBe("Volker Türk");
    expect(p?.role).toBe("UN human rights chief");
  });

  it("takes a role from an appositive", () => {
    const text = "Iran’s ambassador to Lebanon, Mojtaba Amani, said so.";
    expect(new NameIndex(text).resolve("Amani", 60)?.role).toBe("Iran’s ambassador to Lebanon");
  });

  it("does not take institutions or places for persons", () => {
    const idx = new NameIndex("The Syrian Observatory for Human Rights said. In New York City it rained.");
    expect(idx.persons.map((p) => p.name)).toEqual([]);
  });

  it("returns null for a name the article never gives in full", () => {
    expect(new NameIndex("Nobody here.").resolve("Smith", 0)).toBeNull();
  });

  it("finds a person by a title word", () => {
    const text = "President Sharaa spoke on Sunday. The interim president said more.";
    expect(new NameIndex(text).byRole("president", text.length)?.name).toBe("Sharaa");
  });
});

describe("isOutlet", () => {
  it("knows news outlets and agencies", () => {
    for (const o of ["AFP", "Reuters", "the BBC", "The National", "The Associated Press", "an AFP reporter"])
      expect(isOutlet(o), o).toBe(true);
  });

  it("does not take speakers for outlets", () => {
    for (const o of ["the EU", "Amnesty International", "Marco Rubio", "a resident"])
      expect(isOutlet(o), o).toBe(false);
  });
});
