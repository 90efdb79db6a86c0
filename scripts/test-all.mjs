// `npm test`: typecheck, lint, unit tests, both builds, end-to-end tests in real Chromium (and the
// Firefox smoke test). Runs every step even after a failure, then prints one summary line.
import { spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const E2E_PORT = process.env.E2E_SANDBOX_PORT ?? '8799';
const results = [];
let passed = 0;
let failed = 0;
/** Failed tests with the first lines of their message, repeated at the end where a log tail shows it. */
const failures = [];
/** Every test's duration, for the slowest-tests list and the timeout-margin check. */
const timings = [];
/** Each runner's per-test timeout (ms), as set in its config: a test should stay under a third of it. */
const TIMEOUTS = { unit: 30_000, e2e: 60_000 };
const started = performance.now();

// CPU time of the steps (user + system of every finished child, grandchildren included), beside
// their wall time: on a shared machine the wall time says how busy it was, the CPU time what the
// step cost. Linux only (/proc); elsewhere the column is left out.
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function childCpuSeconds() {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5) (cutime, cstime), counted here from field 3.
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const t0 = performance.now();
  const cpu0 = childCpuSeconds();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  const cpu = cpu0 === null ? null : childCpuSeconds() - cpu0;
  results.push({ name, ok, seconds: (performance.now() - t0) / 1000, cpu });
  return ok;
}

/**
 * Steps that do not depend on each other, run side by side (two cores: a single-threaded tool each).
 * Their output is held and printed whole, one step after the other, so the log stays readable.
 */
async function together(list, env = {}) {
  const cpu0 = childCpuSeconds();
  const runs = list.map(
    ([name, command, args]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const child = spawn(command, args, { env: { ...process.env, ...env } });
        const out = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => out.push(d));
        child.on('close', (code) =>
          resolve({ name, command, args, ok: code === 0, out, seconds: (performance.now() - t0) / 1000 }),
        );
      }),
  );
  const done = await Promise.all(runs);
  // Side-by-side steps share one CPU figure (the kernel sums finished children).
  const cpu = cpu0 === null ? null : childCpuSeconds() - cpu0;
  results.push({ name: done.map((r) => r.name).join(' + '), together: true, cpu });
  for (const r of done) {
    console.log(`\n▶ ${r.name}: ${r.command} ${r.args.join(' ')}`);
    process.stdout.write(Buffer.concat(r.out));
    results.push({ name: r.name, ok: r.ok, seconds: r.seconds });
    if (r.ok) passed += 1;
    else failed += 1;
  }
  return done.every((r) => r.ok);
}

/** Each test's own timeout, written by scripts/test-timeouts-reporter.mjs beside the JSON report. */
function readTimeouts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Counts from vitest's JSON report; a step that crashed before reporting counts as one failure. */
function countTests(file, stepOk, kind) {
  const timeouts = readTimeouts(file.replace(/\.json$/, '-timeouts.json'));
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!stepOk && report.numFailedTests === 0) failed += 1;
    for (const suite of report.testResults) {
      for (const test of suite.assertionResults) {
        if (typeof test.duration === 'number') {
          const name = `${suite.name.replace(process.cwd() + '/', '')} › ${test.fullName}`;
          timings.push({ kind, ms: test.duration, name, timeout: timeouts[name] ?? TIMEOUTS[kind] });
        }
        if (test.status !== 'failed') continue;
        const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n      ');
        failures.push(`${suite.name.replace(process.cwd() + '/', '')} › ${test.fullName}\n      ${message}`);
      }
    }
    if (report.numTotalTests === 0) {
      console.error(`${file}: no tests ran`);
      failed += 1;
    }
  } catch {
    failed += 1;
  }
}

mkdirSync('test-results', { recursive: true });
for (const f of ['unit.json', 'unit-timeouts.json', 'e2e.json', 'e2e-timeouts.json'])
  rmSync(`test-results/${f}`, { force: true });

await together([
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
]);

const unitOk = step(
  'unit tests',
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
    '--reporter=./scripts/test-timeouts-reporter.mjs',
  ],
  { TEST_TIMEOUTS_FILE: 'test-results/unit-timeouts.json' },
);
countTests('test-results/unit.json', unitOk, 'unit');

// Two at a time: each build is mostly one core; the sandbox builds point at the e2e port.
const buildEnv = { SANDBOX_PORT: E2E_PORT };
let buildsOk = await together(
  [
    ['build (chrome)', 'npm', ['run', 'build']],
    ['build (firefox)', 'npm', ['run', 'build:firefox']],
  ],
  buildEnv,
);
buildsOk &&= await together(
  [
    ['build (sandbox, chrome)', 'npm', ['run', 'build:sandbox']],
    ['build (sandbox, firefox)', 'npm', ['run', 'build:sandbox', '--', '--firefox']],
  ],
  buildEnv,
);

if (buildsOk) {
  const e2eOk = step(
    'end-to-end tests (Chromium, Firefox)',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/e2e.json',
      '--reporter=./scripts/test-timeouts-reporter.mjs',
    ],
    { E2E_SKIP_BUILD: '1', E2E_SANDBOX_PORT: E2E_PORT, TEST_TIMEOUTS_FILE: 'test-results/e2e-timeouts.json' },
  );
  countTests('test-results/e2e.json', e2eOk, 'e2e');
} else {
  failed += 1;
  results.push({ name: 'end-to-end tests', ok: false, seconds: 0 });
}

if (failures.length > 0) {
  console.log('\nFailed tests:');
  for (const f of failures) console.log(`  ✘ ${f}`);
}
// Drift made visible: the slowest tests, and any test past a third of its timeout (a busy machine
// could push it over). Timings are reported, never asserted.
timings.sort((a, b) => b.ms - a.ms);
console.log('\nSlowest tests:');
for (const t of timings.slice(0, 20))
  console.log(`  ${(t.ms / 1000).toFixed(2).padStart(6)} s  [${t.kind}] ${t.name}`);
const tight = timings.filter((t) => t.ms > t.timeout / 3);
if (tight.length > 0) {
  console.log(
    `\nWithin 3× of their timeout (their own, else unit ${TIMEOUTS.unit / 1000} s, e2e ${TIMEOUTS.e2e / 1000} s) — make them lighter:`,
  );
  for (const t of tight)
    console.log(
      `  ${(t.ms / 1000).toFixed(2)} s of ${(t.timeout / 1000).toFixed(0)} s  [${t.kind}] ${t.name}`,
    );
}
console.log('\nSteps (wall time; CPU time where measured):');
const cpuText = (cpu) => (typeof cpu === 'number' ? `, CPU ${cpu.toFixed(0)} s` : '');
for (const r of results) {
  if (r.together) console.log(`  side by side: ${r.name}${cpuText(r.cpu)}`);
  else console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds.toFixed(0)} s${cpuText(r.cpu)})`);
}
const totalCpu = childCpuSeconds();
console.log(
  `\nTotal time: ${((performance.now() - started) / 1000).toFixed(0)} s` +
    (totalCpu === null ? '' : ` (CPU ${totalCpu.toFixed(0)} s)`),
);
console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.every((r) => r.together || r.ok) ? 0 : 1);
