import { describe, expect, it } from "vitest";
import { chartSeries, emptyChart, renderChart } from "../../src/chat/web/chart.js";
import type { FigureView } from "../../src/store/figures.js";

let nextId = 1;
function fig(over: Partial<FigureView>): FigureView {
  return {
    id: nextId++,
    storyId: 1,
    articleId: 1,
    measure: "killed",
    group: "total",
    originator: "Monitor A",
    count: 100,
    qualifier: "exact",
    range: null,
    published: "2025-03-08",
    cumulative: false,
    superseded: false,
    text: "evidence",
    sourceSurface: null,
    rangeRole: null,
    low: null,
    high: null,
    outlet: null,
    url: null,
    file: null,
    title: null,
    ingestedAt: "2025-03-10T00:00:00Z",
    ...over,
  };
}

describe("toll chart", () => {
  it("draws killed · total per originator and day, leaving out uncounted and superseded figures", () => {
    const series = chartSeries([
      fig({ originator: "Monitor A", count: 100, published: "2025-03-08" }),
      fig({ originator: "Monitor A", count: 140, published: "2025-03-08" }),
      fig({ originator: "Monitor A", count: 300, published: "2025-03-09T10:00:00Z" }),
      fig({ originator: "Ministry B", count: 50, published: "2025-03-09" }),
      fig({ originator: "Ministry B", count: 70, published: null, ingestedAt: "2026-11-23T12:00:00Z" }),
      fig({ originator: "Ministry B", count: null }),
      fig({ originator: "Ministry B", count: 20, superseded: true }),
      fig({ measure: "injured", count: 900 }),
    ]);
    expect(series?.key).toBe("killed · total");
    expect(series?.points).toEqual([
      { date: "2025-03-08", count: 140, originator: "Monitor A", qualifier: "exact" },
      { date: "2025-03-09", count: 300, originator: "Monitor A", qualifier: "exact" },
      { date: "2025-03-09", count: 50, originator: "Ministry B", qualifier: "exact" },
    ]);
    expect(series?.undated).toBe(1);
  });

  it("falls back to the measure with the most figures, or draws nothing", () => {
    const series = chartSeries([
      fig({ measure: "injured", group: "civilians" }),
      fig({ measure: "missing" }),
    ]);
    expect(series?.key).toBe("injured · civilians");
    expect(chartSeries([fig({ count: null })])).toBeNull();
    // with no dated figure at all, the ingest dates are drawn
    expect(chartSeries([fig({ published: null, ingestedAt: "2026-11-23T12:00:00Z" })])?.points[0]?.date).toBe(
      "2026-11-23",
    );
  });

  it("renders an SVG naming each originator", async () => {
    const series = chartSeries([
      fig({ originator: "Monitor <A>", count: 100 }),
      fig({ originator: "Ministry B", count: 400, published: "2025-03-09" }),
    ]);
    const svg = await renderChart("Floods & storms", series!);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Monitor &lt;A&gt;");
    expect(svg).toContain("Ministry B");
    expect(svg).toContain("Floods &amp; storms");
  });

  it("escapes the empty-chart message", () => {
    expect(emptyChart('No story matches "<x>".')).not.toContain("<x>");
  });
});
