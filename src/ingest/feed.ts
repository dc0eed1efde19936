// RSS 2.0 / RSS 1.0 / Atom feeds: one draft per item, from its content, or from its linked page when
// the item carries only a link and a short summary. Entity declarations are refused before parsing.
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseHTML } from "linkedom";
import { fail, ok, type Result } from "../core/result.js";
import type { ArticleDraft } from "../core/types.js";
import { blockParagraphs, MAX_NESTING, markupDepth } from "./html.js";
import { assemble, type Source, toParagraphs } from "./text.js";

/** An item whose own text is shorter than this (a teaser of a sentence or two) and which has a link is read from its page. */
export const SHORT_SUMMARY_CHARS = 280;
/** Linked pages fetched at the same time while reading one feed. */
export const PAGE_FETCH_CONCURRENCY = 4;

export { looksLikeFeed } from "./decode.js";

/** Documents that declare entities (billion laughs, external entities) are refused outright. */
export function declaresEntities(xml: string): boolean {
  const doctype = /<!DOCTYPE/i.exec(xml);
  return doctype !== null && /<!ENTITY/i.test(xml.slice(doctype.index));
}

/** No feed nests this deep; a document that does is garbage or an attack on the parser. */
export const MAX_XML_DEPTH = 200;

const lineAt = (xml: string, index: number) => xml.slice(0, index).split("\n").length;

/**
 * Checks that the elements of an XML document nest and close. feed-parser is lenient and would read half a
 * truncated feed; a broken document is refused instead, with where it breaks.
 */
export function xmlStructureProblem(xml: string): string | null {
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]*)(?:\[[\s\S]*?\])?\s*>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:\s+[^\s=/<>]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'))?)*\s*(\/?)>|<(?=[A-Za-z_!/?])/g;
  const stack: { name: string; index: number }[] = [];
  let roots = 0;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const [text, closeName, openName, selfClosing] = m;
    if (closeName) {
      const top = stack.pop();
      if (!top) return `</${closeName}> at line ${lineAt(xml, m.index)} closes nothing`;
      if (top.name !== closeName)
        return `<${top.name}> at line ${lineAt(xml, top.index)} is closed by </${closeName}> at line ${lineAt(xml, m.index)}`;
    } else if (openName) {
      if (!stack.length) roots++;
      if (roots > 1) return `a second root element <${openName}> at line ${lineAt(xml, m.index)}`;
      if (!selfClosing) stack.push({ name: openName, index: m.index });
      if (stack.length > MAX_XML_DEPTH)
        return `elements nested more than ${MAX_XML_DEPTH} levels deep at line ${lineAt(xml, m.index)}`;
    } else if (text === "<") {
      return `a malformed tag at line ${lineAt(xml, m.index)}`;
    } else if (text.startsWith("<![CDATA[") && !stack.length) {
      return `character data outside the root element at line ${lineAt(xml, m.index)}`;
    }
  }
  const open = stack.pop();
  if (open)
    return `<${open.name}> at line ${lineAt(xml, open.index)} is never closed (the document is cut short)`;
  if (!roots) return "no root element";
  return null;
}

/** Paragraphs of an item's HTML (or plain-text) content. */
export function contentParagraphs(content: string): string[] {
  if (!/<[a-z][^>]*>/i.test(content)) return toParagraphs(content);
  // absurdly nested markup is flattened rather than handed to the (super-linear) parser
  if (markupDepth(content) > MAX_NESTING) return toParagraphs(content.replace(/<[^>]*>/g, " "));
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  return document.body ? blockParagraphs(document.body) : [];
}

export interface FeedContext {
  /** The feed itself: its file, or its URL. */
  source: Source;
  /** Reads an item's linked page (same fetch rules as any URL). */
  fetchPage?: (url: string) => Promise<Result<ArticleDraft[]>>;
  /** Items that could not be read are skipped and reported here. */
  onWarning?: (message: string) => void;
}

const clean = (s: string | null | undefined) => s?.replace(/\s+/g, " ").trim() || null;

/** Reads every item of an RSS or Atom feed. */
export async function readFeed(xml: string, ctx: FeedContext): Promise<Result<ArticleDraft[]>> {
  if (declaresEntities(xml))
    return fail(
      "xml-entities",
      "refused: the XML declares entities (an entity-expansion or external-entity attack)",
    );
  const problem = xmlStructureProblem(xml);
  if (problem) return fail("broken-xml", `broken XML: ${problem}`);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    return fail("broken-xml", `not an RSS or Atom feed (${(e as Error).message})`);
  }
  // every item resolves its link against feed.url, a getter that walks the whole channel: computed once,
  // or a feed of thousands of items takes minutes
  Object.defineProperty(feed, "url", { value: feed.url });
  const items = feed.items;
  if (!items.length) return fail("empty-feed", "the feed has no items");
  const feedTitle = clean(feed.title);
  const skipped: string[] = [];
  const skip = (message: string) => {
    skipped.push(message);
    ctx.onWarning?.(message);
  };
  const readItem = async (item: (typeof items)[number], n: number): Promise<ArticleDraft | null> => {
    const title = clean(item.title);
    const url = item.url;
    const when = item.published ?? item.updated;
    const published = when && !Number.isNaN(when.getTime()) ? when.toISOString() : null;
    const label = url ?? title ?? `item ${n + 1}`;
    const own = contentParagraphs(item.content ?? item.description ?? "");
    const ownChars = own.join(" ").length;
    if (ownChars < SHORT_SUMMARY_CHARS && url && ctx.fetchPage) {
      const page = await ctx.fetchPage(url);
      const first = page.ok ? page.value[0] : undefined;
      if (first)
        return {
          ...first,
          url,
          file: ctx.source.file,
          title: first.title ?? title,
          outlet: first.outlet ?? feedTitle,
          published: first.published ?? published,
        };
      // storing the summary under the item's URL would make the full article a duplicate later
      const why = page.ok ? "no article" : page.error.message.replace(`${url}: `, "");
      skip(`${label}: the linked page could not be read (${why})`);
      return null;
    }
    if (!ownChars) {
      skip(`${label}: the item has no content${url ? "" : " and no link"}`);
      return null;
    }
    const a = assemble(own, { title, published });
    return {
      url: url ?? null,
      file: ctx.source.file,
      title: a.title,
      outlet: feedTitle,
      published: a.published,
      text: a.paragraphs.join("\n\n"),
    };
  };
  // linked pages are fetched a few at a time; drafts keep the feed's order
  const results: (ArticleDraft | null)[] = new Array(items.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const n = next++;
      results[n] = await readItem(items[n]!, n);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGE_FETCH_CONCURRENCY, items.length) }, worker));
  const drafts = results.filter((d): d is ArticleDraft => d !== null);
  if (!drafts.length)
    return fail("empty-feed", `no item of the feed could be read (${skipped[0] ?? "no items"})`);
  return ok(drafts);
}
