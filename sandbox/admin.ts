import type { Route } from './http';
import { sendJson } from './http';
import type { SandboxState } from './state';
export function adminRoutes(state: SandboxState): Route {
  return (req, res) => {
    if (req.url.pathname === '/__sandbox/state' && req.method === 'GET') {
      sendJson(res, 200, state.snapshot());
      return true;
    }
    if (req.url.pathname === '/__sandbox/reset' && req.method === 'POST') {
      state.reset();
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  };
}
