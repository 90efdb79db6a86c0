// Trains the intent model on the training/development sets only (tests/eval/messages.json and
// heldout.json; never the sealed set) and writes services/assistant/model/intent-model.json.
//   npm run train            deterministic: the same sets give the same file
//   npm run train -- --audit also lists lexicon cues that fire on exactly one training message
//
// The fusion of rules and model, its temperature and the "unsure" threshold are fitted on 5-fold
// cross-validated predictions: every message is scored by a model that never saw it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { format } from 'prettier';
import { fileURLToPath } from 'node:url';
import { train, predict, type LinearModel } from '../services/assistant/classifier';
import { prepare, features, withTypos, type Prepared } from '../services/assistant/features';
import type { Lang } from '../services/assistant/language-data';
import { firedCues, ruleReading, type Scores } from '../services/assistant/intent-rules';
import { fuse, type Fusion } from '../services/assistant/fusion';
import { detectLanguage } from '../services/assistant/language';
import { parseEvalSet, toIntent } from '../services/assistant/eval-format';
import { ownText } from '../services/assistant/text';
import { INTENTS, type Intent } from '../services/assistant/types';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const sets = [
  'tests/eval/messages.json',
  'tests/eval/heldout.json',
  'tests/eval/dev-2026-12-01.json',
  'tests/eval/dev-2026-12-01b.json',
  'tests/eval/dev-2026-12-01c.json',
  'tests/eval/dev-2026-12-01d.json',
  'tests/eval/dev-2026-12-01e.json',
  'tests/eval/dev-2026-12-01f.json',
  'tests/eval/dev-2026-12-01g.json',
  'tests/eval/dev-2026-12-01h.json',
  'tests/eval/dev-2026-12-01i.json',
  'tests/eval/dev-2026-12-01j.json',
  'tests/eval/dev-2026-12-01k.json',
];
const messages = sets.flatMap((s) => parseEvalSet(JSON.parse(readFileSync(root(s), 'utf8'))));

interface Row {
  id: string;
  typo: Prepared;
  lang: string;
  p: Prepared;
  feats: string[];
  label: Intent;
  accepted: Intent[];
}
const rows: Row[] = messages.map((m) => {
  const text = ownText(m.body);
  const detected = detectLanguage(text).language;
  const lang: Lang = detected === 'es' ? 'es' : detected === 'en' ? 'en' : m.lang === 'es' ? 'es' : 'en';
  const p = prepare(text, lang);
  const label = toIntent(m.intent);
  return {
    id: m.id,
    lang: m.lang,
    p,
    feats: features(p),
    // A copy with typos (a letter dropped, swapped or doubled in one word in five), never trained on:
    // the cross-validated reading of these copies is the robustness figure below. (Training on such
    // copies as well was tried: no better on either the clean or the misspelt messages.)
    typo: prepare(withTypos(text, m.id, 0.2), lang),
    label,
    accepted: [label, ...(m.alt ? [toIntent(m.alt)] : [])],
  };
});

const classes = [...INTENTS];
// Trained to convergence with light regularisation: 300 epochs at a step of 2 stopped far from the
// optimum (cross-validated model-only accuracy 82.5% on the development sets against 87.3% here, twins
// in one fold). Features seen in fewer than 4 messages are left out (the file stays under 300 KB).
const OPTIONS = { epochs: 1500, learningRate: 3, l2: 0.0001, minCount: 4 };
const FOLDS = 5;
const fnv = (s: string) => {
  let h = 0x811c9dc5;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
};
// The hand-written dev batches hold each message in Spanish and English ("d-es07" / "d-en07"): the two
// share names, numbers and references, so they go to the same fold, or the model would be scored on
// a message whose twin it was trained on (and the fusion would trust it more than it deserves).
const group = (id: string) => id.replace(/^([a-z])-(?:es|en)(\d+)$/, '$1-$2');
const fold = (r: Row) => fnv(group(r.id)) % FOLDS;

// Out-of-fold model probabilities.
const oof = new Map<string, number[]>();
const oofTypo = new Map<string, number[]>();
for (let k = 0; k < FOLDS; k++) {
  const model = train(
    rows.filter((r) => fold(r) !== k).map((r) => ({ feats: r.feats, label: r.label })),
    classes,
    OPTIONS,
  );
  for (const r of rows.filter((x) => fold(x) === k)) {
    oof.set(r.id, predict(model, r.feats));
    oofTypo.set(r.id, predict(model, features(r.typo)));
  }
}
const ruleScores = new Map(rows.map((r) => [r.id, ruleReading(r.p).scores]));
// The rules were written on these same messages, so their reading of them is not cross-validated:
// a cue written for one message reads it right and says nothing about fresh mail (on a batch the
// rules had never seen, rules alone read 63% of the English right against about 85% for the model).
// The nearest the rules get to a held-out reading: each message scored without the cues that fire on
// no message outside its fold. The fusion, temperature and unsure line are fitted on that reading.
const cueFolds = new Map<string, Set<number>>();
for (const r of rows)
  for (const c of firedCues(r.p)) {
    const folds = cueFolds.get(c.cue) ?? new Set<number>();
    folds.add(fold(r));
    cueFolds.set(c.cue, folds);
  }
const heldRuleScores = new Map(
  rows.map((r) => {
    const k = fold(r);
    const onlyHere = (cue: string) => [...(cueFolds.get(cue) ?? [])].every((x) => x === k);
    return [r.id, ruleReading(r.p, onlyHere).scores];
  }),
);

function evaluate(f: Fusion, scores: Map<string, Scores> = heldRuleScores) {
  let ok = 0;
  const byLang: Record<string, { n: number; ok: number }> = {};
  let nll = 0;
  const conf: { c: number; ok: boolean }[] = [];
  for (const r of rows) {
    const probs = fuse(scores.get(r.id)!, oof.get(r.id)!, f, classes);
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
    const right = r.accepted.includes(INTENTS[best]!);
    if (right) ok++;
    const l = (byLang[r.lang] ??= { n: 0, ok: 0 });
    l.n++;
    if (right) l.ok++;
    nll -= Math.log(Math.max(1e-9, Math.max(...r.accepted.map((a) => probs[INTENTS.indexOf(a)]!))));
    conf.push({ c: probs[best]!, ok: right });
  }
  return { accuracy: ok / rows.length, nll: nll / rows.length, conf, byLang };
}

let fusion: Fusion = {
  ruleWeight: 1,
  modelWeight: 1,
  otherScore: 1,
  temperature: 1,
  unsureBelow: 0,
  secondaryAbove: 0.2,
};
// Every combination, scored on the cross-validated predictions. Among those the cross-validation
// cannot tell apart from the best (within two messages), the one that leans on the rules at least as
// much as on the model is kept: the model is fitted on hand-written development mail whose style it
// learns, and fresh wording (the robustness tests) showed it overtaking clear rule evidence when it
// led ("Es la segunda vez que llega roto. ¿Podemos hablar mañana a las 10?" read as a meeting).
const tried: { f: Fusion; accuracy: number; nll: number }[] = [];
for (const ruleWeight of [0, 0.25, 0.5, 0.75, 1, 1.5, 2])
  for (const modelWeight of [0, 0.5, 1, 1.5, 2, 3])
    for (const otherScore of [0, 0.5, 1, 1.5, 2, 3]) {
      if (ruleWeight === 0 && modelWeight === 0) continue;
      const f = { ...fusion, ruleWeight, modelWeight, otherScore };
      const r = evaluate(f);
      tried.push({ f, accuracy: r.accuracy, nll: r.nll });
    }
const top = Math.max(...tried.map((x) => x.accuracy));
const close = tried.filter((x) => x.accuracy >= top - 2 / rows.length - 1e-9);
const ruleLed = close.filter((x) => x.f.modelWeight <= x.f.ruleWeight);
const pool = ruleLed.length ? ruleLed : close;
const chosen = pool.reduce((a, b) =>
  b.accuracy > a.accuracy + 1e-9 || (Math.abs(b.accuracy - a.accuracy) < 1e-9 && b.nll < a.nll) ? b : a,
);
fusion = chosen.f;
// Temperature: the one whose confidences best predict being right (lowest log loss).
let bestT = { t: 1, nll: Infinity };
for (let t = 0.3; t <= 4.0001; t += 0.1) {
  const r = evaluate({ ...fusion, temperature: t });
  if (r.nll < bestT.nll) bestT = { t: Math.round(t * 10) / 10, nll: r.nll };
}
fusion.temperature = bestT.t;
const calibrated = evaluate(fusion);
// Unsure: the lowest confidence from which, on cross-validated predictions, the reader is right at
// least 98% of the time (at most a quarter of messages below it). A cumulative "right under 70% below
// the line" test stopped flagging anything once the model was trained to convergence: its few
// lowest-confidence messages happened to be right, and the 0.6–0.8 band, right 68–71% of the time,
// went unflagged.
const sorted = [...calibrated.conf].sort((a, b) => a.c - b.c);
let unsureBelow = 0;
for (let i = 0; i < sorted.length && i <= sorted.length * 0.25; i++) {
  const above = sorted.slice(i);
  if (above.filter((x) => x.ok).length / above.length >= 0.98) {
    unsureBelow = i === 0 ? 0 : (sorted[i - 1]!.c + sorted[i]!.c) / 2;
    break;
  }
  unsureBelow = sorted[i]!.c + 1e-6;
}
fusion.unsureBelow = Math.round(unsureBelow * 1000) / 1000;
const sure = calibrated.conf.filter((x) => x.c >= fusion.unsureBelow);

const finalModel: LinearModel = train(
  rows.map((r) => ({ feats: r.feats, label: r.label })),
  classes,
  OPTIONS,
);
// Robustness: the same cross-validated reading of each message's misspelt copy.
let typoRight = 0;
for (const r of rows) {
  const probs = fuse(ruleReading(r.typo).scores, oofTypo.get(r.id)!, fusion, classes);
  if (r.accepted.includes(INTENTS[probs.indexOf(Math.max(...probs))]!)) typoRight++;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const perLang = (name: string, byLang: Record<string, { n: number; ok: number }>) =>
  Object.fromEntries(Object.entries(byLang).map(([l, v]) => [`${name}_${l}`, r3(v.ok / v.n)]));
// With every cue, as the rules were written (the figure earlier rounds reported; runs high).
const withAllCues = evaluate(fusion, ruleScores);
const dev = {
  messages: rows.length,
  crossValidatedAccuracy: r3(withAllCues.accuracy),
  ...perLang('crossValidatedAccuracy', withAllCues.byLang),
  // Without the cues no message outside the fold uses (what the fusion is fitted on).
  heldCueAccuracy: r3(calibrated.accuracy),
  ...perLang('heldCueAccuracy', calibrated.byLang),
  rulesOnlyAccuracy:
    Math.round(evaluate({ ...fusion, modelWeight: 0, temperature: 1 }).accuracy * 1000) / 1000,
  modelOnlyAccuracy:
    Math.round(evaluate({ ...fusion, ruleWeight: 0, temperature: 1 }).accuracy * 1000) / 1000,
  ...Object.fromEntries(
    Object.entries(evaluate({ ...fusion, ruleWeight: 0, temperature: 1 }).byLang).map(([l, v]) => [
      `modelOnlyAccuracy_${l}`,
      Math.round((v.ok / v.n) * 1000) / 1000,
    ]),
  ),
  typoCopyAccuracy: Math.round((typoRight / rows.length) * 1000) / 1000,
  unsureShare: Math.round((1 - sure.length / calibrated.conf.length) * 1000) / 1000,
  accuracyWhenSure: Math.round((sure.filter((x) => x.ok).length / Math.max(1, sure.length)) * 1000) / 1000,
};
// `--cv-only`: print the cross-validated figures and leave the shipped model file alone.
if (!process.argv.includes('--cv-only')) {
  mkdirSync(root('services/assistant/model'), { recursive: true });
  // Written in the repository's format so `prettier --check` passes on the committed file.
  writeFileSync(
    root('services/assistant/model/intent-model.json'),
    await format(JSON.stringify({ fusion, dev, model: finalModel }), { parser: 'json', printWidth: 110 }),
  );
}
console.log('fusion', fusion);
console.log('cross-validated on the training/development sets (not a test figure):', dev);
console.log('features kept', Object.keys(finalModel.weights).length);
// How often the reader is right at each confidence, on unseen messages (cross-validated).
for (const [lo, hi] of [
  [0, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1.01],
] as const) {
  const band = calibrated.conf.filter((x) => x.c >= lo && x.c < hi);
  if (band.length)
    console.log(
      `  confidence ${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}: ${band.length} messages, ${((100 * band.filter((x) => x.ok).length) / band.length).toFixed(0)}% right`,
    );
}

if (process.argv.includes('--misses')) {
  // Development view: what a model that never saw the message got wrong (cross-validated).
  for (const r of rows) {
    const probs = fuse(ruleScores.get(r.id)!, oof.get(r.id)!, fusion, classes);
    const best = INTENTS[probs.indexOf(Math.max(...probs))]!;
    if (!r.accepted.includes(best))
      console.log(
        `  ${r.id} ${r.accepted.join('/')} → ${best} ${Math.max(...probs).toFixed(2)}  ${r.p.body.slice(0, 90).replace(/\n/g, ' ')}`,
      );
  }
}

if (process.argv.includes('--audit')) {
  const hits = new Map<string, string[]>();
  for (const r of rows) for (const c of firedCues(r.p)) hits.set(c.cue, [...(hits.get(c.cue) ?? []), r.id]);
  const single = [...hits.entries()].filter(([, ids]) => ids.length === 1);
  console.log(`\ncues firing on exactly one training message (${single.length}):`);
  for (const [cue, ids] of single) console.log(`  ${ids[0]}  ${cue}`);
}
