// What /toll is built from: citations folded into one figure, latest per originator, headline,
// superseded figures apart, breakdowns checked against the same originator's total.
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/reconcile/summary.js";
import type { FigureView } from "../../src/store/figures.js";

let id = 1;
function view(p: Partial<FigureView> & Pick<FigureView, "count">): FigureView {
  const n = id++;
  return {
    id: n,
    storyId: 1,
    articleId: n,
    measure: "killed",
    group: "total",
    originator: "SOHR",
    qualifier: "exact",
    range: null,
    published: "2025-03-09",
    cumulative: false,
    superseded: false,
    text: "evidence",
    sourceSurface: null,
    rangeRole: null,
    low: null,
    high: null,
    outlet: `Outlet ${n}`,
    url: `https://example.org/${n}`,
    file: null,
    title: null,
    ingestedAt: "2025-03-09T10:00:00Z",
    ...p,
  };
}

describe("summarize", () => {
  it("folds repeats into citations, keeps each originator's latest value and its history", () => {
    const [m] = summarize([
      view({ count: 800, published: "2025-03-08" }),
      view({ count: 1000, qualifier: "min" }),
      view({ count: 1000, qualifier: "min" }),
      view({ count: 1000, qualifier: "min", outlet: null }),
      view({ count: 900, originator: "Ministry", qualifier: "approx" }),
      view({ count: 5000, originator: null }),
    ]);
    const total = m!.groups.find((g) => g.group === "total")!;
    const sohr = total.originators.find((l) => l.originator === "SOHR")!;
    expect(sohr.latest).toMatchObject({ count: 1000, qualifier: "min", words: "at least 1,000" });
    expect(sohr.latest.citations).toHaveLength(3);
    expect(sohr.history.map((h) => h.words)).toEqual(["800"]);
    expect(total.originators.map((l) => l.originator)).toEqual(["SOHR", "Ministry", null]);
    expect(m!.headline).toMatchObject({ originator: "SOHR", count: 1000 });
  });

  it("keeps superseded figures apart from the current ones", () => {
    const [m] = summarize([view({ count: 20, superseded: true }), view({ count: 35 })]);
    expect(m!.superseded.map((v) => v.count)).toEqual([20]);
    expect(m!.groups[0]!.originators[0]!.latest.count).toBe(35);
    expect(m!.groups[0]!.originators[0]!.history).toEqual([]);
  });

  it("reports breakdowns that exceed the same originator's total, not other originators'", () => {
    const parts = [
      view({ count: 973, group: "civilians" }),
      view({ count: 125, group: "security_forces" }),
      view({ count: 148, group: "fighters" }),
    ];
    const exact = summarize([view({ count: 1000 }), ...parts])[0]!;
    expect(exact.breakdownIssues).toHaveLength(1);
    expect(exact.breakdownIssues[0]).toMatch(/1,246/);
    const floor = summarize([view({ count: 1000, qualifier: "min" }), ...parts])[0]!;
    expect(floor.breakdownIssues).toEqual([]);
    const someoneElse = summarize([view({ count: 1000, originator: "Ministry" }), ...parts])[0]!;
    expect(someoneElse.breakdownIssues).toEqual([]);
  });

  it("shows a range as its two ends and never averages", () => {
    const [m] = summarize([
      view({ count: 30, qualifier: "min", range: { low: 30, high: 40 }, rangeRole: "low" }),
      view({ count: 40, qualifier: "max", range: { low: 30, high: 40 }, rangeRole: "high" }),
    ]);
    expect(m!.groups[0]!.originators[0]!.latest.words).toBe("30–40");
    expect(JSON.stringify(m)).not.toMatch(/\b35\b/);
  });
});

describe("ranges through the pipeline", () => {
  it("pairs the two ends of a range into one interval and compares it whole", async () => {
    const { tempStore, draft, fig, stepsFor } = await import("./helpers.js");
    const { ingestDraft } = await import("../../src/ingest/pipeline.js");
    const { listAlerts } = await import("../../src/store/alerts.js");
    const { listStoryFigures } = await import("../../src/store/figures.js");
    const { store, cleanup } = tempStore();
    try {
      const a = draft(
        "Mogadishu bombing near Hodan market: between 30 and 40 killed, Somalia's ministry said in Mogadishu.",
      );
      const b = draft(
        "Hodan market bombing in Mogadishu: Somalia's ministry and Aamin Ambulance report on Mogadishu.",
      );
      const c = draft(
        "Mogadishu Hodan market bombing: Aamin Ambulance in Mogadishu gives its count for Somalia.",
      );
      const ministry = "Somali health ministry";
      const steps = stepsFor(
        new Map([
          [
            a.text,
            {
              figures: [
                // as the extractor marks them: the low end a floor, the high end a ceiling
                fig({ count: 30, source: ministry, rangeRole: "low", qualifier: "min" }),
                fig({ count: 40, source: ministry, rangeRole: "high", qualifier: "max" }),
              ],
              statements: [],
            },
          ],
          [b.text, { figures: [fig({ count: 35, source: "Aamin Ambulance" })], statements: [] }],
          [c.text, { figures: [fig({ count: 52, source: "Aamin Ambulance" })], statements: [] }],
        ]),
      );
      for (const d of [a, b]) ingestDraft(store, d, steps);
      expect(listAlerts(store, { all: true })).toEqual([]);
      const stored = listStoryFigures(store, 1);
      expect(stored.slice(0, 2).map((f) => [f.low, f.high])).toEqual([
        [30, 40],
        [30, 40],
      ]);
      ingestDraft(store, c, steps);
      const alerts = listAlerts(store, { all: true });
      // 52 is outside 30–40 (a disagreement); Aamin's own 35 → 52 on the same day is a revision
      expect(alerts.find((x) => x.kind === "disagreement")?.summary).toMatch(/30–40/);
      expect(alerts.map((x) => [x.kind, [...x.values].sort((p, q) => p - q)]).sort()).toEqual([
        ["disagreement", [30, 40, 52]],
        ["revision", [35, 52]],
      ]);
    } finally {
      cleanup();
    }
  });
});
