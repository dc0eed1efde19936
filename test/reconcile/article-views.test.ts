// Reconciliation builds the new article's figure views from what the pipeline holds instead of
// reading them back: they must be exactly what reading them back gives.
import { describe, expect, it } from "vitest";
import { ingestDraft, type PipelineSteps } from "../../src/ingest/pipeline.js";
import { articleFigureViews, reconcileSteps } from "../../src/reconcile/apply.js";
import { listStoryFigures } from "../../src/store/figures.js";
import { draft, fig, tempStore } from "./helpers.js";

describe("articleFigureViews", () => {
  it("equals the views read back from the store, for ranges, open intervals, renamed originators and unsourced figures", () => {
    const { store, cleanup } = tempStore();
    const { place, reconcile } = reconcileSteps({ destinations: ["web"] });
    const now = new Date("2025-03-10T09:30:00Z");
    const compared: number[] = [];
    const steps: PipelineSteps = {
      extract: (input) =>
        input.text.startsWith("first")
          ? { figures: [fig({ count: 40, source: "SOHR", sourceSurface: "SOHR" })], statements: [] }
          : {
              figures: [
                fig({ count: 30, rangeRole: "low", source: "Syrian Observatory for Human Rights (SOHR)" }),
                fig({ count: 40, rangeRole: "high", source: "Syrian Observatory for Human Rights (SOHR)" }),
                fig({
                  count: 1000,
                  qualifier: "min",
                  source: "the health ministry",
                  sourceSurface: "ministry",
                }),
                fig({
                  count: 12,
                  qualifier: "approx",
                  group: "children",
                  superseded: true,
                  cumulative: true,
                }),
                fig({ count: null, qualifier: "approx", measure: "injured" }),
                fig({ count: 7, qualifier: "max", measure: "missing", source: "police" }),
              ],
              statements: [],
            },
      place,
      reconcile: (s, article, options) => {
        const built = articleFigureViews(s, article, article.placement!, options.now);
        const read = listStoryFigures(s, article.placement!.storyId).filter(
          (v) => v.articleId === article.id,
        );
        expect(built).toEqual(read);
        compared.push(built.length);
        reconcile(s, article, options);
      },
    };
    const where = {
      outlet: "Wire",
      url: "https://news.example/a",
      title: "Clashes",
      published: "2025-03-09",
    };
    ingestDraft(store, draft("first report on the Latakia clashes", where), steps, { now });
    ingestDraft(
      store,
      draft("second report on the Latakia clashes", { ...where, url: "https://news.example/b" }),
      steps,
      { now },
    );
    expect(compared).toEqual([1, 6]);
    cleanup();
  });
});
