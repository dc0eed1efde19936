// HTML reader: article body without navigation and ads; title, outlet and date from the page's metadata.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { markupDepth, readHtml } from "../../src/ingest/html.js";

const fixture = (name: string) => fs.readFileSync(`test/fixtures/ingest/${name}`, "utf8");
const read = (html: string, url: string | null = null) =>
  readHtml(html, { url, file: url ? null : "page.html" });
const draft = (html: string, url: string | null = null) => {
  const r = read(html, url);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("readHtml", () => {
  it("keeps the article and drops navigation, ads, related links and the footer", () => {
    const d = draft(fixture("article-nav-ads.html"));
    expect(d.title).toBe("Flood toll rises to 57 in northern province");
    expect(d.outlet).toBe("Riverside Herald");
    expect(d.published).toBe("2024-08-14T09:30:00+05:00");
    const paragraphs = d.text.split("\n\n");
    expect(paragraphs[0]).toBe(d.title);
    expect(d.text).toMatch(/At least 57 people have died and 112 were injured/);
    expect(d.text).toMatch(/About 9,000 people have been moved to relief camps/);
    expect(d.text).not.toMatch(
      /Subscribe|Sport|Win 500|20% off|Ten tips|All rights reserved|ads\.push|display: block/,
    );
    // paragraphs are kept apart, not run together
    expect(paragraphs.some((p) => p.startsWith("Rescue teams were still searching for 23 people"))).toBe(
      true,
    );
  });

  it("falls back to <time datetime>, the <title> without the site suffix, and the host as outlet", () => {
    const d = draft(fixture("article-time-only.html"), "https://www.harbour-times.example/world/123");
    expect(d.published).toBe("2023-11-02");
    expect(d.title).toBe("Ceasefire talks resume as 14 civilians killed in shelling");
    expect(d.outlet).toBe("harbour-times.example");
    expect(d.text).toMatch(
      /^Ceasefire talks resume as 14 civilians killed in shelling\n\nFourteen civilians were killed/,
    );
    expect(d.text).not.toMatch(/Home \| World/);
  });

  it("reads JSON-LD when the meta tags are missing", () => {
    const html = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Quake kills 30","datePublished":"2021-09-01","publisher":{"name":"Mountain Post"}}]}</script>
      <script type="application/ld+json">{ broken json </script></head>
      <body><p>Thirty people were killed when an earthquake struck the mountain region on Wednesday, the interior ministry said in a statement.</p></body></html>`;
    const d = draft(html);
    expect(d.title).toBe("Quake kills 30");
    expect(d.published).toBe("2021-09-01");
    expect(d.outlet).toBe("Mountain Post");
  });

  it("strips the outlet from an og:title but keeps other dashes", () => {
    const body =
      "<p>Forty people were killed when a bus fell into a gorge on Sunday, the regional police chief said on Monday.</p>";
    const page = (t: string) =>
      `<html><head><meta property="og:site_name" content="Hill News"><meta property="og:title" content="${t}"></head><body>${body}</body></html>`;
    expect(draft(page("Bus falls into gorge, 40 dead | Hill News")).title).toBe(
      "Bus falls into gorge, 40 dead",
    );
    expect(draft(page("Gorge crash - 40 dead")).title).toBe("Gorge crash - 40 dead");
  });

  it("still reads a truncated page with unclosed tags", () => {
    const d = draft(fixture("article-truncated.html"));
    expect(d.title).toBe("Bridge collapse kills 9 workers");
    expect(d.published).toBe("2022-05-20");
    expect(d.text).toMatch(/Nine construction workers were killed/);
    expect(d.text).toMatch(/Engineers from the state highways department/);
  });

  it("refuses a page broken before any text with a clear reason", () => {
    const r = read(fixture("article-broken.html"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/broken HTML|no article text/);
  });

  it("refuses a page that is only navigation", () => {
    const r = read(
      `<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><footer>© Site</footer></body></html>`,
    );
    expect(r.ok).toBe(false);
  });

  it("reads a page nested past Readability's comfortable depth with the plain fallback", () => {
    const text =
      "<p>Eleven miners were killed in a gas explosion on Thursday, the mining ministry said in a statement.</p>";
    const d = draft(`<html><body>${"<div>".repeat(300)}${text}${"</div>".repeat(300)}</body></html>`);
    expect(d.text).toMatch(/^Eleven miners were killed/);
  });

  it("refuses markup nested thousands of levels deep before parsing it", () => {
    const r = read(`<html><body>${"<div>".repeat(5000)}<p>x</p>${"</div>".repeat(5000)}</body></html>`);
    expect(!r.ok && r.error.message).toMatch(/broken HTML: elements nested \d+ levels deep/);
  });

  it("estimates nesting from the markup, ignoring void and optional-end tags", () => {
    expect(markupDepth("<html><body><p>a<p>b<br><img src=x><ul><li>c<li>d</ul></body></html>")).toBe(3);
  });
});
