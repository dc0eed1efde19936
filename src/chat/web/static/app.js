// The web console. Every piece of text from the server is inserted with textContent, never as HTML.

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Only http(s) links become anchors; anything else stays text. */
function link(label, url) {
  let ok = false;
  try {
    ok = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {}
  if (!ok) return el("span", "link-text", label);
  const a = el("a", "", label);
  a.href = url;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

// ---- the reply model ----

function renderBlock(block) {
  switch (block.kind) {
    case "heading":
      return el("h4", "block-heading", block.text);
    case "text":
      return el("p", "block-text", block.text);
    case "alert":
      return el("p", "block-alert", block.text);
    case "divider":
      return el("hr");
    case "fields": {
      const dl = el("dl", "fields");
      for (const f of block.fields || []) {
        dl.append(el("dt", "", f.label), el("dd", "", f.value));
      }
      return dl;
    }
    case "list": {
      const ul = el("ul", "rows");
      for (const item of block.items || []) {
        const li = el("li", "row");
        li.append(el("div", "row-text", item.text));
        if (item.meta) li.append(el("div", "row-meta", item.meta));
        if (item.links?.length) {
          const links = el("div", "row-links");
          for (const l of item.links) links.append(link(l.label, l.url));
          li.append(links);
        }
        ul.append(li);
      }
      return ul;
    }
    default:
      return el("p", "block-text", block.text || "");
  }
}

function renderReply(reply) {
  const box = $("reply");
  box.replaceChildren();
  box.dataset.command = reply.command || "";
  box.dataset.ok = String(reply.ok);
  box.append(el("h3", reply.ok ? "reply-title" : "reply-title error", reply.title));
  for (const block of reply.blocks || []) box.append(renderBlock(block));
  const story = reply.ok && reply.command === "toll" && reply.data?.story;
  const chart = $("chart");
  if (story?.name) {
    $("chart-img").src = `/api/chart/toll.svg?story=${encodeURIComponent(story.name)}&t=${Date.now()}`;
    chart.hidden = false;
  } else {
    chart.hidden = true;
  }
}

async function send(text) {
  const box = $("reply");
  box.setAttribute("aria-busy", "true");
  try {
    const res = await fetch("/api/command", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    const body = await res.json();
    if (res.ok) renderReply(body.reply);
    else renderReply({ command: "", ok: false, title: body.error || `HTTP ${res.status}`, blocks: [] });
  } catch (e) {
    renderReply({
      command: "",
      ok: false,
      title: `The console could not reach tollwatch (${e.message}).`,
      blocks: [],
    });
  } finally {
    box.removeAttribute("aria-busy");
  }
}

// ---- suggestions ----

let suggestTimer = null;
let lastAsked = null;

async function refreshSuggestions(q) {
  if (q === lastAsked) return;
  lastAsked = q;
  try {
    const res = await fetch(`/api/suggest?q=${encodeURIComponent(q)}`);
    const { suggestions } = await res.json();
    const list = $("suggestions");
    list.replaceChildren(
      ...suggestions.map((s) => {
        const o = document.createElement("option");
        o.value = s;
        return o;
      }),
    );
  } catch {}
}

// ---- the channel ----

const KINDS = { disagreement: "Disagreement", revision: "Revision", feed: "Feed" };

function formatCount(f) {
  if (f.count === null || f.count === undefined) return "an unstated number";
  const n = Number(f.count).toLocaleString("en-GB");
  return { min: `at least ${n}`, max: `at most ${n}`, approx: `about ${n}` }[f.qualifier] || n;
}

function alertCard(alert) {
  const li = el("li", `alert kind-${alert.kind}`);
  li.dataset.alertId = String(alert.id);
  const head = el("div", "alert-head");
  head.append(el("span", "badge", KINDS[alert.kind] || alert.kind));
  if (alert.story) head.append(el("span", "alert-story", alert.story));
  if (alert.measure)
    head.append(el("span", "alert-key", [alert.measure, alert.group].filter(Boolean).join(" · ")));
  const when = new Date(alert.created_at);
  head.append(el("time", "alert-time", Number.isNaN(when.getTime()) ? "" : when.toLocaleString("en-GB")));
  li.append(head, el("p", "alert-summary", alert.summary));
  if (alert.figures?.length) {
    const ul = el("ul", "alert-figures");
    for (const f of alert.figures) {
      const item = el("li", "");
      item.append(el("strong", "", `${f.originator || "no originator named"}: ${formatCount(f)}`));
      const cite = [f.outlet, f.published && String(f.published).slice(0, 10)].filter(Boolean).join(", ");
      if (cite) item.append(el("span", "cite", ` — ${cite}`));
      if (f.text) item.append(el("blockquote", "", f.text));
      if (f.url) item.append(link("read the article", f.url));
      ul.append(item);
    }
    li.append(ul);
  }
  return li;
}

function addAlert(alert) {
  const list = $("alerts");
  if (list.querySelector(`[data-alert-id="${CSS.escape(String(alert.id))}"]`)) return;
  const card = alertCard(alert);
  // newest first: place by id so a replay after reconnecting keeps the order
  const later = [...list.children].find((c) => Number(c.dataset.alertId) < alert.id);
  list.insertBefore(card, later || null);
  $("no-alerts").hidden = true;
}

function connect() {
  const live = $("live");
  const events = new EventSource("/api/events");
  events.addEventListener("open", () => {
    live.dataset.state = "live";
    live.textContent = "live";
  });
  events.addEventListener("error", () => {
    live.dataset.state = "reconnecting";
    live.textContent = "reconnecting…";
  });
  events.addEventListener("alert", (e) => {
    try {
      addAlert(JSON.parse(e.data));
    } catch {}
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const input = $("command");
  $("command-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) send(text);
  });
  input.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(() => refreshSuggestions(input.value), 120);
  });
  refreshSuggestions("");
  connect();
});
