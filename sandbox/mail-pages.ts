import type { Route } from './http';
import type { SandboxState } from './state';
// STUB: replaced by the demo mail pages work.
export function mailRoutes(_state: SandboxState): Route {
  return () => false;
}
