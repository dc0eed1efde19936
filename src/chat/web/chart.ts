// The toll chart: each originator's figures over time for one story, vega-lite rendered to SVG on
// the server (no browser-side charting library, nothing to build).
import type { FigureView } from "../../store/figures.js";

export interface ChartPoint {
  date: string;
  count: number;
  originator: string;
  qualifier: string;
}

export interface ChartSeries {
  /** "killed · total" */
  key: string;
  points: ChartPoint[];
  /** Figures of the series left out because their article has no date. */
  undated: number;
}

/**
 * The series to draw: the measure × group with the most figures (killed · total when it has any),
 * one point per originator and day (the highest figure of that day), figures without a count left out.
 * Undated articles are left out too when any are dated: their ingest time would pull the axis to today.
 */
export function chartSeries(figures: FigureView[], measure?: string, group?: string): ChartSeries | null {
  const usable = figures.filter((f) => f.count !== null && !f.superseded && f.rangeRole !== "low");
  if (!usable.length) return null;
  const byKey = new Map<string, FigureView[]>();
  for (const f of usable) {
    const k = `${f.measure} · ${f.group}`;
    byKey.set(k, [...(byKey.get(k) ?? []), f]);
  }
  let key: string | undefined;
  if (measure) key = `${measure} · ${group ?? "total"}`;
  else if (byKey.has("killed · total")) key = "killed · total";
  else key = [...byKey.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  const chosen = key ? byKey.get(key) : undefined;
  if (!key || !chosen) return null;
  const dated = chosen.filter((f) => f.published);
  const drawn = dated.length ? dated : chosen;
  const points = new Map<string, ChartPoint>();
  for (const f of drawn) {
    const originator = f.originator ?? "unattributed";
    const date = (f.published ?? f.ingestedAt).slice(0, 10);
    const id = `${originator}|${date}`;
    const prev = points.get(id);
    if (!prev || (f.count ?? 0) > prev.count)
      points.set(id, { date, count: f.count ?? 0, originator, qualifier: f.qualifier });
  }
  return {
    key,
    points: [...points.values()].sort((a, b) => a.date.localeCompare(b.date)),
    undated: chosen.length - drawn.length,
  };
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A small SVG saying there is nothing to draw. */
export function emptyChart(message: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="80" viewBox="0 0 560 80"><rect width="560" height="80" fill="white"/><text x="16" y="44" font-family="sans-serif" font-size="14" fill="#555">${escapeXml(message)}</text></svg>`;
}

export async function renderChart(title: string, series: ChartSeries): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: `${series.key}, by who counted${series.undated ? ` (${series.undated} undated not drawn)` : ""}`,
    },
    width: 520,
    height: 220,
    data: { values: series.points },
    mark: { type: "line", point: { size: 70 }, strokeWidth: 2 },
    encoding: {
      x: { field: "date", type: "temporal", title: "Published", axis: { format: "%d %b", tickCount: 6 } },
      y: { field: "count", type: "quantitative", title: "Figure" },
      color: {
        field: "originator",
        type: "nominal",
        title: "Originator",
        legend: { orient: "bottom", columns: 2, labelLimit: 420, symbolLimit: 12 },
      },
      tooltip: [
        { field: "originator", type: "nominal" },
        { field: "count", type: "quantitative" },
        { field: "qualifier", type: "nominal" },
        { field: "date", type: "temporal" },
      ],
    },
    config: { font: "sans-serif", background: "white" },
  };
  // vega-lite's TopLevelSpec type is stricter than a literal: the compiler validates it at run time
  const compiled = compile(spec as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
