import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startSandbox } from '../../sandbox/server';
import { E2E_PORT, SANDBOX_BUILD } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxOrigin: string;
  }
}

// One sandbox build and one sandbox server for the whole e2e run. `E2E_SKIP_BUILD=1` reuses a build
// made by `npm test` just before (it builds with the same port).
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(SANDBOX_BUILD)) {
    const build = spawnSync('node', ['scripts/build-sandbox.mjs'], {
      stdio: 'inherit',
      env: { ...process.env, SANDBOX_PORT: String(E2E_PORT) },
    });
    if (build.status !== 0) throw new Error('Sandbox build failed');
  }
  const sandbox = await startSandbox(E2E_PORT);
  project.provide('sandboxOrigin', sandbox.origin);
  return () => sandbox.close();
}
