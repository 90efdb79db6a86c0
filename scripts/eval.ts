// Offline evaluation of the assistant's analysis on hand-labelled customer mail.
//   npx tsx scripts/eval.ts             the development set (tests/eval/messages.json)
//   npx tsx scripts/eval.ts --heldout   the held-out set, for the final report only
//   add --verbose to list every miss
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runEval, type EvalMessage } from '../services/assistant/evaluate';

export const THRESHOLDS = {
  intentAccuracy: 0.9,
  languageAccuracy: 0.95,
  datePrecision: 0.9,
  dateRecall: 0.8,
};

const args = process.argv.slice(2);
const file = args.includes('--heldout') ? 'heldout.json' : 'messages.json';
const path = fileURLToPath(new URL(`../tests/eval/${file}`, import.meta.url));
const messages = JSON.parse(readFileSync(path, 'utf8')) as EvalMessage[];
const report = runEval(messages);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`Eval: ${file}, ${report.total} messages`);
console.log(`Intent accuracy (primary): ${pct(report.intentAccuracy)}`);
for (const [lang, acc] of Object.entries(report.intentAccuracyByLanguage))
  console.log(`  ${lang}: ${pct(acc)}`);
console.log(`Secondary intent recall: ${pct(report.secondaryRecall)}`);
console.log(`Language accuracy: ${pct(report.languageAccuracy)}`);
console.log('Per-language per-intent F1 (primary):');
for (const [lang, scores] of Object.entries(report.intentF1)) {
  console.log(
    `  ${lang}: ${Object.entries(scores)
      .map(([i, v]) => `${i} ${v.toFixed(2)}`)
      .join(', ')}`,
  );
}
console.log('Dates:');
for (const [key, d] of Object.entries(report.dates)) {
  console.log(
    `  ${key}: precision ${pct(d.precision)}, recall ${pct(d.recall)} (tp ${d.tp}, fp ${d.fp}, fn ${d.fn})`,
  );
}
if (args.includes('--verbose')) {
  for (const e of report.errors) console.log(`  ✗ ${e.id} ${e.kind}: expected ${e.expected} — got ${e.got}`);
}

const failures: string[] = [];
if (report.intentAccuracy < THRESHOLDS.intentAccuracy) failures.push('intent accuracy');
if (report.languageAccuracy < THRESHOLDS.languageAccuracy) failures.push('language accuracy');
for (const [key, d] of Object.entries(report.dates)) {
  if (key === 'all') continue;
  if (d.precision < THRESHOLDS.datePrecision) failures.push(`date precision (${key})`);
  if (d.recall < THRESHOLDS.dateRecall) failures.push(`date recall (${key})`);
}
if (failures.length > 0) {
  console.log(`Below threshold: ${failures.join(', ')}`);
  process.exitCode = 1;
}
