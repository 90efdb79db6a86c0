import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { parseJson, sendJson } from './http';
import { addFaultRules } from './faults';
import type { SandboxState } from './state';

// Test and demo controls under /__sandbox/. Never subject to faults.

interface ConfigBody {
  microsoftAccount?: 'work' | 'personal';
  tokens?: 'expire' | 'revoke';
  signIn?: 'allow' | 'deny';
  conferences?: 'immediate' | 'pending';
  googleGrants?: string[] | null;
  /** 'end': the user's Microsoft sign-in in the browser is over (signed out, or it expired). */
  microsoftSession?: 'end';
  /** 'withdrawn': whoever shared a calendar with the manager (the default signed-in user) stops sharing it. */
  microsoftShares?: 'withdrawn';
  /**
   * The account the user picks at the next interactive Microsoft sign-in (a mailbox of the demo
   * tenant, by address or id; null: no choice pending). See pickMicrosoftUser in oauth.ts.
   */
  microsoftUser?: string | null;
}

export function adminRoutes(state: SandboxState): Route {
  const handlers: Record<string, (req: SandboxRequest, res: ServerResponse) => void> = {
    'GET /__sandbox/state': (_req, res) => sendJson(res, 200, state.snapshot()),
    'POST /__sandbox/reset': (req, res) => reset(state, req, res),
    'POST /__sandbox/faults': (req, res) => addFaults(state, req, res),
    'GET /__sandbox/faults': (_req, res) => sendJson(res, 200, { faults: state.faults }),
    'DELETE /__sandbox/faults': (_req, res) => {
      state.faults = [];
      sendJson(res, 200, { faults: [] });
    },
    'POST /__sandbox/config': (req, res) => configure(state, req, res),
    'POST /__sandbox/clock': (req, res) => setClock(state, req, res),
  };
  return (req, res) => {
    const handler = handlers[`${req.method} ${req.url.pathname}`];
    if (!handler) return false;
    handler(req, res);
    return true;
  };
}

function reset(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as { now?: string } | undefined;
  const now = body?.now ? new Date(body.now) : new Date();
  if (Number.isNaN(now.getTime())) return sendJson(res, 400, { error: `Bad "now": ${body?.now}` });
  state.reset(now);
  sendJson(res, 200, { ok: true, anchor: now.toISOString() });
}

/**
 * Moves the sandbox clock (what token lifetimes are judged by) `offsetMs` ahead of the real one,
 * so a test can cross Microsoft's 24 h refresh-token end without waiting a day. Absolute, not
 * cumulative; reset puts it back to 0.
 */
function setClock(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as { offsetMs?: unknown } | undefined;
  const offset = body?.offsetMs;
  if (typeof offset !== 'number' || !Number.isFinite(offset))
    return sendJson(res, 400, { error: 'offsetMs (a number of milliseconds) is required' });
  state.clockOffsetMs = offset;
  sendJson(res, 200, { offsetMs: offset, now: new Date(state.now()).toISOString() });
}

function addFaults(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = parseJson(req.body) as unknown;
  const input =
    body && typeof body === 'object' && 'rules' in body ? (body as { rules: unknown }).rules : body;
  try {
    const added = addFaultRules(state, input);
    sendJson(res, 200, { added, faults: state.faults });
  } catch (err) {
    sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
  }
}

function configure(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const body = (parseJson(req.body) ?? {}) as ConfigBody;
  if (body.microsoftAccount && !['work', 'personal'].includes(body.microsoftAccount)) {
    return sendJson(res, 400, { error: 'microsoftAccount must be "work" or "personal"' });
  }
  if (body.tokens && !['expire', 'revoke'].includes(body.tokens))
    return sendJson(res, 400, { error: 'tokens must be "expire" or "revoke"' });
  if (body.signIn && !['allow', 'deny'].includes(body.signIn))
    return sendJson(res, 400, { error: 'signIn must be "allow" or "deny"' });
  if (body.microsoftSession !== undefined && body.microsoftSession !== 'end')
    return sendJson(res, 400, { error: 'microsoftSession must be "end"' });
  if (body.microsoftUser !== undefined && body.microsoftUser !== null) {
    const mailbox = typeof body.microsoftUser === 'string' ? state.mailbox(body.microsoftUser) : undefined;
    if (!mailbox || body.microsoftUser === 'me')
      return sendJson(res, 400, {
        error: `microsoftUser must be the address of a mailbox of the tenant: ${state.microsoft.mailboxes
          .map((m) => m.user.mail)
          .join(', ')}`,
      });
    state.config.microsoftUser = mailbox.user.mail;
  } else if (body.microsoftUser === null) state.config.microsoftUser = null;
  if (body.microsoftAccount) state.setMicrosoftAccount(body.microsoftAccount);
  if (body.microsoftSession === 'end') state.microsoftSessions.clear();
  if (body.microsoftShares !== undefined) {
    if (body.microsoftShares !== 'withdrawn')
      return sendJson(res, 400, { error: 'microsoftShares must be "withdrawn"' });
    const me = state.mailbox('me');
    if (me) me.sharedWithMe = [];
  }
  if (body.tokens) state.invalidateTokens(body.tokens);
  if (body.signIn) state.config.signIn = body.signIn;
  if (body.conferences && !['immediate', 'pending'].includes(body.conferences))
    return sendJson(res, 400, { error: 'conferences must be "immediate" or "pending"' });
  if (body.conferences) state.config.conferences = body.conferences;
  if (body.googleGrants !== undefined) {
    if (
      body.googleGrants !== null &&
      !(Array.isArray(body.googleGrants) && body.googleGrants.every((g) => typeof g === 'string'))
    )
      return sendJson(res, 400, { error: 'googleGrants must be a list of scope names or null' });
    state.config.googleGrants = body.googleGrants;
  }
  sendJson(res, 200, { config: state.config });
}
