// `npm run bench`: figures and ratios, printed and saved to bench-results/latest.json.
// Never asserted in tests (timings vary by machine); compare runs on the same machine.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sections } from './bench/sections';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Budget from DESIGN.md, when there is one. */
  budget?: number;
  note?: string;
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const results: Record<string, Figure[]> = {};
for (const [name, run] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`\n== ${name}\n`);
  try {
    const figures = await run();
    results[name] = figures;
    for (const f of figures) {
      const budget =
        f.budget !== undefined
          ? `  (budget ${f.budget} ${f.unit}: ${f.value <= f.budget ? 'within' : 'OVER'})`
          : '';
      console.log(
        `  ${f.name.padEnd(58)} ${format(f.value).padStart(12)} ${f.unit}${budget}${f.note ? `  — ${f.note}` : ''}`,
      );
    }
  } catch (err) {
    console.log(`  failed: ${err instanceof Error ? err.message : String(err)}`);
    results[name] = [];
  }
}
mkdirSync('bench-results', { recursive: true });
const out = resolve('bench-results/latest.json');
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
console.log(`\nSaved ${out}`);

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 3 : 1);
}

// Helpers shared by the sections.
export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function timeIt(fn: () => unknown, runs = 15): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export function ensureBuild(dir: string, command: string): void {
  if (!existsSync(dir)) execSync(command, { stdio: 'inherit' });
}
