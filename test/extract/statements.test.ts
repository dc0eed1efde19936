import { describe, expect, it } from "vitest";
import { makeDoc } from "../../src/extract/doc.js";
import { extractStatements } from "../../src/extract/statements.js";

const run = (text: string) => extractStatements(makeDoc(text));
const pairs = (text: string) => run(text).map((s) => [s.speaker, s.quote]);
const speakers = (text: string) => run(text).map((s) => s.speaker);

describe("attribution after the quote", () => {
  it("X said", () => {
    expect(pairs("“The bridge is gone,” Mayor Ana Ruiz said.")).toEqual([
      ["Ana Ruiz", "The bridge is gone,"],
    ]);
  });

  it("said X", () => {
    expect(pairs('"We are still counting," said Lina Haddad, a nurse at the hospital.')).toEqual([
      ["Lina Haddad", "We are still counting,"],
    ]);
  });

  it("X, the role, said", () => {
    const [s] = run("“Nobody is safe here,” Omar Saleh, the UN envoy, said on Monday.");
    expect(s?.speaker).toBe("Omar Saleh");
    expect(s?.role).toBe("the UN envoy");
  });

  it("the role, X, said", () => {
    const [s] = run(
      "“Every day counts,” the charity's country director, Khuram Gondal, said in a statement.",
    );
    expect(s?.speaker).toBe("Khuram Gondal");
    expect(s?.role).toBe("the charity's country director");
  });

  it("X told an outlet: the outlet is not the speaker", () => {
    expect(speakers("“The water came at night,” Amir Khan told Reuters.")).toEqual(["Amir Khan"]);
    expect(speakers("“They took everything,” a resident told the BBC on Friday.")).toEqual(["a resident"]);
  });

  it("according to X", () => {
    expect(
      speakers(
        "The strike was “a deliberate and unlawful attack on civilians”, according to Human Rights Watch.",
      ),
    ).toEqual(["Human Rights Watch"]);
  });

  it("titles with dots after the quote", () => {
    expect(speakers('"We will be back out here," said the Rev. Marcus Hill, pastor of the church.')).toEqual([
      "Marcus Hill",
    ]);
  });

  it("a question quote followed by a capitalised attribution", () => {
    expect(speakers("“Where are the bodies?” Maria Lopez asked.")).toEqual(["Maria Lopez"]);
  });
});

describe("attribution before the quote", () => {
  it("X said: with a colon", () => {
    expect(pairs("President Sharaa said: “We must preserve national unity.”")).toEqual([
      ["Sharaa", "We must preserve national unity."],
    ]);
  });

  it("X posted on X:", () => {
    expect(
      speakers("Foreign Minister Anna Berg posted on X: “We stand with the victims and their families.”"),
    ).toEqual(["Anna Berg"]);
  });

  it("X wrote on X: with single quotes", () => {
    expect(speakers("Senator Tom Reyes wrote on X: ‘This attack on civilians is a war crime.’")).toEqual([
      "Tom Reyes",
    ]);
  });

  it("an organisation said it", () => {
    expect(
      pairs("In a statement, the EU said it “strongly condemns the attacks on civilians in the north.”"),
    ).toEqual([["EU", "strongly condemns the attacks on civilians in the north."]]);
  });

  it("a ministry with a time adverbial before the verb", () => {
    const [s] = run(
      "France’s foreign ministry on Saturday urged the authorities “to ensure that the perpetrators are held accountable.”",
    );
    expect(s?.speaker).toBe("France’s foreign ministry");
    expect(s?.kind).toBe("official");
  });

  it("an organisation with an acronym and an appositive", () => {
    const [s] = run(
      "On Saturday, the Syrian Network for Human Rights (SNHR), another war monitor, said it had documented “house raids and field executions of men in several villages.”",
    );
    expect(s?.speaker).toBe("Syrian Network for Human Rights");
    expect(s?.role).toBe("another war monitor");
    expect(s?.kind).toBe("organization");
  });

  it("a statement from X / X releasing a statement saying", () => {
    expect(
      speakers(
        "Condemnation followed, with Norway’s foreign ministry releasing a statement saying, “Oslo condemns these atrocities in the strongest terms.”",
      ),
    ).toEqual(["Norway’s foreign ministry"]);
  });

  it("a participle after the main clause: the sentence subject speaks", () => {
    expect(
      speakers(
        "Lebanese legislator Haidar Nasser urged intervention, telling AP, “The international community should protect them.”",
      ),
    ).toEqual(["Haidar Nasser"]);
  });

  it("NAME, DESCRIPTION was quoted as saying", () => {
    const [s] = run(
      "Ali Sheha, a 57-year-old resident of Baniyas was quoted as saying, “Bodies were on the streets.”",
    );
    expect(s?.speaker).toBe("Ali Sheha");
    expect(s?.kind).toBe("witness");
  });

  it("a speaker and a colon without a verb (transcripts, liveblogs)", () => {
    expect(speakers("Spokesperson: “The mission is doing what it can with the resources it has.”")).toEqual([
      "Spokesperson",
    ]);
  });
});

describe("pronouns", () => {
  it("he said → the last named person", () => {
    const text =
      "Baniyas resident Samir Haidar, 67, said gunmen came on Friday.\n‘They entered the building and killed my only neighbour,’ he said.";
    expect(speakers(text)).toEqual(["Samir Haidar"]);
  });

  it("He wrote: → the subject of the previous sentence, not a name in its object", () => {
    const text =
      "It comes after the US’ top diplomat, Secretary of State Marco Rubio, called for Sharaa to act.\nHe wrote on X: ‘The United States condemns the terrorists who murdered people.’";
    expect(speakers(text)).toEqual(["Marco Rubio"]);
  });

  it("she added → the last quoted speaker", () => {
    const text =
      "“We lost everything,” said Hatice Demir, 52. “The walls were moving like paper,” she added.";
    expect(speakers(text)).toEqual(["Hatice Demir", "Hatice Demir"]);
  });

  it("they added → an anonymous witness", () => {
    const text =
      "“Most of us were not even supporters,” an Alawite in Damascus told The National. “Nowhere is safe for us now,” they added.";
    const s = run(text);
    expect(s.map((x) => x.speaker)).toEqual(["an Alawite in Damascus", "an Alawite in Damascus"]);
    expect(s.every((x) => x.kind === "witness")).toBe(true);
  });

  it("he said after a reported-speech sentence with an appositive single name", () => {
    const text =
      "The head of the local rescue office, Budiono, said the boy had been protected by a wardrobe. “It is a miracle,” he said.";
    expect(speakers(text)).toEqual(["Budiono"]);
  });

  it("she told → a described person", () => {
    const text =
      "The mother of a student shot dead in Kitengela said her son had gone out to buy bread. “He was not a protester,” she told the BBC.";
    expect(speakers(text)[0]).toMatch(/^mother of a student/);
  });

  it("it said → the organisation", () => {
    const text =
      "The Red Crescent said it had set up tents. “Our volunteers are working around the clock,” it said.";
    expect(speakers(text)).toEqual(["Red Crescent"]);
  });
});

describe("full names, titles and roles", () => {
  it("resolves a surname to the full name given anywhere earlier", () => {
    const text =
      "US Secretary of State Marco Rubio condemned the killings.\n“The perpetrators must be held accountable,” Rubio said in a statement.";
    const [s] = run(text);
    expect(s?.speaker).toBe("Marco Rubio");
    expect(s?.speakerSurface).toBe("Rubio");
    expect(s?.role).toBe("US Secretary of State");
    expect(s?.kind).toBe("official");
  });

  it("resolves Mr and Dr honorifics", () => {
    const text =
      "British Foreign Secretary David Lammy visited the camp.\n“The world must act,” Mr Lammy said. “We are out of beds,” Dr. Amal Nour said.";
    expect(speakers(text)).toEqual(["David Lammy", "Amal Nour"]);
  });

  it("resolves a role description to the titled person", () => {
    const text =
      "President Sharaa spoke in Damascus.\nOn Sunday, the interim president said: “What is happening is within the expected challenges.”";
    expect(speakers(text)).toEqual(["Sharaa"]);
  });

  it("non-ASCII names", () => {
    const text =
      "On Sunday, the United Nations High Commissioner for Human Rights, Volker Türk, called for restraint.\n“Civilians must be protected,” Türk said in a statement.";
    const [s] = run(text);
    expect(s?.speaker).toBe("Volker Türk");
    expect(s?.role).toMatch(/High Commissioner/);
  });

  it("occupations written like titles are roles", () => {
    expect(speakers("Survivor Thandeka Nkosi said: 'People were jumping from the windows.'")).toEqual([
      "Thandeka Nkosi",
    ]);
  });
});

describe("anonymous witnesses and kinds", () => {
  it("a resident said", () => {
    const [s] = run("In Jableh, a resident said: “There are six of us in the house and nothing to eat.”");
    expect(s?.speaker).toBe("a resident");
    expect(s?.kind).toBe("witness");
  });

  it("a doctor speaking on condition of anonymity", () => {
    const [s] = run(
      "A doctor at the regional hospital, speaking on condition of anonymity, said: “There are bodies lying everywhere in the corridors.”",
    );
    expect(s?.speaker).toBe("A doctor at the regional hospital");
  });

  it("classifies officials, organisations and witnesses", () => {
    const kinds = run(
      [
        "“We have deployed 2,300 rescuers,” Interior Minister Ali Yerlikaya said.",
        "“Hospitals are overwhelmed,” Amnesty International said.",
        "“I heard the bomb,” a shopkeeper said.",
      ].join("\n"),
    ).map((s) => s.kind);
    expect(kinds).toEqual(["official", "organization", "witness"]);
  });
});

describe("multi-paragraph quotes and continuations", () => {
  it("splits a multi-paragraph quote into one statement per paragraph, same speaker", () => {
    const text =
      "Senator Tom Reyes wrote on X: ‘The United States condemns the attack.\n‘We stand with the victims and their families.\n‘The perpetrators must be held accountable.’\nOther news.";
    const s = run(text);
    expect(s.map((x) => x.speaker)).toEqual(["Tom Reyes", "Tom Reyes", "Tom Reyes"]);
    expect(s[2]?.quote).toBe("The perpetrators must be held accountable.");
  });

  it("a second quote in the same paragraph continues the speaker", () => {
    const text =
      "“It was expected to be difficult,” Mojtaba Amani said. “But the scale of violence is unprecedented.”";
    expect(speakers(text)).toEqual(["Mojtaba Amani", "Mojtaba Amani"]);
  });

  it("an unattributed quote paragraph after a speaker's quote continues that speaker", () => {
    const text =
      "‘I was shouting my children’s names,’ Rodel Abarquez said.\n\n‘When the water dropped, the whole street was gone.’";
    expect(speakers(text)).toEqual(["Rodel Abarquez", "Rodel Abarquez"]);
  });

  it("a quote paragraph introduced by the sentence before it", () => {
    const text =
      "A monk who survived the attack described the moment the bombs fell.\n\n“We were sleeping in the main hall with about 150 people from the village.”";
    expect(speakers(text)).toEqual(["A monk"]);
  });
});

describe("fragments", () => {
  it("joins fragments of one speaker in one sentence", () => {
    const text =
      "The UN’s special envoy for Syria, Geir Pedersen, said he was “deeply alarmed” by “very troubling reports of civilian casualties”.";
    expect(pairs(text)).toEqual([
      ["Geir Pedersen", "deeply alarmed very troubling reports of civilian casualties"],
    ]);
  });

  it("keeps two long quotes of one sentence apart", () => {
    const text =
      "The EU said it “strongly condemns the recent attacks on government forces in the coastal areas,” while calling on “all external actors to fully respect the sovereignty of the country.”";
    expect(run(text)).toHaveLength(2);
  });

  it("drops bare scare quotes", () => {
    expect(run("Officials blamed “armed groups” for the attack.")).toEqual([]);
    expect(run("He vowed ‘no leniency’ for the perpetrators.")).toEqual([]);
  });

  it("keeps a short complete utterance", () => {
    expect(pairs("Mary Okafor lost her home in the fire. “We are devastated,” she said.")).toEqual([
      ["Mary Okafor", "We are devastated,"],
    ]);
  });
});

describe("evidence and offsets", () => {
  it("keeps the evidence sentence and the quote offsets into the text", () => {
    const text = "Intro sentence here. “The bridge is gone,” Mayor Ana Ruiz said. Another sentence.";
    const [s] = run(text);
    expect(text.slice(s!.start, s!.end)).toBe(s!.quote);
    expect(s!.text).toContain("Mayor Ana Ruiz said");
    expect(s!.text).not.toContain("Intro sentence");
  });

  it("drops a duplicate of the same quote by the same speaker (captions repeat the body)", () => {
    const text =
      "“The state will act firmly against all perpetrators,” Ana Ruiz said.\n“The state will act firmly against all perpetrators,” Ana Ruiz said.";
    expect(run(text)).toHaveLength(1);
  });

  it("returns nothing for text without quotes", () => {
    expect(run("Nothing was said today. Syria’s leader didn’t speak.")).toEqual([]);
  });
});
