#!/usr/bin/env node
// Reference scorer: compares `extract --json` output with gold files (format: shared/eval/README.md).
// usage: score.mjs GOLD_DIR PRED.jsonl   (PRED.jsonl: one extract object per line, each with "file")
import fs from "node:fs";
import path from "node:path";

const [goldDir, predFile] = process.argv.slice(2);
const norm = (s) =>
  (s ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
const toks = (s) => norm(s).split(" ").filter(Boolean);
const containsSeq = (hay, needle) => {
  if (!needle.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};
// a predicted name matches if one accepted name's tokens stand in it, or it (2+ tokens) stands in one
const nameOk = (pred, accepted) => {
  if (accepted == null) return true;
  const p = toks(pred);
  return accepted.some((a) => {
    const t = toks(a);
    return containsSeq(p, t) || (p.length >= 2 && containsSeq(t, p));
  });
};
const cover = (a, b) => {
  // share of a's tokens found in b
  const A = toks(a),
    B = new Set(toks(b));
  return A.length ? A.filter((t) => B.has(t)).length / A.length : 0;
};

const preds = new Map();
for (const line of fs.readFileSync(predFile, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  preds.set(path.basename(o.file ?? ""), o);
}
const tot = {
  fTP: 0,
  fFP: 0,
  fFN: 0,
  src: 0,
  grp: 0,
  qual: 0,
  matched: 0,
  sTP: 0,
  sFP: 0,
  sFN: 0,
  spk: 0,
  sMatched: 0,
};
const misses = [];
for (const gf of fs
  .readdirSync(goldDir)
  .filter((f) => f.endsWith(".gold.json"))
  .sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(goldDir, gf), "utf8"));
  const p = preds.get(gold.article) ?? { figures: [], statements: [] };
  if (!preds.has(gold.article)) misses.push(`${gold.article}: no prediction`);
  // figures: dedupe predictions by (count, measure, group, source); null counts are vague and ignored
  const seen = new Set(),
    pf = [];
  for (const f of p.figures ?? []) {
    if (typeof f.count !== "number") continue;
    const k = [f.count, f.measure, f.group, norm(f.source)].join("|");
    if (!seen.has(k)) {
      seen.add(k);
      pf.push(f);
    }
  }
  const gfig = gold.figures.filter((g) => !g.optional),
    gopt = gold.figures.filter((g) => g.optional);
  const hit = new Set();
  for (const f of pf) {
    const cands = gfig
      .map((g, i) => [g, i])
      .filter(([g]) => g.count === f.count && g.measure.includes(f.measure));
    if (cands.length) {
      cands.sort(
        ([a], [b]) =>
          (b.group === f.group) - (a.group === f.group) ||
          nameOk(f.source, b.source) - nameOk(f.source, a.source),
      );
      const [g, i] = cands.find(([, i]) => !hit.has(i)) ?? cands[0];
      if (!hit.has(i)) {
        hit.add(i);
        tot.fTP++;
        tot.matched++;
        if (g.group === f.group) tot.grp++;
        else misses.push(`${gold.article}: ${f.count} group ${f.group} want ${g.group}`);
        if (nameOk(f.source, g.source)) tot.src++;
        else misses.push(`${gold.article}: ${f.count} source "${f.source}" want ${JSON.stringify(g.source)}`);
        if (g.qualifier === f.qualifier) tot.qual++;
      }
      // a second prediction of a figure already matched (other group/source) is neither TP nor FP
    } else if (gopt.some((g) => g.count === f.count)) {
      // optional: no credit, no penalty
    } else {
      tot.fFP++;
      misses.push(
        `${gold.article}: FP figure ${f.count} ${f.measure} ${f.group} "${(f.text ?? "").slice(0, 80)}"`,
      );
    }
  }
  gfig.forEach((g, i) => {
    if (!hit.has(i)) {
      tot.fFN++;
      misses.push(`${gold.article}: FN figure ${g.count} ${g.measure[0]} ${g.group}`);
    }
  });
  // statements: a gold quote is found when one prediction covers 60% of its words;
  // a prediction is right when 60% of its words lie in one gold quote (optional ones too) or it finds a gold quote
  const gs = gold.statements;
  const found = new Set();
  for (const s of p.statements ?? []) {
    let best = -1,
      bestCov = 0;
    gs.forEach((g, i) => {
      const c = cover(g.quote, s.quote);
      if (c >= 0.6 && c > bestCov) {
        best = i;
        bestCov = c;
      }
    });
    const inside = gs.some((g) => cover(s.quote, g.quote) >= 0.6);
    if (best >= 0) {
      if (!found.has(best) && !gs[best].optional) {
        found.add(best);
        tot.sTP++;
        tot.sMatched++;
        if (nameOk(s.speaker, gs[best].speaker)) tot.spk++;
        else
          misses.push(
            `${gold.article}: speaker "${s.speaker}" want ${JSON.stringify(gs[best].speaker)} for "${gs[best].quote.slice(0, 50)}"`,
          );
      }
    } else if (!inside) {
      tot.sFP++;
      misses.push(`${gold.article}: FP statement "${(s.quote ?? "").slice(0, 60)}"`);
    }
  }
  gs.forEach((g, i) => {
    if (!g.optional && !found.has(i)) {
      tot.sFN++;
      misses.push(`${gold.article}: FN statement ${JSON.stringify(g.speaker[0])} "${g.quote.slice(0, 50)}"`);
    }
  });
}
const pr = (tp, fp, fn) => {
  const p = tp / (tp + fp || 1),
    r = tp / (tp + fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const f = pr(tot.fTP, tot.fFP, tot.fFN),
  s = pr(tot.sTP, tot.sFP, tot.sFN);
const r3 = (x) => Math.round(x * 1000) / 1000;
const result = {
  figures: {
    precision: r3(f.p),
    recall: r3(f.r),
    f1: r3(f.f1),
    source_acc: r3(tot.src / (tot.matched || 1)),
    group_acc: r3(tot.grp / (tot.matched || 1)),
    qualifier_acc: r3(tot.qual / (tot.matched || 1)),
    tp: tot.fTP,
    fp: tot.fFP,
    fn: tot.fFN,
  },
  statements: {
    precision: r3(s.p),
    recall: r3(s.r),
    f1: r3(s.f1),
    speaker_acc: r3(tot.spk / (tot.sMatched || 1)),
    tp: tot.sTP,
    fp: tot.sFP,
    fn: tot.sFN,
  },
};
if (process.env.SCORE_VERBOSE) for (const m of misses) console.error(m);
console.log(JSON.stringify(result));
