import type { Route } from './http';
import type { SandboxState } from './state';
// STUB: replaced by the calendar sandbox work.
export function graphRoutes(_state: SandboxState): Route {
  return () => false;
}
