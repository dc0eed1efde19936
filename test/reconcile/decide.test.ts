// Interval logic and decisions: unit cases and properties (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEASURES, QUALIFIERS, type Qualifier } from "../../src/core/types.js";
import {
  alertGroups,
  decide,
  type FigureFact,
  judge,
  latestByOriginator,
  openDisagreements,
} from "../../src/reconcile/decide.js";
import { intervalOf, materiallyDifferent, overlaps } from "../../src/reconcile/interval.js";

let nextId = 1;
function fact(p: Partial<FigureFact> & Pick<FigureFact, "count">): FigureFact {
  const id = nextId++;
  return {
    id,
    storyId: 1,
    // each figure from its own article unless said otherwise
    articleId: id,
    measure: "killed",
    group: "total",
    originator: "A",
    qualifier: "exact",
    range: null,
    published: null,
    cumulative: false,
    superseded: false,
    ...p,
  };
}

describe("intervals", () => {
  it("maps qualifiers to intervals", () => {
    expect(intervalOf(100, "exact")).toEqual({ low: 100, high: 100 });
    const approx = intervalOf(100, "approx");
    expect(approx.low).toBeCloseTo(90);
    expect(approx.high).toBeCloseTo(110);
    expect(intervalOf(100, "min")).toEqual({ low: 100, high: Number.POSITIVE_INFINITY });
    expect(intervalOf(100, "max")).toEqual({ low: 0, high: 100 });
  });

  it("treats 1% as rounding, more as a different value", () => {
    expect(materiallyDifferent(1000, 1005)).toBe(false);
    expect(materiallyDifferent(973, 745)).toBe(true);
    expect(materiallyDifferent(3, 4)).toBe(true);
  });
});

describe("judge", () => {
  it("sees a disagreement between originators whose intervals do not overlap", () => {
    const v = judge(
      fact({ count: 200, qualifier: "min", originator: "Gov" }),
      fact({ count: 125, originator: "SOHR" }),
    );
    expect(v?.kind).toBe("disagreement");
  });

  it("finds 'at least 1,000' and 'more than 1,000' compatible, and a min with a max that meet", () => {
    expect(
      judge(
        fact({ count: 1000, qualifier: "min", originator: "B" }),
        fact({ count: 1000, qualifier: "min" }),
      ),
    ).toBeNull();
    expect(
      judge(fact({ count: 100, qualifier: "max", originator: "B" }), fact({ count: 90, qualifier: "min" })),
    ).toBeNull();
    expect(
      judge(fact({ count: 100, qualifier: "approx", originator: "B" }), fact({ count: 108 })),
    ).toBeNull();
  });

  it("flags the same originator giving two different counts with no later date", () => {
    expect(judge(fact({ count: 745 }), fact({ count: 973 }))?.kind).toBe("revision");
    expect(judge(fact({ count: 973 }), fact({ count: 745 }))?.kind).toBe("revision");
  });

  it("takes a later, higher running toll as an update, a later lower one as a revision", () => {
    const old = fact({ count: 320, published: "2025-08-16" });
    expect(judge(fact({ count: 2053, published: "2025-08-17" }), old)?.kind).toBe("update");
    expect(judge(fact({ count: 200, published: "2025-08-17" }), old)?.kind).toBe("revision");
    // older copy arriving after the newer figure
    expect(judge(fact({ count: 100, published: "2025-08-15" }), old)?.kind).toBe("revision");
    // a measure that can fall (displaced people return home) is flagged either way
    const displaced = fact({ count: 5000, measure: "displaced", published: "2025-08-16" });
    expect(judge(fact({ count: 8000, measure: "displaced", published: "2025-08-17" }), displaced)?.kind).toBe(
      "revision",
    );
  });

  it("does not flag a late reprint of a value the originator already gave", () => {
    const first = fact({ count: 320, published: "2025-08-16" });
    const update = fact({ count: 2053, published: "2025-08-17" });
    const reprint = fact({ count: 320, published: "2025-08-16" });
    expect(decide([first, update], [reprint]).map((v) => v.kind)).toEqual(["confirmation"]);
    // a value never given before, older and lower, is flagged once, against the latest value
    const stale = fact({ count: 250, published: "2025-08-15" });
    const verdicts = decide([first, update], [stale]);
    expect(verdicts.map((v) => v.kind)).toEqual(["revision"]);
    expect(verdicts[0]!.other.count).toBe(2053);
  });

  it("leaves two values of one originator within one article alone, but not two originators", () => {
    expect(judge(fact({ count: 320, articleId: 9 }), fact({ count: 250, articleId: 9 }))).toBeNull();
    expect(
      judge(fact({ count: 320, articleId: 9 }), fact({ count: 250, articleId: 9, originator: "B" }))?.kind,
    ).toBe("disagreement");
  });

  it("calls the same value from the same originator a confirmation", () => {
    expect(judge(fact({ count: 745, qualifier: "approx" }), fact({ count: 745 }))?.kind).toBe("confirmation");
  });

  it("never compares figures without an originator, superseded ones, or other stories and groups", () => {
    const base = fact({ count: 100, originator: "A" });
    expect(judge(fact({ count: 5000, originator: null }), base)).toBeNull();
    expect(judge(fact({ count: 5000, originator: "B", superseded: true }), base)).toBeNull();
    expect(judge(fact({ count: 5000, originator: "B", storyId: 2 }), base)).toBeNull();
    expect(judge(fact({ count: 5000, originator: "B", group: "civilians" }), base)).toBeNull();
    expect(judge(fact({ count: null, originator: "B" }), base)).toBeNull();
  });

  it("compares ranges as intervals", () => {
    const range = fact({ count: 30, range: { low: 30, high: 40 }, originator: "B" });
    expect(judge(range, fact({ count: 35 }))).toBeNull();
    expect(judge(range, fact({ count: 50 }))?.kind).toBe("disagreement");
  });
});

describe("decide against each originator's latest figure", () => {
  it("compares a new figure with the other originator's latest value only, and alerts once per value pair", () => {
    const sohr125 = fact({ count: 125, originator: "SOHR", published: "2025-03-08" });
    const sohr130 = fact({ count: 130, originator: "SOHR", published: "2025-03-09" });
    const gov = fact({ count: 200, qualifier: "min", originator: "Gov", published: "2025-03-09" });
    const groups = alertGroups(decide([sohr125, sohr130], [gov]));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.others.map((o) => o.count)).toEqual([130]);
    expect(groups[0]!.keys).toHaveLength(1);
    // a later copy of the government figure: the pair is known, nothing to alert
    const again = fact({ count: 200, qualifier: "min", originator: "Gov", published: "2025-03-09" });
    const known = new Set(groups[0]!.keys);
    expect(alertGroups(decide([sohr125, sohr130, gov], [again]), known)).toEqual([]);
    // a materially new value does alert
    const more = fact({ count: 260, qualifier: "min", originator: "Gov", published: "2025-03-09" });
    expect(alertGroups(decide([sohr125, sohr130, gov], [more]), known)).toHaveLength(1);
  });

  it("makes one alert of a figure at odds with several originators, naming each", () => {
    const a = fact({ count: 100, originator: "A", published: "2025-03-09" });
    const b = fact({ count: 101, originator: "B", published: "2025-03-09" });
    const c = fact({ count: 400, originator: "C", published: "2025-03-09" });
    const groups = alertGroups(decide([a, b], [c]));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.others.map((o) => o.originator).sort()).toEqual(["A", "B"]);
    expect(groups[0]!.keys).toHaveLength(2);
  });

  it("does not compare an older report arriving late with other originators", () => {
    const a = fact({ count: 300, originator: "A", published: "2025-03-10" });
    const b = fact({ count: 310, originator: "B", published: "2025-03-10" });
    // A's figure from two days earlier: stale against B's latest, so no disagreement; against A's
    // own latest it is older news with another value, flagged as a revision
    const late = fact({ count: 90, originator: "A", published: "2025-03-08" });
    expect(decide([a, b], [late]).map((v) => [v.kind, v.other.originator])).toEqual([["revision", "A"]]);
  });

  it("takes one originator's higher toll on a later day as an update, another originator's as a disagreement", () => {
    const a1 = fact({ count: 100, originator: "A", published: "2025-03-08" });
    const b1 = fact({ count: 100, originator: "B", published: "2025-03-08" });
    const a2 = fact({ count: 130, originator: "A", published: "2025-03-09" });
    // A's own later, higher count is an update; against B's count of the day before it disagrees
    expect(decide([a1, b1], [a2]).map((v) => [v.kind, v.other.count])).toEqual([
      ["update", 100],
      ["disagreement", 100],
    ]);
    // B, the same day as A's 130, says 300: an update of B's own and a disagreement with A's latest
    const b2 = fact({ count: 300, originator: "B", published: "2025-03-09" });
    expect(decide([a1, b1, a2], [b2]).map((v) => [v.kind, v.other.count])).toEqual([
      ["update", 100],
      ["disagreement", 130],
    ]);
    // dates do not excuse a gap between two originators, whichever arrives first
    const c = fact({ count: 60, originator: "C", published: "2025-03-10" });
    expect(judge(c, a2)?.kind).toBe("disagreement");
    expect(judge(a2, c)?.kind).toBe("disagreement");
    const d1 = fact({ count: 5000, measure: "displaced", originator: "A", published: "2025-03-08" });
    const d2 = fact({ count: 9000, measure: "displaced", originator: "B", published: "2025-03-09" });
    expect(judge(d2, d1)?.kind).toBe("disagreement");
    // counts that overlap never disagree: "about 100" and 105 the next day
    const e1 = fact({ count: 100, qualifier: "approx", originator: "A", published: "2025-03-08" });
    const e2 = fact({ count: 105, originator: "B", published: "2025-03-09" });
    expect(judge(e2, e1)).toBeNull();
  });

  it("gives the same verdicts with a slot's whole history or with each originator's latest figure", () => {
    const history = [
      fact({ count: 100, originator: "A", published: "2025-03-08" }),
      fact({ count: 120, originator: "B", published: "2025-03-08" }),
      fact({ count: 140, originator: "A", published: "2025-03-09" }),
      fact({ count: 400, originator: "C", published: "2025-03-09" }),
    ];
    const incoming = [fact({ count: 100, originator: "A", published: "2025-03-08" })];
    const latest = [...latestByOriginator(history).values()].flatMap((m) => [...m.values()]);
    const sameValue = history.filter((f) => f.originator === "A" && f.count === 100);
    const keyed = (vs: ReturnType<typeof decide>) => vs.map((v) => `${v.kind}:${v.key}`);
    expect(keyed(decide([...latest, ...sameValue], incoming))).toEqual(keyed(decide(history, incoming)));
  });
});

// ───────────── properties ─────────────

const qualifier = fc.constantFrom<Qualifier>(...QUALIFIERS);
const figureArb = fc.record({
  count: fc.integer({ min: 0, max: 3000 }),
  qualifier,
  originator: fc.constantFrom("A", "B", "C", null),
  measure: fc.constantFrom(...MEASURES.slice(0, 3)),
  group: fc.constantFrom("total" as const, "civilians" as const),
  published: fc.constantFrom(null, "2025-03-08", "2025-03-09", "2025-03-10"),
  superseded: fc.boolean(),
});

type Generated = typeof figureArb extends fc.Arbitrary<infer T> ? T : never;
const toFacts = (list: Generated[]) => list.map((r, i) => fact({ ...r, id: i + 1, articleId: i + 1 }));

/** The keys of every alert raised when the figures arrive one by one in this order. */
function alertedKeys(facts: FigureFact[]): Set<string> {
  const known = new Set<string>();
  for (let i = 0; i < facts.length; i++)
    for (const g of alertGroups(decide(facts.slice(0, i), [facts[i]!]), known))
      for (const k of g.keys) known.add(k);
  return known;
}

describe("properties", () => {
  it("overlap is symmetric and every interval overlaps itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        qualifier,
        fc.integer({ min: 0, max: 1e6 }),
        qualifier,
        (a, qa, b, qb) => {
          const x = intervalOf(a, qa);
          const y = intervalOf(b, qb);
          expect(overlaps(x, y)).toBe(overlaps(y, x));
          expect(overlaps(x, x)).toBe(true);
        },
      ),
    );
  });

  it("disagreement is symmetric", () => {
    fc.assert(
      fc.property(figureArb, figureArb, (a, b) => {
        const [x, y] = toFacts([a, b]) as [FigureFact, FigureFact];
        const xy = judge(x, y)?.kind === "disagreement";
        const yx = judge(y, x)?.kind === "disagreement";
        expect(xy).toBe(yx);
        if (xy) expect(judge(x, y)!.key).toBe(judge(y, x)!.key);
      }),
    );
  });

  it("identical figures never disagree and never raise a revision", () => {
    fc.assert(
      fc.property(figureArb, (a) => {
        const [x, y] = toFacts([a, a]) as [FigureFact, FigureFact];
        const v = judge(x, y);
        expect(v === null || v.kind === "confirmation").toBe(true);
      }),
    );
  });

  const permutations = fc.array(figureArb, { minLength: 1, maxLength: 14 }).chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.shuffledSubarray(
        list.map((_, i) => i),
        { minLength: list.length },
      ),
    ),
  );

  it("the set of open disagreements (among each originator's latest figures) does not depend on ingest order", () => {
    fc.assert(
      fc.property(permutations, ([list, order]) => {
        const facts = toFacts(list);
        const permuted = order.map((i) => facts[i]!);
        expect(openDisagreements(permuted)).toEqual(openDisagreements(facts));
      }),
    );
  });

  it("whatever the ingest order, every open disagreement has been alerted", () => {
    fc.assert(
      fc.property(permutations, ([list, order]) => {
        const facts = toFacts(list);
        const permuted = order.map((i) => facts[i]!);
        const alerted = alertedKeys(permuted);
        for (const key of openDisagreements(facts)) expect(alerted.has(key)).toBe(true);
      }),
    );
  });

  it("a repeat of an originator's latest figure never raises an alert", () => {
    fc.assert(
      fc.property(fc.array(figureArb, { minLength: 1, maxLength: 10 }), fc.nat(), (list, pick) => {
        const facts = toFacts(list);
        const slots = [...latestByOriginator(facts).values()].flatMap((m) => [...m.values()]);
        fc.pre(slots.length > 0);
        const latest = slots[pick % slots.length]!;
        const copy = { ...latest, id: facts.length + 1, articleId: facts.length + 1 };
        const known = alertedKeys(facts);
        expect(alertGroups(decide(facts, [copy]), known)).toEqual([]);
      }),
    );
  });
});
