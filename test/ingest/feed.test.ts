// RSS 2.0 and Atom: one draft per item; entity bombs refused before parsing; broken XML refused.
import fs from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { fail, ok } from "../../src/core/result.js";
import type { ArticleDraft } from "../../src/core/types.js";
import { declaresEntities, looksLikeFeed, readFeed, xmlStructureProblem } from "../../src/ingest/feed.js";

const fixture = (name: string) => fs.readFileSync(`test/fixtures/ingest/${name}`, "utf8");
const source = { url: null, file: "feed.xml" };

describe("readFeed", () => {
  it("reads each RSS 2.0 item from content:encoded or its HTML description", async () => {
    const r = await readFeed(fixture("feed-rss2.xml"), { source });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(2);
    const [ferry, storm] = r.value as [ArticleDraft, ArticleDraft];
    expect(ferry.title).toBe("Ferry capsizes off the coast, 23 dead");
    expect(ferry.url).toBe("https://coastal-gazette.example/news/ferry-capsizes?utm_source=rss");
    expect(ferry.outlet).toBe("Coastal Gazette");
    expect(ferry.published).toBe("2024-03-05T14:20:00.000Z");
    expect(ferry.text.split("\n\n")).toEqual([
      "Ferry capsizes off the coast, 23 dead",
      "A passenger ferry capsized in rough seas off the coast on Tuesday, killing at least 23 people, the coast guard said.",
      "Rescuers pulled 61 survivors from the water and were searching for 15 people still missing, a coast guard spokesman said.",
      "The ferry was carrying more than 100 passengers, although it was licensed for 80, according to the port authority.",
    ]);
    expect(storm.text).toMatch(
      /^Storm damages 300 homes in fishing villages\n\nA storm damaged about 300 homes/,
    );
    expect(storm.text).not.toMatch(/<p>/);
  });

  it("reads Atom entries from content or summary, published or updated", async () => {
    const r = await readFeed(fixture("feed-atom.xml"), { source });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((d) => d.title)).toEqual([
      "Landslide buries 8 homes, 11 missing",
      "Bus crash on mountain road injures 17",
    ]);
    expect(r.value[0]?.published).toBe("2024-06-01T18:45:00.000Z");
    expect(r.value[1]?.published).toBe("2024-06-02T07:10:00.000Z");
    expect(r.value[0]?.url).toBe("https://valley-wire.example/2024/06/landslide");
    expect(r.value[0]?.text).not.toMatch(/Read more/);
    expect(r.value[1]?.text).toMatch(/four were in a critical condition/);
  });

  it("reads the linked page for items with only a link and a short summary, skipping pages that fail", async () => {
    const xml = fixture("feed-links-only.xml").replaceAll("{{BASE}}", "https://metro.example");
    const asked: string[] = [];
    const warnings: string[] = [];
    const r = await readFeed(xml, {
      source,
      onWarning: (m) => warnings.push(m),
      fetchPage: async (url) => {
        asked.push(url);
        if (url.endsWith("/gone")) return fail("http-status", `${url}: HTTP 404 Not Found`);
        return ok([
          {
            url,
            file: null,
            title: "Clinic fire kills 4",
            outlet: "Metro Bulletin",
            published: null,
            text: "Clinic fire kills 4\n\nFour patients died.",
          },
        ]);
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(asked).toEqual(["https://metro.example/story/clinic-fire", "https://metro.example/story/gone"]);
    expect(r.value).toHaveLength(1);
    expect(r.value[0]?.text).toBe("Clinic fire kills 4\n\nFour patients died.");
    expect(r.value[0]?.published).toBe("2024-05-10T06:00:00.000Z"); // from the item, as the page gave none
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/story\/gone.*HTTP 404/);
  });

  it("refuses a feed whose every item fails, and a feed with no items", async () => {
    const xml = fixture("feed-links-only.xml").replaceAll("{{BASE}}", "https://metro.example");
    const r = await readFeed(xml, { source, fetchPage: async (u) => fail("timeout", `${u}: timed out`) });
    expect(!r.ok && r.error.message).toMatch(/no item of the feed could be read/);
    const empty = await readFeed("<rss version='2.0'><channel><title>x</title></channel></rss>", { source });
    expect(!empty.ok && empty.error.message).toMatch(/no items/);
  });

  it("refuses an entity-expansion bomb before parsing", async () => {
    const r = await readFeed(fixture("feed-bomb.xml"), { source });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("xml-entities");
      expect(r.error.message).toMatch(/entit/);
    }
    expect(
      declaresEntities('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss/>'),
    ).toBe(true);
    expect(declaresEntities(fixture("feed-rss2.xml"))).toBe(false);
  });

  it("the feed parser itself does not expand a billion laughs (defence in depth)", () => {
    // if our pre-check were bypassed, parsing must still stay small: 10^9 "lol"s would be gigabytes
    let size = 0;
    try {
      const feed = parseFeed(fixture("feed-bomb.xml"));
      size = JSON.stringify([feed.title, feed.items.map((i) => [i.title, i.description])]).length;
    } catch {
      size = 0; // refusing is fine too
    }
    expect(size).toBeLessThan(1_000_000);
  });

  it("refuses broken XML with where it breaks", async () => {
    const r = await readFeed(fixture("feed-broken.xml"), { source });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("broken-xml");
      expect(r.error.message).toMatch(/broken XML: <description> at line 11 is never closed/);
    }
    expect(xmlStructureProblem("<rss><channel></rss>")).toMatch(/<channel> at line 1 is closed by <\/rss>/);
    expect(xmlStructureProblem("<a/><b/>")).toMatch(/second root/);
    expect(xmlStructureProblem(fixture("feed-atom.xml"))).toBeNull();
    const deep = `<rss><channel><item><description>${"<b>".repeat(5000)}x${"</b>".repeat(5000)}</description></item></channel></rss>`;
    expect(xmlStructureProblem(deep)).toMatch(/nested more than 200 levels deep/);
  });

  it("refuses well-formed XML that is not a feed", async () => {
    const r = await readFeed("<?xml version='1.0'?><catalog><book>x</book></catalog>", { source });
    expect(r.ok).toBe(false);
  });

  it("recognises feeds by their root element", () => {
    expect(looksLikeFeed(fixture("feed-rss2.xml"))).toBe(true);
    expect(looksLikeFeed(fixture("feed-atom.xml"))).toBe(true);
    expect(looksLikeFeed('<?xml version="1.0"?>\n<!-- hi -->\n<rdf:RDF xmlns:rdf="x">')).toBe(true);
    expect(looksLikeFeed("<html><body>rss</body></html>")).toBe(false);
  });
});
