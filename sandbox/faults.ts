import type { ServerResponse } from 'node:http';
import type { SandboxRequest } from './http';
import type { SandboxState } from './state';
// STUB: error injection comes with the calendar sandbox work.
export async function applyFaults(
  _state: SandboxState,
  _req: SandboxRequest,
  _res: ServerResponse,
  next: () => boolean | Promise<boolean>,
): Promise<boolean> {
  return next();
}
