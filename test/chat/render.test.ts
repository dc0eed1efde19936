// Reply → Block Kit and Reply → Discord embeds: platform limits, "and N more", escaping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  renderBlocks,
  SLACK_MAX_BLOCKS,
  SLACK_MAX_SECTION,
  SLACK_MAX_TITLE,
  type SlackBlock,
} from "../../src/chat/render/blocks.js";
import {
  EMBED_MAX_DESCRIPTION,
  EMBED_MAX_FIELD_VALUE,
  EMBED_MAX_FIELDS,
  EMBED_MAX_TITLE,
  EMBED_MAX_TOTAL,
  embedLength,
  renderEmbeds,
} from "../../src/chat/render/embeds.js";
import {
  discordLink,
  escapeDiscord,
  escapeSlack,
  fitEscaped,
  slackLink,
} from "../../src/chat/render/escape.js";
import type { Reply, ReplyBlock } from "../../src/core/reply.js";

const reply = (blocks: ReplyBlock[], title = "Toll: Syria", ok = true): Reply => ({
  command: "toll",
  ok,
  title,
  blocks,
  data: null,
});
const items = (n: number, text = (i: number) => `Originator ${i}: at least ${i * 10} killed`) =>
  Array.from({ length: n }, (_, i) => ({ text: text(i + 1), meta: `9 Mar 2025 · outlet ${i + 1}` }));

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) =>
    b.type === "section" ? ("text" in b ? [b.text.text] : b.fields.map((f) => f.text)) : [],
  );

// text built from the pieces of mentions, links and markup, plus arbitrary characters
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<",
        ">",
        "@",
        "!",
        "&",
        "[",
        "]",
        "(",
        ")",
        "\\",
        "*",
        "_",
        "`",
        "|",
        "#",
        "-",
        "1.",
        "\n",
        " ",
      ),
      fc.constantFrom("everyone", "here", "channel", "@U123", "http://evil", "amp;", "lt;"),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("escaping", () => {
  it("makes Slack control sequences inert", () => {
    expect(escapeSlack("<!channel> <@U123> <http://evil|x> & co")).toBe(
      "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|x&gt; &amp; co",
    );
  });

  it("makes Discord markdown, mentions and masked links inert", () => {
    const e = escapeDiscord("@everyone <@123> [x](http://evil) **b** `c` ||s|| # h\n- item\n1. first");
    for (const bad of ["@everyone", "<@123>", "[x](", "](http", "**b**", "`c`", "||s||", "\n- ", "\n1. "])
      expect(e).not.toContain(bad);
  });

  it("makes links only from http(s) URLs, with escaped labels", () => {
    expect(slackLink("a <b> | c", "https://x.example/?a=1&b=2")).toBe(
      "<https://x.example/?a=1&amp;b=2|a &lt;b&gt; ¦ c>",
    );
    expect(slackLink("click", "javascript:alert(1)")).toBe("click");
    expect(slackLink("x", "https://x.example/a>b|c")).not.toMatch(/[>|].*[>|].*>.*>/);
    expect(discordLink("[x]", "https://x.example/a)b")).toBe("[\\[x\\]](https://x.example/a%29b)");
    expect(discordLink("x", "slack://open")).toBe("x");
  });

  it("never cuts an entity or an escape in half", () => {
    const s = fitEscaped("&".repeat(100), 22, escapeSlack);
    expect(s.length).toBeLessThanOrEqual(22);
    expect(s.replace(/…$/, "")).toMatch(/^(&amp;)+$/);
    const d = fitEscaped("*".repeat(100), 10, escapeDiscord);
    expect(d.replace(/…$/, "")).toMatch(/^(\\\*)+$/);
  });

  it("escapes any text so that no mention or link survives (property)", () => {
    fc.assert(
      fc.property(hostileText, (t) => {
        const slack = escapeSlack(t);
        expect(slack).not.toMatch(/[<>]/);
        const discord = escapeDiscord(t);
        expect(discord).not.toMatch(/(^|[^\\])</);
        expect(discord).not.toMatch(/@(everyone|here)/i);
        expect(discord).not.toMatch(/(^|[^\\])\]\(/);
      }),
    );
  });
});

describe("Block Kit", () => {
  it("keeps to 50 blocks and 3,000 characters a section, counting what was cut", () => {
    const { blocks } = renderBlocks(reply([{ kind: "list", items: items(5000) }]));
    expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    for (const t of sectionTexts(blocks)) expect(t.length).toBeLessThanOrEqual(SLACK_MAX_SECTION);
    const shown = sectionTexts(blocks).join("\n").match(/^• /gm)?.length ?? 0;
    const last = blocks.at(-1)!;
    expect(last.type).toBe("context");
    const more = Number(/and (\d+) more/.exec(JSON.stringify(last))?.[1]);
    expect(shown).toBeGreaterThan(100);
    expect(shown + more).toBe(5000);
  });

  it("splits a long text over sections without losing any of it", () => {
    const words = Array.from({ length: 2500 }, (_, i) => `word${i} &`).join(" ");
    const { blocks } = renderBlocks(reply([{ kind: "text", text: words }]));
    const texts = sectionTexts(blocks.slice(1));
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SLACK_MAX_SECTION);
    expect(texts.join(" ").replace(/\s+/g, " ")).toBe(escapeSlack(words));
  });

  it("shows the title in bold, cut to one line, and marks errors", () => {
    const long = renderBlocks(reply([], "T".repeat(400)));
    expect(long.blocks[0]).toMatchObject({ type: "section" });
    expect(JSON.stringify(long.blocks[0]).match(/T+…/)?.[0].length).toBeLessThanOrEqual(SLACK_MAX_TITLE);
    const err = renderBlocks(reply([{ kind: "text", text: "Try /toll" }], "No such story <!here>", false));
    expect(JSON.stringify(err.blocks[0])).toContain(":x: *No such story &lt;!here&gt;*");
    expect(JSON.stringify(err)).not.toContain("<!here>");
  });

  it("puts at most 10 fields in a section", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const { blocks } = renderBlocks(reply([{ kind: "fields", fields }]));
    const withFields = blocks.filter((b) => b.type === "section" && "fields" in b);
    expect(withFields.map((b) => ("fields" in b ? b.fields.length : 0))).toEqual([10, 10, 3]);
  });

  it("turns only reply links into links, with a plain fallback text", () => {
    const { text, blocks } = renderBlocks(
      reply([
        {
          kind: "list",
          items: [
            {
              text: "SOHR <!channel> [x](http://evil) <http://evil|y>",
              links: [
                { label: "Wire", url: "https://a.example/1" },
                { label: "bad", url: "javascript:x" },
              ],
            },
          ],
        },
      ]),
    );
    const json = JSON.stringify(blocks);
    expect([...json.matchAll(/<([^<>|]+)\|/g)].map((m) => m[1])).toEqual(["https://a.example/1"]);
    expect(text).toContain("Toll: Syria");
    expect(text).not.toMatch(/[<>]/);
  });

  it("stays within limits for any reply (property)", () => {
    const block = fc.oneof(
      fc.record({ kind: fc.constant("text" as const), text: fc.string({ maxLength: 7000 }) }),
      fc.record({ kind: fc.constant("alert" as const), text: fc.string({ maxLength: 4000 }) }),
      fc.record({ kind: fc.constant("heading" as const), text: fc.string({ maxLength: 400 }) }),
      fc.record({
        kind: fc.constant("list" as const),
        items: fc.array(
          fc.record({ text: fc.string({ maxLength: 4000 }), meta: fc.string({ maxLength: 300 }) }),
          { maxLength: 80 },
        ),
      }),
      fc.record({
        kind: fc.constant("fields" as const),
        fields: fc.array(
          fc.record({ label: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 3000 }) }),
          {
            maxLength: 30,
          },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), fc.string({ maxLength: 300 }), (blocks, title) => {
        const m = renderBlocks(reply(blocks, title));
        expect(m.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
        for (const t of sectionTexts(m.blocks)) {
          expect(t.length).toBeLessThanOrEqual(SLACK_MAX_SECTION);
          expect(t).not.toMatch(/[<>]/);
        }
        expect(m.text.length).toBeLessThanOrEqual(3000);
      }),
      { numRuns: 60 },
    );
  });
});

describe("Discord embeds", () => {
  it("keeps the description to 4,096 and the whole to 6,000, counting what was cut", () => {
    const embeds = renderEmbeds(reply([{ kind: "list", items: items(500) }]));
    const e = embeds[0]!;
    expect(e.description!.length).toBeLessThanOrEqual(EMBED_MAX_DESCRIPTION);
    expect(embedLength(embeds)).toBeLessThanOrEqual(EMBED_MAX_TOTAL);
    const shown = e.description!.match(/^• /gm)?.length ?? 0;
    const more = Number(/…and (\d+) more$/.exec(e.description!)?.[1]);
    expect(shown).toBeGreaterThan(10);
    expect(shown + more).toBe(500);
  });

  it("keeps to 25 fields of 1,024 characters, counting what was cut", () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `Group ${i}`, value: `${i} killed` }));
    const e = renderEmbeds(reply([{ kind: "fields", fields }]))[0]!;
    expect(e.fields).toHaveLength(EMBED_MAX_FIELDS);
    expect(e.fields!.at(-1)).toMatchObject({ value: "and 16 more" });
    const big = renderEmbeds(
      reply([{ kind: "fields", fields: [{ label: "L".repeat(500), value: "V".repeat(5000) }] }]),
    )[0]!;
    expect(big.fields![0]!.value.length).toBeLessThanOrEqual(EMBED_MAX_FIELD_VALUE);
    expect(big.fields![0]!.name.length).toBeLessThanOrEqual(256);
  });

  it("cuts the title to 256 and colours errors and alerts", () => {
    expect(renderEmbeds(reply([], "T".repeat(999)))[0]!.title!.length).toBeLessThanOrEqual(EMBED_MAX_TITLE);
    const colors = [
      renderEmbeds(reply([]))[0]!.color,
      renderEmbeds(reply([{ kind: "alert", text: "Sources disagree" }]))[0]!.color,
      renderEmbeds(reply([], "No such story", false))[0]!.color,
    ];
    expect(new Set(colors).size).toBe(3);
  });

  it("stays within limits for any reply (property)", () => {
    const block = fc.oneof(
      fc.record({ kind: fc.constant("text" as const), text: fc.string({ maxLength: 9000 }) }),
      fc.record({
        kind: fc.constant("list" as const),
        items: fc.array(
          fc.record({
            text: fc.string({ maxLength: 300 }),
            links: fc.array(fc.record({ label: fc.string({ maxLength: 50 }), url: fc.webUrl() }), {
              maxLength: 3,
            }),
          }),
          { maxLength: 40 },
        ),
      }),
      fc.record({
        kind: fc.constant("fields" as const),
        fields: fc.array(
          fc.record({ label: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 1200 }) }),
          {
            maxLength: 40,
          },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.string({ maxLength: 400 }), (blocks, title) => {
        const embeds = renderEmbeds(reply(blocks, title));
        const e = embeds[0]!;
        expect(e.title!.length).toBeLessThanOrEqual(EMBED_MAX_TITLE);
        expect((e.description ?? "").length).toBeLessThanOrEqual(EMBED_MAX_DESCRIPTION);
        expect((e.fields ?? []).length).toBeLessThanOrEqual(EMBED_MAX_FIELDS);
        for (const f of e.fields ?? []) {
          expect(f.value.length).toBeLessThanOrEqual(EMBED_MAX_FIELD_VALUE);
          expect(f.value.length).toBeGreaterThan(0);
        }
        expect(embedLength(embeds)).toBeLessThanOrEqual(EMBED_MAX_TOTAL);
      }),
      { numRuns: 30 },
    );
  });
});
