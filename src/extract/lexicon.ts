// Vocabulary of casualty reporting in English news: measures, groups, qualifiers, things that are
// not people, and the words of attribution. Generic terms only; no names of particular events.
import type { Group, Measure, Qualifier } from "../core/types.js";

/** Measure terms, longest first within each family; matched case-insensitively on word boundaries. */
export const MEASURE_TERMS: ReadonlyArray<readonly [Measure, string]> = [
  [
    "casualties",
    String.raw`casualties|casualty|(?:killed|dead) (?:or|and) (?:injured|wounded|maimed|hurt)|(?:injured|wounded) (?:or|and) killed`,
  ],
  [
    "killed",
    String.raw`death tolls?|tolls?|claimed (?:the )?lives of|claiming (?:the )?lives of|lost (?:their|his|her) lives|losing their lives|lives (?:were )?lost|(?:shot|stabbed|burned|burnt|crushed|beaten|hacked|trampled) to death|shot dead|killed|killing|kills|kill|dead|deaths?|died|dies|die|dying|fatalities|fatality|fatally (?:shot|wounded|injured)|massacred|martyrs|martyred|perished|slain|drowned|neutrali[sz]ed|bodies (?:were |have been |had been )?(?:recovered|found|retrieved|pulled)`,
  ],
  [
    "injured",
    String.raw`injured|injuring|injuries|injures|wounded|wounding|hurt|hospitali[sz]ed|(?:taken|rushed|admitted|airlifted) to (?:a |the )?(?:local |nearby )?hospitals?|being treated|receiving (?:medical )?treatment|(?:escaped|suffered|sustained) (?:with )?(?:serious |minor |critical )?injuries|treated (?:in|at) (?:a |the )?(?:local |nearby )?hospitals?`,
  ],
  ["missing", String.raw`missing|unaccounted for|(?:still )?trapped`],
  [
    "displaced",
    String.raw`internally displaced|displaced|displacing|made homeless|left homeless|homeless|fled (?:their|his|her) homes|forced (?:from|out of) (?:their|his|her) homes|driven from (?:their|his|her) homes|forced to flee|uprooted|evacuated|fled|(?:shifted|moved|relocated) to (?:\w+ |\w+[,]\w+ |\w+[,]\w+[,]\w+ )?(?:relief |evacuation )?(?:camps|centres|centers|shelters)`,
  ],
  [
    "detained",
    String.raw`detained|detaining|arrested|arresting|arrests|taken into custody|in custody|rounded up`,
  ],
  [
    "kidnapped",
    String.raw`kidnapped|kidnapping|abducted|abducting|taken hostage|taken captive|held hostage|held captive|(?:still )?being held|still held|hostages|captives`,
  ],
  ["released", String.raw`released|releases|releasing|freed|frees|free|freeing|set free|rescued hostages`],
];

const MEASURE_ALT = MEASURE_TERMS.map(([, alt]) => alt).join("|");
/** Any measure term (the cheap test for a sentence worth a closer look). */
export const ANY_MEASURE = new RegExp(String.raw`\b(?:${MEASURE_ALT}|bod(?:y|ies))\b`, "i");
/** Every measure term, with a capture group per family (index + 1 = family). */
export const MEASURE_G = new RegExp(MEASURE_TERMS.map(([, alt]) => String.raw`\b(${alt})\b`).join("|"), "gi");

/**
 * The words a measure term can begin with, lower case: the alternatives of `source` spelled out up to their
 * first space. Reads only what MEASURE_TERMS uses (groups, alternatives, ?, [..], \\w+ after a space).
 */
function firstWords(source: string): Set<string> {
  let i = 0;
  const cut = (xs: Iterable<string>) => new Set([...xs].map((x) => x.split(" ")[0]!));
  // cartesian product of sequences, each cut at its first space (what follows cannot change the first word)
  const join = (as: Set<string>, bs: Set<string>) => {
    const out = new Set<string>();
    for (const a of as) {
      if (a.includes(" ")) out.add(a);
      else for (const b of bs) out.add(a + b);
    }
    return out;
  };
  const alt = (): Set<string> => {
    const out = new Set<string>();
    for (;;) {
      let seq = new Set([""]);
      while (i < source.length && source[i] !== "|" && source[i] !== ")") {
        let atom: Set<string>;
        const ch = source[i]!;
        if (source.startsWith("(?:", i)) {
          i += 3;
          atom = alt();
          if (source[i] !== ")") throw new Error("firstWords: unclosed group");
          i++;
        } else if (ch === "[") {
          const close = source.indexOf("]", i);
          atom = new Set(source.slice(i + 1, close));
          i = close + 1;
        } else if (source.startsWith("\\w+", i)) {
          atom = new Set(["\u0001"]);
          i += 3;
        } else if (/[a-z ]/.test(ch)) {
          atom = new Set([ch]);
          i++;
        } else throw new Error(`firstWords: unread ${ch}`);
        if (source[i] === "?") {
          atom.add("");
          i++;
        }
        seq = join(seq, atom);
      }
      for (const x of seq) out.add(x);
      if (source[i] !== "|") return out;
      i++;
    }
  };
  const words = cut(alt());
  for (const w of words) if (!/^[a-z]+$/.test(w)) throw new Error(`firstWords: ${w}`);
  return words;
}
/** The words a measure term begins with: a term can start only where a whole run of ASCII letters is one. */
export const MEASURE_FIRST_WORDS: ReadonlySet<string> = firstWords(
  MEASURE_TERMS.map(([, alt]) => alt).join("|"),
);

export function measureOf(m: RegExpExecArray): Measure {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return MEASURE_TERMS[i - 1]![0];
  return "killed";
}

/** A measure term used as a noun that names a count ("the death toll", "deaths", "casualties"). */
export const TOLL_NOUN =
  /^(?:death tolls?|tolls?|deaths?|dead|fatalities|casualties|casualty|injuries|martyrs|missing|displaced|injured|wounded|arrests|hostages|captives)$/i;

/** Verbs of a toll that reaches a number: "the toll rose to", "stood at", "was". */
export const TOLL_VERB_END =
  /\b(?:to|at|reached|reaching|hit|hitting|topped|topping|passed|passing|exceeded|exceeding|surpassed|is|was|were|are|be|been|reach|exceed|top|stands at|stood at|now|of|amounted to|amounting to|totalled|totaled|totalling|numbered|included|includes|including)\s*$/i;

/** Words allowed between a measure before the number and the number ("killed at least", "dead were"). */
export const GLUE = new Set(
  "at least to of the a an total overall official rose risen rising has have had was were is are now stood stands standing reached climbed climbing amounted amounting including included include includes among them which who that some about around more than over nearly almost up as many estimated approximately roughly no fewer less not exceed would could be been further already another other revised down upwards jumped increased soared their own put puts placed number".split(
    " ",
  ),
);

/** Qualifier words standing right before a number. */
export const QUALIFIER_BEFORE: ReadonlyArray<readonly [Qualifier, RegExp]> = [
  [
    "max",
    /\b(?:would not exceed|will not exceed|did not exceed|does not exceed|not exceeding|up to|as many as|as high as|as much as|nearly|almost|(?<!no |not )fewer than|(?<!no |not )less than|no more than|not more than|at most|at the most|a maximum of|under|close to|just under)\s*["“”']?\s*$/i,
  ],
  [
    "min",
    /\b(?:at least|more than|over|upwards of|no fewer than|no less than|not less than|in excess of|a minimum of|above|exceeding|well over|just over|at the very least)\s*["“”']?\s*$/i,
  ],
  [
    "approx",
    /(?:\b(?:about|around|roughly|some|an estimated|estimated|approximately|approx\.?|circa|an approximate|nearly some|upward of)\s*|~\s*)$/i,
  ],
];
/** The last words each QUALIFIER_BEFORE pattern can end with, and whether a quote mark may follow them. */
export const QUALIFIER_BEFORE_TAILS: Readonly<Record<Qualifier, readonly [boolean, readonly string[]]>> = {
  max: [true, ["exceed", "exceeding", "to", "as", "nearly", "almost", "than", "most", "of", "under"]],
  min: [true, ["least", "than", "over", "of", "above", "exceeding"]],
  approx: [
    false,
    [
      "about",
      "around",
      "roughly",
      "some",
      "estimated",
      "approximately",
      "approx",
      "approx.",
      "circa",
      "approximate",
      "of",
      "~",
    ],
  ],
  exact: [false, []],
};
export const QUALIFIER_AFTER: ReadonlyArray<readonly [Qualifier, RegExp]> = [
  ["min", /^(?:\s+or more\b|\s*-?plus\b|\+)/i],
  ["approx", /^\s+or so\b/i],
];

/** Group nouns: the first one found in a noun phrase names the group. */
export const GROUP_TERMS: ReadonlyArray<readonly [Group, RegExp]> = [
  [
    "journalists",
    /^(?:journalists?|reporters?|media workers?|photographers?|photojournalists?|cameram[ae]n|correspondents?)$/i,
  ],
  [
    "aid_workers",
    /^(?:aid workers?|humanitarian workers?|relief workers?|humanitarians?|aid staff|un staff|peacekeepers?)$/i,
  ],
  [
    "health_workers",
    /^(?:health(?:care)? workers?|medics?|doctors?|nurses?|paramedics?|medical staff|medical workers?|health staff|medical personnel)$/i,
  ],
  [
    "security_forces",
    /^(?:soldiers?|troops?|servicem[ae]n|servicewom[ae]n|police(?:m[ae]n|wom[ae]n)?|police officers?|officers?|security forces?|security force members?|security personnel|personnel|guards?|border guards?|conscripts?|gendarmes?|marines?|sailors?|airmen|army|military|security men|members of the security forces|government forces|troopers?|cops?|constables?|rangers?|commandos?|reservists?|paratroopers?)$/i,
  ],
  [
    "fighters",
    /^(?:fighters?|militants?|insurgents?|gunm[ae]n|rebels?|jihadists?|jihadis?|loyalists?|attackers?|assailants?|terrorists?|militiam[ae]n|militias?|armed groups?|armed men|combatants?|extremists?|guerrillas?|bandits?|separatists?|paramilitaries|paramilitary fighters|remnants)$/i,
  ],
  [
    "children",
    /^(?:children|child|kids?|minors?|boys?|girls?|infants?|babies|baby|toddlers?|schoolchildren|pupils?|teenagers?|newborns?)$/i,
  ],
  ["other", /^(?:firefighters?|fire ?fighters?|rescuers?|rescue workers?|teachers?|lawyers?)$/i],
  ["women", /^(?:women|woman|mothers?|pregnant women)$/i],
  ["civilians", /^(?:civilians?|non-combatants?|protesters?|demonstrators?)$/i],
  [
    "total",
    /^(?:people|persons?|individuals?|others?|victims?|bodies|body|lives|men|man|adults?|passengers?|workers?|miners?|migrants?|refugees?|tourists?|worshippers?|students?|patients?|inmates?|prisoners?|detainees?|hostages?|captives?|survivors?|family members|crew members?|crew|residents?|bystanders?|pedestrians?|fishermen|farmers?|villagers?|citizens?|nationals?|palestinians|israelis|ukrainians|syrians|sudanese|afghans|iraqis|people's)$/i,
  ],
];

/** Nouns that are counted but are not people: a number attached to one is not a toll. */
export const NON_PEOPLE =
  /^(?:massacres?|attacks?|strikes?|airstrikes?|air strikes?|raids?|incidents?|explosions?|blasts?|bombs?|bombings?|shells?|rockets?|missiles?|drones?|shots?|rounds?|bullets?|villages?|towns?|cities|city|municipalities|districts?|provinces?|regions?|countries|states?|neighbourhoods?|neighborhoods?|buildings?|houses?|homes?|schools?|hospitals?|mosques?|churches?|shelters?|camps?|tents?|vehicles?|cars?|trucks?|buses|tanks?|aircraft|planes?|helicopters?|boats?|ships?|vessels?|flights?|trains?|days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|nights?|times|cases?|families|households|percent|per|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|ft|yards?|kg|tonnes?|tons?|hectares?|acres?|degrees?|points?|dollars?|euros?|pounds?|rupees?|yuan|naira|shekels?|storeys?|stories|floors?|sites?|positions?|targets?|locations?|areas?|operations?|incidents?|reports?|videos?|claims?|steps?|votes?|seats?|beds?|patients-per|rescue teams|teams?|units?|battalions?|brigades?|divisions?|companies|organisations?|organizations?|groups?|gangs?|magnitude|scale|km\/h|mph|pc|kms?|mw|gigawatts?|megawatts?|body bags|bags|trips?|shifts?|routes?|roads?|bridges?|dams?|mines?|wells?|sheep|cattle|animals?|landslides?|landslips?|earthquakes?|quakes?|floods?|fires?|storms?|crashes|accidents?|collisions?|waves?|aftershocks?|tremors?|avalanches?|mudslides?|typhoons?|cyclones?|hurricanes?|eruptions?|blazes?|clashes|battles?|ambushes|assaults?|shootings?|stabbings?|events?|coaches|carriages|wagons|compartments|collapses?|dogs?|horses?|rooms?|tonne)$/i;

/** Words that end a noun phrase after a number (verbs, clause words, prepositions of place and time). */
export const NP_STOP =
  /^(?:were|was|are|is|have|has|had|been|be|being|will|would|may|might|could|should|must|can|did|do|does|who|that|which|whom|whose|when|while|where|after|before|since|during|in|on|at|across|near|from|into|inside|outside|as|because|but|if|than|by|for|over|under|amid|including|remain|remained|remains|said|says|say|told|according|so)$/i;

/** Kinship nouns: "two of his brothers", "my two sons" are a witness's own relatives, not a toll. */
export const KINSHIP =
  /^(?:brothers?|sisters?|sons?|daughters?|wife|wives|husbands?|children|kids|parents|relatives|cousins?|nephews?|nieces?|uncles?|aunts?|grandchildren|grandsons?|granddaughters?|siblings?|family|friends?|neighbou?rs?|colleagues?)$/i;
export const POSSESSIVE = /^(?:his|her|my|their|our|your|whose)$/i;

export const MONTHS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

/** Breakdown markers: the numbers that follow split a count given before. */
export const BREAKDOWN_BEFORE =
  /(?:\b(?:including|included|includes|include|among them|among whom|among those|among the dead were|among the dead|of whom|of which|comprising|made up of|consisting of)\b|:)[^.;]{0,40}$/i;

/** Openings of a sentence that carries on the count of the sentence before. */
export const CONTINUATION_START =
  /^(?:on top of (?:this|that)|in addition|additionally|this included|these included|they included|that included|this includes|these include|those killed included|the dead included|the victims included|among (?:them|the dead|the victims|those killed|those)|of (?:those|them|the dead|these)|it added|the figure included|the toll included|also)\b/i;

/** Openings that name an earlier, superseded figure. */
export const SUPERSEDED_BEFORE =
  /(?:\b(?:up|down|rising|risen|rose|increased|climbed|jumped|revised \w+)\s+from|\bfrom an? (?:earlier|previous|initial|prior) (?:toll|figure|count|estimate)?\s*(?:of)?|\b(?:earlier|previous|initial|prior|preliminary|old) (?:death )?(?:toll|figure|count|tally|estimate)s? of|\bpreviously (?:reported|given|announced|put at)|\binitially (?:reported|put at|said)|\b(?:from|of)\s+an? earlier)\s*$/i;

/** Running totals. */
export const CUMULATIVE_BEFORE =
  /(?:\b(?:brings?|bringing|brought|raising|raises|raised|pushing|pushes|pushed|taking|takes|took)\b[^.;]{0,80}\bto|\b(?:total|overall|cumulative|running)\b[^.;]{0,60}|\b(?:toll|deaths?)\b[^.;]{0,40}\b(?:rose|risen|rising|climbed|climbing|increased|jumped|reached|has reached|now stands at|stands at))\s*[^\d\s]{0,20}\s*$/i;
