// Trains the intent model on the training/development sets only (tests/eval/messages.json and
// heldout.json; never the sealed set) and writes services/assistant/model/intent-model.json.
//   npm run train            deterministic: the same sets give the same file
//   npm run train -- --audit also lists lexicon cues that fire on exactly one training message
//
// The fusion of rules and model, its temperature and the "unsure" threshold are fitted on 5-fold
// cross-validated predictions: every message is scored by a model that never saw it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
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
  'tests/eval/dev-2026-12-01l.json',
  'tests/eval/dev-2026-12-01m.json',
  'tests/eval/dev-2026-12-01n.json',
  'tests/eval/dev-2026-12-01o.json',
  // Batches written blind by nineteen helper sessions from the sealed set's list of variants, and never
  // read to write a rule: the rules' reading of them is as fresh as on a user's mail. The fusion of
  // rules and model, its temperature and the unsure line are fitted on these (see below), spread over
  // the cross-validation folds.
  'tests/eval/dev-2026-12-01q.json',
  'tests/eval/dev-2026-12-01r.json',
  'tests/eval/dev-2026-12-01s.json',
  'tests/eval/dev-2026-12-01t.json',
  'tests/eval/dev-2026-12-01u.json',
  'tests/eval/dev-2026-12-01v.json',
  'tests/eval/dev-2026-12-01w.json',
  'tests/eval/dev-2026-12-01x.json',
  'tests/eval/dev-2026-12-01y.json',
  'tests/eval/dev-2026-12-01z.json',
  'tests/eval/dev-2026-12-01za.json',
  'tests/eval/dev-2026-12-01zb.json',
  'tests/eval/dev-2026-12-01zc.json',
  'tests/eval/dev-2026-12-01zd.json',
  'tests/eval/dev-2026-12-01ze.json',
  'tests/eval/dev-2026-12-01zf.json',
  'tests/eval/dev-2026-12-01zg.json',
  'tests/eval/dev-2026-12-01zh.json',
  'tests/eval/dev-2026-12-01zi.json',
];
const RULE_FRESH = sets.slice(-19);
const messages = sets.flatMap((s) =>
  parseEvalSet(JSON.parse(readFileSync(root(s), 'utf8'))).map((m) => ({ ...m, file: s })),
);

interface Row {
  id: string;
  file: string;
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
    // Ids repeat across batches ("q-en08" in two files): the file makes them unique.
    id: `${m.file.replace(/^.*\/|\.json$/g, '')}:${m.id}`,
    file: m.file,
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
// in one fold). Features seen in fewer than 8 messages are left out: with 1,371 messages, 4 kept 8,773
// features (a 624 KB file) for 86.3% on the rule-fresh batches, 8 keeps about 5,000 for 86.0%, 10
// keeps 4,100 for 85.7%; a stronger l2 (0.0005) read 85.0%.
const OPTIONS = { epochs: 1500, learningRate: 3, l2: 0.0001, minCount: 8 };
const FOLDS = 5;
// Folds by file: each batch was written by one writer in one sitting, in one style, often as twins in
// Spanish and English ("d-es07" / "d-en07"). Scoring a message with a model trained on its own batch
// flatters the model (random folds: 88% model-only; new writers' batches: about 70–85%), so a whole
// batch is always on one side. The rule-fresh batches go one to a fold; the rest in turn.
const files = [...new Set(rows.map((r) => r.file))];
const others = files.filter((f) => !RULE_FRESH.includes(f));
const foldOf = new Map<string, number>([
  ...RULE_FRESH.map((f, i) => [f, i % FOLDS] as const),
  ...others.map((f, i) => [f, i % FOLDS] as const),
]);
const fold = (r: Row) => foldOf.get(r.file)!;

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
const readings = new Map(rows.map((r) => [r.id, ruleReading(r.p)]));
const ruleScores = new Map(rows.map((r) => [r.id, readings.get(r.id)!.scores]));
// The rules were written on most of these messages, so their reading of those is not cross-validated:
// a cue written for one message reads it right and says nothing about fresh mail. Only on the
// rule-fresh batches is the rules' reading as new as the model's out-of-fold one.
// What the fusion is fitted on: the rule-fresh batches, read with every cue (no rule was written
// from them) and with the out-of-fold model (never trained on their batch).
const fresh = rows.filter((r) => RULE_FRESH.includes(r.file));

function evaluate(f: Fusion, scores: Map<string, Scores> = ruleScores, subset: Row[] = fresh) {
  let ok = 0;
  const byLang: Record<string, { n: number; ok: number }> = {};
  let nll = 0;
  const conf: { c: number; ok: boolean }[] = [];
  for (const r of subset) {
    const probs = fuse(
      scores.get(r.id)!,
      oof.get(r.id)!,
      f,
      classes,
      r.p.tokens.length,
      readings.get(r.id)!.damp,
    );
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
  return { accuracy: ok / subset.length, nll: nll / subset.length, conf, byLang };
}

// Short mail: fewer words than this (a third of the fresh batches' messages).
const SHORT = 25;
let fusion: Fusion = {
  ruleWeight: 1,
  modelWeight: 1,
  otherScore: 1,
  temperature: 1,
  unsureBelow: 0,
  secondaryAbove: 0.2,
};
// Every combination, scored on the rule-fresh batches; those within two messages of the best are
// equally good on them. (Until round 5 the fit ran on every batch with the rules' own
// cues held out per fold and preferred a rule-led fusion; on batches no rule was written from, that
// fusion, 1.5 : 1, read 79% right where 0.25 : 2 reads 88.7%: the lexicon, written message by
// message, looks far better on its own material than on new writers' mail.)
const tried: { f: Fusion; accuracy: number; nll: number }[] = [];
for (const ruleWeight of [0, 0.25, 0.5, 0.75, 1, 1.5, 2])
  for (const modelWeight of [0, 0.5, 1, 1.5, 2, 3])
    for (const otherScore of [0, 0.5, 1, 1.5, 2, 3])
      for (const shortRuleWeight of [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3]) {
        if (ruleWeight === 0 && modelWeight === 0) continue;
        if (shortRuleWeight < ruleWeight) continue;
        const f = { ...fusion, ruleWeight, modelWeight, otherScore, shortRuleWeight, shortBelow: SHORT };
        const r = evaluate(f);
        tried.push({ f, accuracy: r.accuracy, nll: r.nll });
      }
const top = Math.max(...tried.map((x) => x.accuracy));
const close = tried.filter((x) => x.accuracy >= top - 2 / fresh.length - 1e-9);
// Among those, the one that gives the lexicon most say (then the lowest log loss): the fresh batches
// hold few short, plain mails ("Please terminate my parking contract"), where the model has little to
// read and clear lexicon evidence should decide; the fit cannot tell those fusions apart on them.
const say = (x: Fusion): [number, number] => [
  x.ruleWeight / x.modelWeight,
  (x.shortRuleWeight ?? 0) / x.modelWeight,
];
const chosen = close
  .filter((x) => x.f.modelWeight > 0)
  .reduce((a, b) => {
    const [ra, sa] = say(a.f);
    const [rb, sb] = say(b.f);
    if (rb !== ra) return rb > ra ? b : a;
    if (sb !== sa) return sb > sa ? b : a;
    return b.nll < a.nll ? b : a;
  });
if (process.argv.includes('--grid'))
  for (const x of [...tried].sort((a, b) => b.accuracy - a.accuracy || a.nll - b.nll).slice(0, 40))
    console.log(
      `  rules ${x.f.ruleWeight} (short ${x.f.shortRuleWeight}) model ${x.f.modelWeight} other ${x.f.otherScore}: ${(100 * x.accuracy).toFixed(1)}% nll ${x.nll.toFixed(3)}`,
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
// Unsure: the lowest confidence from which, on the rule-fresh batches, the reader is right at least
// 98% of the time, flagging at most a quarter of messages (on fresh writers' mail the cap is what
// binds: about 94% right above it, against 86% overall). A cumulative "right under 70% below
// the line" test stopped flagging anything once the model was trained to convergence: its few
// lowest-confidence messages happened to be right, and the 0.6–0.8 band, right 68–71% of the time,
// went unflagged.
const sorted = [...calibrated.conf].sort((a, b) => a.c - b.c);
let unsureBelow = 0;
for (let i = 0; i < sorted.length && i + 1 <= sorted.length * 0.25; i++) {
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
  const typo = ruleReading(r.typo);
  const probs = fuse(typo.scores, oofTypo.get(r.id)!, fusion, classes, r.typo.tokens.length, typo.damp);
  if (r.accepted.includes(INTENTS[probs.indexOf(Math.max(...probs))]!)) typoRight++;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const perLang = (name: string, byLang: Record<string, { n: number; ok: number }>) =>
  Object.fromEntries(Object.entries(byLang).map(([l, v]) => [`${name}_${l}`, r3(v.ok / v.n)]));
// Every message, folds by batch (runs high: the rules were written on most of them).
const withAllCues = evaluate(fusion, ruleScores, rows);
const dev = {
  messages: rows.length,
  crossValidatedAccuracy: r3(withAllCues.accuracy),
  ...perLang('crossValidatedAccuracy', withAllCues.byLang),
  // The rule-fresh batches (what the fusion is fitted on; the rest of the figures below are on them).
  freshMessages: fresh.length,
  freshAccuracy: r3(calibrated.accuracy),
  ...perLang('freshAccuracy', calibrated.byLang),
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
  // Compact JSON, one line per feature (.prettierignore lists the file): the shipped file stays small.
  // Weights as whole hundredths ("unit": 0.01): the same two decimals in a quarter less space.
  const lines = Object.entries(finalModel.weights).map(
    ([k, w]) => `${JSON.stringify(k)}:${JSON.stringify(w.map((v) => Math.round(v * 100)))}`,
  );
  writeFileSync(
    root('services/assistant/model/intent-model.json'),
    `{"fusion":${JSON.stringify(fusion)},\n"dev":${JSON.stringify(dev)},\n"model":{"classes":${JSON.stringify(finalModel.classes)},"bias":${JSON.stringify(finalModel.bias)},"unit":0.01,"weights":{\n${lines.join(',\n')}\n}}}\n`,
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

if (process.argv.includes('--confusion')) {
  // Counts only (expected → read) on the rule-fresh batches: which intents are mixed up, without
  // reading a message.
  const m = new Map<string, number>();
  for (const r of fresh) {
    const d = readings.get(r.id)!;
    const probs = fuse(d.scores, oof.get(r.id)!, fusion, classes, r.p.tokens.length, d.damp);
    const best = INTENTS[probs.indexOf(Math.max(...probs))]!;
    if (!r.accepted.includes(best)) m.set(`${r.label} → ${best}`, (m.get(`${r.label} → ${best}`) ?? 0) + 1);
  }
  for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${v}  ${k}`);
}

if (process.argv.includes('--misses')) {
  // Development view: what a model that never saw the message got wrong (cross-validated).
  for (const r of rows) {
    const probs = fuse(
      ruleScores.get(r.id)!,
      oof.get(r.id)!,
      fusion,
      classes,
      r.p.tokens.length,
      readings.get(r.id)!.damp,
    );
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
