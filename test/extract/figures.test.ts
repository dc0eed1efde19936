// The figure rules, family by family, on short invented sentences.
import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/core/types.js";
import { makeDoc } from "../../src/extract/doc.js";
import { extractFigures } from "../../src/extract/figures.js";

const figs = (text: string): Figure[] => extractFigures(makeDoc(text));
/** count/measure/group/qualifier of every figure */
const cmgq = (text: string) => figs(text).map((f) => `${f.count}/${f.measure}/${f.group}/${f.qualifier}`);
const counts = (text: string) => figs(text).map((f) => f.count);

describe("numbers as tolls", () => {
  it("reads digits, separators and scale words", () => {
    expect(cmgq("At least 1,000 people were killed in the fighting.")).toEqual(["1000/killed/total/min"]);
    expect(cmgq("More than 1000 people died.")).toEqual(["1000/killed/total/min"]);
    expect(cmgq("Some 1.2 million people have been displaced by the war.")).toEqual([
      "1200000/displaced/total/approx",
    ]);
  });

  it("reads numbers in words", () => {
    expect(cmgq("Seven people were killed when the roof collapsed.")).toEqual(["7/killed/total/exact"]);
    expect(cmgq("Twenty-three passengers were injured.")).toEqual(["23/injured/total/exact"]);
    expect(cmgq("A dozen soldiers were wounded in the ambush.")).toEqual([
      "12/injured/security_forces/approx",
    ]);
    expect(cmgq("Two dozen villagers were abducted overnight.")).toEqual(["24/kidnapped/total/approx"]);
  });

  it("gives vague amounts a null count", () => {
    expect(cmgq("Hundreds of people have been killed.")).toEqual(["null/killed/total/exact"]);
    expect(counts("Dozens were wounded in the blast.")).toEqual([null]);
  });

  it("reads tolls in headlines", () => {
    expect(cmgq("Quake kills 112 in eastern Indonesia")).toEqual(["112/killed/total/exact"]);
    expect(cmgq("Four killed, six wounded in nightclub shooting")).toEqual([
      "4/killed/total/exact",
      "6/injured/total/exact",
    ]);
    expect(cmgq("Over 1,000 killed in two days of clashes")).toEqual(["1000/killed/total/min"]);
  });
});

describe("measures", () => {
  it("reads verbs and nouns of death", () => {
    expect(cmgq("The death toll rose to 57 on Monday.")).toEqual(["57/killed/total/exact"]);
    expect(cmgq("The fire has claimed the lives of 14 people.")).toEqual(["14/killed/total/exact"]);
    expect(cmgq("Nine people lost their lives in the crash.")).toEqual(["9/killed/total/exact"]);
    expect(cmgq("The army said 20 militants were neutralised.")).toEqual(["20/killed/fighters/exact"]);
    expect(cmgq("Rescuers recovered 11 bodies from the rubble.")).toEqual(["11/killed/total/exact"]);
    expect(cmgq("The agency reported 39 deaths overnight.")).toEqual(["39/killed/total/exact"]);
    expect(cmgq("The group said the number of civilian martyrs amounted to 973.")).toEqual([
      "973/killed/civilians/exact",
    ]);
  });

  it("reads injured, missing, displaced, detained, kidnapped, released", () => {
    expect(cmgq("At least 15 people were hurt.")).toEqual(["15/injured/total/min"]);
    expect(cmgq("Another 67 people remain missing.")).toEqual(["67/missing/total/exact"]);
    expect(cmgq("About 2,300 residents had fled their homes.")).toEqual(["2300/displaced/total/approx"]);
    expect(cmgq("Police said three suspects had been arrested.")).toEqual(["3/detained/total/exact"]);
    expect(cmgq("Gunmen abducted 40 pupils from a school.")).toEqual(["40/kidnapped/children/exact"]);
    expect(cmgq("The militants freed 12 hostages on Friday.")).toEqual(["12/released/total/exact"]);
    expect(cmgq("Five people are still being held by the gang.")).toEqual(["5/kidnapped/total/exact"]);
  });

  it("reads people moved to relief camps, counted with their families, as displaced", () => {
    expect(
      cmgq("In Kerala, 1,42,318 people from 38,406 families have been shifted to 1,126 relief camps."),
    ).toEqual(["142318/displaced/total/exact"]);
    expect(cmgq("About 5,000 people from 900 households were evacuated on Sunday.")).toEqual([
      "5000/displaced/total/approx",
    ]);
  });

  it("counts an organisation's own people ('two of our staff') but not a witness's family", () => {
    expect(cmgq("Two of our staff members are missing, the charity said.")).toEqual([
      "2/missing/total/exact",
    ]);
    expect(counts("Two of his brothers were killed, he said.")).toEqual([]);
    expect(counts("Four of our children died in the flood, the mother said.")).toEqual([]);
  });

  it("reads a share of the victims by its group ('28 of the victims were children')", () => {
    expect(cmgq("The sheriff said 28 of the victims there were children.")).toEqual([
      "28/killed/children/exact",
    ]);
  });

  it("gives 'put the figure at N' the measure named in the sentence before", () => {
    expect(
      cmgq(
        "A rights group said the number of people detained was higher. The lawyers' association put the figure at nearly 400.",
      ),
    ).toEqual(["400/detained/total/max"]);
    // with no measure named before, a figure put at a number is no toll
    expect(counts("Sales were strong. The company put the figure at 40 million.")).toEqual([]);
  });

  it("reads casualties as unsplit", () => {
    expect(cmgq("Officials said more than 1,000 casualties had been reported.")).toEqual([
      "1000/casualties/total/min",
    ]);
    expect(cmgq("More than 650 children were killed or injured.")).toEqual(["650/casualties/children/min"]);
  });

  it("reads an active verb before the number", () => {
    expect(cmgq("The blast killed 23 people and wounded 58 others.")).toEqual([
      "23/killed/total/exact",
      "58/injured/total/exact",
    ]);
    expect(cmgq("Floods swept the city, killing at least 37 people.")).toEqual(["37/killed/total/min"]);
  });

  it("does not take the agent of a verb for its victims", () => {
    expect(cmgq("Twelve gunmen killed three villagers.")).toEqual(["3/killed/total/exact"]);
  });
});

describe("qualifiers", () => {
  it.each([
    ["at least 20 people were killed", "min"],
    ["more than 20 people were killed", "min"],
    ["over 20 people were killed", "min"],
    ["no fewer than 20 people were killed", "min"],
    ["about 20 people were killed", "approx"],
    ["around 20 people were killed", "approx"],
    ["some 20 people were killed", "approx"],
    ["an estimated 20 people were killed", "approx"],
    ["roughly 20 people were killed", "approx"],
    ["nearly 20 people were killed", "max"],
    ["almost 20 people were killed", "max"],
    ["up to 20 people were killed", "max"],
    ["as many as 20 people were killed", "max"],
    ["fewer than 20 people were killed", "max"],
    ["20 people were killed", "exact"],
    ["20 or more people were killed", "min"],
  ])("%s → %s", (sentence, q) => {
    expect(figs(`Police said ${sentence}.`).map((f) => f.qualifier)).toEqual([q]);
  });

  it("reads 'would not exceed' as a maximum", () => {
    expect(cmgq('An official said the toll "would not exceed 30".')).toEqual(["30/killed/total/max"]);
  });

  it("carries a qualifier along a list", () => {
    expect(cmgq("This included about 125 soldiers and 148 fighters killed in the clashes.")).toEqual([
      "125/killed/security_forces/approx",
      "148/killed/fighters/approx",
    ]);
  });
});

describe("ranges", () => {
  it("reads 'between 30 and 40' as a low and a high figure", () => {
    const f = figs("Between 30 and 40 civilians were killed in the raid.");
    expect(f.map((x) => [x.count, x.measure, x.group, x.qualifier, x.rangeRole])).toEqual([
      [30, "killed", "civilians", "min", "low"],
      [40, "killed", "civilians", "max", "high"],
    ]);
  });

  it("reads '30-40' and '30 to 40'", () => {
    expect(figs("30-40 people were injured.").map((x) => x.rangeRole)).toEqual(["low", "high"]);
    expect(cmgq("Officials said 30 to 40 people were missing.")).toEqual([
      "30/missing/total/min",
      "40/missing/total/max",
    ]);
  });

  it("reads a range after the measure", () => {
    expect(cmgq("A doctor said the bodies of between 60 and 70 victims had been brought in.")).toEqual([
      "60/killed/total/min",
      "70/killed/total/max",
    ]);
  });

  it("does not take 'from 20 to 35' for a range", () => {
    const f = figs("The toll rose from 20 to 35.");
    expect(f.map((x) => [x.count, x.superseded ?? false])).toEqual([
      [20, true],
      [35, false],
    ]);
  });

  it("drops 'four or five' as too vague", () => {
    expect(figs("There were four or five dead bodies in each house.")).toEqual([]);
  });
});

describe("groups", () => {
  it.each([
    ["12 civilians were killed", "civilians"],
    ["12 children were killed", "children"],
    ["12 women were killed", "women"],
    ["12 soldiers were killed", "security_forces"],
    ["12 police officers were killed", "security_forces"],
    ["12 members of the security forces were killed", "security_forces"],
    ["12 security personnel were killed", "security_forces"],
    ["12 militants were killed", "fighters"],
    ["12 insurgents were killed", "fighters"],
    ["12 gunmen were killed", "fighters"],
    ["12 pro-Assad fighters were killed", "fighters"],
    ["12 fighters linked to the new government were killed", "security_forces"],
    ["12 pro-government fighters were killed", "security_forces"],
    ["12 journalists were killed", "journalists"],
    ["12 aid workers were killed", "aid_workers"],
    ["12 health workers were killed", "health_workers"],
    ["12 paramedics were killed", "health_workers"],
    ["12 firefighters were injured", "other"],
    ["12 people were killed", "total"],
    ["12 passengers were killed", "total"],
  ])("%s → %s", (sentence, group) => {
    expect(figs(`Officials said ${sentence}.`).map((f) => f.group)).toEqual([group]);
  });

  it("reads the group before a toll noun", () => {
    expect(cmgq("Civilian deaths rose to 40 on Sunday.")).toEqual(["40/killed/civilians/exact"]);
  });

  it("gives an elided group the group of the figure before", () => {
    expect(cmgq("21 soldiers were killed and 14 wounded.")).toEqual([
      "21/killed/security_forces/exact",
      "14/injured/security_forces/exact",
    ]);
  });

  it("gives 'their own' casualties the group of whoever counted", () => {
    expect(cmgq("Security sources estimate their own casualties at over 200.")).toEqual([
      "200/casualties/security_forces/min",
    ]);
  });
});

describe("breakdowns and lists", () => {
  it("splits 'including A, B and C' into one figure per group, with the head's measure", () => {
    const t =
      "The monitor said more than 1,000 people have been killed, including 745 civilians, 125 members of the security forces and 148 fighters.";
    expect(cmgq(t)).toEqual([
      "1000/killed/total/min",
      "745/killed/civilians/exact",
      "125/killed/security_forces/exact",
      "148/killed/fighters/exact",
    ]);
    expect(new Set(figs(t).map((f) => f.source))).toEqual(new Set(["monitor"]));
  });

  it("gives a list the measure that follows it", () => {
    expect(cmgq("125 government troops and 148 militants were killed.")).toEqual([
      "125/killed/security_forces/exact",
      "148/killed/fighters/exact",
    ]);
  });

  it("reads 'the dead included'", () => {
    expect(cmgq("The dead included five children and three police officers.")).toEqual([
      "5/killed/children/exact",
      "3/killed/security_forces/exact",
    ]);
  });

  it("reads shares named by their group", () => {
    expect(cmgq("A bomb killed nine people, seven of them police officers.")).toEqual([
      "9/killed/total/exact",
      "7/killed/security_forces/exact",
    ]);
    expect(cmgq("Seven of the dead were children, he said.")).toEqual(["7/killed/children/exact"]);
    expect(cmgq("Of the dead, eight were from the coast.")).toEqual(["8/killed/total/exact"]);
    expect(cmgq("At least 14 health workers caught the disease, two of whom have died.")).toEqual([
      "2/killed/health_workers/exact",
    ]);
  });

  it("drops shares that are not tolls", () => {
    expect(counts("Lysak said 74 people were injured, 12 of them critically.")).toEqual([74]);
    expect(counts("Two of the wounded were in critical condition.")).toEqual([]);
    expect(counts("1,175 people were admitted to hospital, of whom 793 have been discharged.")).toEqual([
      1175,
    ]);
  });

  it("carries the count of the sentence before into a continuation", () => {
    const f = figs(
      "The toll rose to 1,000, the observatory said. This included about 125 soldiers and 148 pro-Assad fighters.",
    );
    expect(f.map((x) => `${x.count}/${x.measure}/${x.group}/${x.source}`)).toEqual([
      "1000/killed/total/observatory",
      "125/killed/security_forces/observatory",
      "148/killed/fighters/observatory",
    ]);
  });
});

describe("running totals and superseded figures", () => {
  it("marks running totals", () => {
    const [f] = figs("The number of fighters killed brings the total death toll to more than 1,000 people.");
    expect(f?.count).toBe(1000);
    expect(f?.cumulative).toBe(true);
    expect(figs("The toll has risen to 57.")[0]?.cumulative).toBe(true);
  });

  it("marks earlier figures as superseded", () => {
    const f = figs("The death toll has risen to 57, up from 39 on Monday, the agency said.");
    expect(f.map((x) => [x.count, x.measure, x.superseded ?? false, x.source])).toEqual([
      [57, "killed", false, "agency"],
      [39, "killed", true, "agency"],
    ]);
    expect(
      figs("The toll was revised down to 275 from 288.").map((x) => [x.count, x.superseded ?? false]),
    ).toEqual([
      [275, false],
      [288, true],
    ]);
    expect(
      figs("The ministry raised its earlier toll of 54 to 145.").find((x) => x.count === 54)?.superseded,
    ).toBe(true);
  });
});

describe("not figures", () => {
  it.each([
    ["ages", "Samir Haidar, 67, said his brother, who was 74, was killed."],
    ["a compound age", "A 57-year-old man was killed."],
    ["ages in a list", "The children, aged four, seven and nine, were pronounced dead."],
    ["years", "The war that began in 2011 has killed many."],
    ["dates", "Fighting erupted on March 6 and two days later dozens were dead, 9 March 2025."],
    ["durations", "In Syria's 13-year civil war, after 14 years of fighting, hundreds were killed."],
    ["distances", "The gunmen were less than 100 metres away when the victims were killed."],
    ["percentages", "About 80 percent of the animals died, and 10% of the dead were never found."],
    ["magnitudes", "A magnitude 6.8 earthquake killed many."],
    ["money", "The gang demanded $1 million for the hostages still being held."],
    ["counts of massacres", "Civilians were killed in 30 massacres."],
    ["counts of villages and buildings", "The floods killed many and destroyed 1,500 houses and 12 schools."],
    ["people hiding", "An estimated 5,000 insurgents are believed to be hiding in the hills."],
    ["a witness's relatives", "He told AFP two of his brothers and his nephew were killed."],
    [
      "relatives with a possessive",
      "He escaped with his wife and two children, but said he would have been killed.",
    ],
    ["times", "At 14:05 the first dead were brought in."],
    ["phone numbers", "Call 901-528-2274 if you saw the killing."],
    ["one of", "It was one of the deadliest attacks, and no one was killed in the second."],
    ["intentions", "The army vowed to kill 50 militants next week."],
    [
      "a past event recalled",
      "It was the deadliest quake since 2016, when a tremor killed nearly 700 people.",
    ],
    ["numbers in names", "Hostages were kidnapped by the 400 Mawozo gang."],
  ])("%s", (_family, text) => {
    expect(counts(text).filter((c) => c !== null)).toEqual([]);
  });
});
