import type { Route } from './http';
import type { SandboxState } from './state';
// STUB: replaced by the calendar sandbox work.
export function googleRoutes(_state: SandboxState): Route {
  return () => false;
}
