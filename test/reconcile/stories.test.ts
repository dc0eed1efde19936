// Story matching on distinctive terms: one event's articles join, unrelated events stay apart,
// and the time window keeps last month's story closed.
import { afterEach, describe, expect, it } from "vitest";
import { ingestDraft } from "../../src/ingest/pipeline.js";
import {
  articleTerms,
  distinctiveShares,
  matchShared,
  matchStory,
  type SharedTerm,
  storyName,
  type Term,
} from "../../src/reconcile/stories.js";
import { countStories, listStories } from "../../src/store/stories.js";
import { draft, stepsFor, tempStore } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const keys = (text: string) => articleTerms(text).map((t) => t[0]);

describe("articleTerms", () => {
  it("keeps names and places, drops sentence-initial words, titles, days and agencies", () => {
    const k = keys(
      "Officials said on Monday that the blast in Quetta killed 12. Reuters reported that Balochistan police were searching Quetta. The Pakistan army said President Zardari was briefed.",
    );
    expect(k).toEqual(expect.arrayContaining(["quetta", "balochistan", "pakistan", "zardari", "explosion"]));
    for (const w of ["officials", "monday", "reuters", "the", "president", "police", "army"])
      expect(k).not.toContain(w);
  });

  it("reads a Title Case headline as typography, not as names", () => {
    const k = keys(
      "Deadly Floods Sweep Through Northern Villages\n\nFloods in Sindh killed dozens near Sukkur, officials in Sindh said.",
    );
    expect(k).toEqual(expect.arrayContaining(["sindh", "sukkur", "flood"]));
    for (const w of ["deadly", "sweep", "villages"]) expect(k).not.toContain(w);
  });

  it("names a story from its two heaviest names, Syria and Syrian counting once", () => {
    const terms = articleTerms(
      "Clashes in Latakia: Syrian forces and Syria's Alawite villages in Latakia. Syria, Syria, Latakia, Syrian.",
    );
    expect(storyName(terms, () => false)).toBe("Syria · Latakia");
    expect(storyName(terms, (n) => n === "Syria · Latakia")).toBe("Syria · Latakia (2)");
  });
});

describe("matchStory", () => {
  it("joins short wire copy about one blast, keeps a flood in the same country apart", () => {
    const blast1 = articleTerms(
      "At least 12 killed in Kabul blast, police say. The explosion hit a market in Kabul.",
    );
    const blast2 = articleTerms(
      "Kabul explosion toll rises to 20, the Taliban said. The blast in Kabul was claimed by no one.",
    );
    const flood = articleTerms(
      "Floods in Badakhshan kill 30 in Afghanistan. Flooding in Badakhshan swept away homes.",
    );
    expect(matchStory(blast2, [{ storyId: 1, articles: [blast1] }])?.storyId).toBe(1);
    expect(matchStory(flood, [{ storyId: 1, articles: [blast1, blast2] }])).toBeNull();
  });
});

describe("matchShared (distinctive terms through the index)", () => {
  // two reports of one country's news: the country and its capital in both, the towns differ
  const quakeInKara: Term[] = [
    ["kara", 4, "Kara", "p"],
    ["hatay", 3, "Hatay", "p"],
    ["turkey", 2, "Turkey", "p"],
    ["ankara", 2, "Ankara", "p"],
    ["earthquake", 1, "earthquake", "e"],
  ];
  const bombInMiro: Term[] = [
    ["miro", 4, "Miro", "p"],
    ["adana", 3, "Adana", "p"],
    ["turkey", 2, "Turkey", "p"],
    ["ankara", 2, "Ankara", "p"],
    ["bombing", 1, "bombing", "e"],
  ];
  // in a busy window the country and its capital are in a tenth of all reports, the towns in a few
  const holding = (t: string) => (t === "turkey" || t === "ankara" ? 300 : 4);
  const sharesOf = (terms: Term[]) => distinctiveShares(terms, holding, 3000);
  const postings = (terms: Term[], articleId: number, storyId: number): SharedTerm[] => {
    const shares = sharesOf(terms);
    return terms.map((t) => ({ term: t[0], articleId, storyId, share: shares.get(t[0]) ?? 0 }));
  };

  it("weighs a term by how few recent reports hold it", () => {
    const shares = sharesOf(bombInMiro);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(shares.get("miro")!).toBeGreaterThan(3 * shares.get("turkey")!);
    // a small archive weighs terms nearly as the article does
    const small = distinctiveShares(bombInMiro, () => 1, 5);
    expect(small.get("miro")! / small.get("turkey")!).toBeCloseTo(2, 5);
  });

  it("keeps two events of one country apart, and joins a report of the same town", () => {
    const earlier = postings(quakeInKara, 1, 10);
    const shared = earlier.filter((p) => bombInMiro.some((t) => t[0] === p.term));
    expect(matchShared(bombInMiro, sharesOf(bombInMiro), shared)).toBeNull();
    const followUp: Term[] = [
      ["kara", 4, "Kara", "p"],
      ["hatay", 2, "Hatay", "p"],
      ["turkey", 2, "Turkey", "p"],
      ["rescuers", 1, "Rescuers", "p"],
    ];
    const sharedWithFollowUp = earlier.filter((p) => followUp.some((t) => t[0] === p.term));
    expect(matchShared(followUp, sharesOf(followUp), sharedWithFollowUp)?.storyId).toBe(10);
  });
});

describe("stories in the pipeline", () => {
  it("lists only the stories most recently added to when asked for a few", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const steps = stepsFor(new Map());
    const at = (day: number) => ({ now: new Date(Date.UTC(2025, 5, day, 12)) });
    ingestDraft(store, draft("First note."), steps, { story: "Alpha", ...at(1) });
    ingestDraft(store, draft("Second note."), steps, { story: "Beta", ...at(2) });
    ingestDraft(store, draft("Third note."), steps, { story: "Gamma", ...at(3) });
    ingestDraft(store, draft("Fourth note."), steps, { story: "Alpha", ...at(4) });
    expect(countStories(store)).toBe(3);
    expect(
      listStories(store, false, 2)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["Alpha", "Gamma"]);
    expect(listStories(store)).toHaveLength(3);
  });

  it("opens a new story for the same words a month later", () => {
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const text = (n: number) =>
      `Flooding in Sylhet and Sunamganj, Bangladesh: rivers in Sylhet burst their banks (report ${n}).`;
    const steps = stepsFor(new Map());
    ingestDraft(store, draft(text(1), { published: "2025-06-01" }), steps);
    ingestDraft(store, draft(text(2), { published: "2025-06-05" }), steps);
    ingestDraft(store, draft(text(3), { published: "2025-07-20" }), steps);
    const list = listStories(store);
    expect(list.map((s) => s.articles).sort()).toEqual([1, 2]);
    expect(new Set(list.map((s) => s.name)).size).toBe(2);
  });
});
