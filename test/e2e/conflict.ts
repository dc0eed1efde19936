// Writes a short article that contradicts what /toll currently reports for its story: a new
// originator with a figure that cannot overlap the first originator's, on the story's own terms.
import type { Term } from "../../src/reconcile/stories.js";

export interface TollLine {
  originator: string | null;
  count: number | null;
  qualifier: "exact" | "approx" | "min" | "max";
  published: string | null;
}

export interface TollData {
  story: { id: number; name: string } | null;
  measures: { measure: string; originators: TollLine[] }[];
}

export function conflictingArticle(toll: TollData, terms: Term[]): string {
  const killed = toll.measures.find((m) => m.measure === "killed") ?? toll.measures[0];
  const line = killed?.originators.find((o) => o.count !== null && o.count > 9);
  if (!line || line.count === null)
    throw new Error(`/toll has no counted figure to contradict: ${JSON.stringify(toll)}`);
  // below a minimum, above a maximum, far outside an exact or approximate figure
  const figure = line.qualifier === "max" ? line.count * 3 : Math.max(2, Math.floor(line.count / 4));
  // the story's own names and places, so the article joins that story and no other
  const names = terms.filter((t) => t[3] === "p").map((t) => t[2]);
  const event = terms.find((t) => t[3] === "e")?.[2] ?? "violence";
  const words = names.slice(0, 6);
  const date = (line.published ?? new Date().toISOString()).slice(0, 10);
  const place = words.slice(0, 3).join(", ") || "the region";
  return [
    `date ${date}`,
    `Interior Ministry gives a far lower toll for the ${event} in ${place}`,
    "",
    `The Interior Ministry said on Sunday that ${figure.toLocaleString("en-GB")} people were killed in the ${event} in ${place}.`,
    "",
    `Officials in ${place} said the count covered the clashes of the past days, and that rescue work was continuing.${words.length > 3 ? ` The ministry spoke of ${words.slice(3).join(", ")}.` : ""}`,
    "",
    `A ministry spokesman said: "We will publish the full names of the victims once every family has been informed."`,
  ].join("\n");
}
