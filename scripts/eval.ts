// Measures the assistant's reading of mail on a labelled set (format in the README, "Measuring on
// your own mail"):
//   npm run eval -- --set FILE          readable report with every miss
//   npm run eval -- --set FILE --json   { "languages": { "es": { n, languageAccuracy, ... }, ... } }
// Several --set flags score the files together. Without --set, the training/development sets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEvalSet, runEval, type EvalMessage } from '../services/assistant/evaluate';

const args = process.argv.slice(2);
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--set' && args[i + 1]) files.push(args[++i]!);
  else if (args[i]!.startsWith('--set=')) files.push(args[i]!.slice(6));
}
if (files.length === 0)
  for (const name of ['messages.json', 'heldout.json'])
    files.push(fileURLToPath(new URL(`../tests/eval/${name}`, import.meta.url)));

let messages: EvalMessage[] = [];
try {
  for (const f of files) messages = messages.concat(parseEvalSet(JSON.parse(readFileSync(f, 'utf8'))));
} catch (e) {
  console.error(`Cannot read the set: ${(e as Error).message}`);
  process.exit(2);
}
const report = runEval(messages);

if (args.includes('--json')) {
  console.log(JSON.stringify({ languages: report.languages }, null, 2));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`Set: ${files.join(', ')} — ${messages.length} messages`);
  for (const [lang, f] of Object.entries(report.languages)) {
    const c = report.dateCounts[lang]!;
    const u = report.uncertain[lang]!;
    console.log(
      `${lang} (${f.n}): language ${pct(f.languageAccuracy)}, intent ${pct(f.intentAccuracy)}, ` +
        `dates precision ${pct(f.datePrecision)} recall ${pct(f.dateRecall)} (right ${c.tp}, wrong ${c.fp}, missed ${c.fn}); ` +
        `marked unsure ${pct(u.share)}, intent when sure ${pct(u.accuracyWhenSure)}`,
    );
  }
  if (report.misses.length) console.log('\nMisses:');
  for (const m of report.misses)
    console.log(
      `  ✗ [${m.lang}] ${m.id} ${m.kind}: expected ${m.expected} — got ${m.got}\n      “${m.excerpt}”`,
    );
}
