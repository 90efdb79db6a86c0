import type { ServerResponse } from 'node:http';
import type { SandboxRequest } from './http';
import { sendJson } from './http';
import { sendGoogleError } from './google';
import { sendGraphError } from './graph';
import type { FaultRule, SandboxState } from './state';
import { appendLog } from './state';

// Faults hit only the provider APIs and sign-in, never the admin API or the demo mail pages.
const FAULTABLE = /^\/(google|graph|oauth)\//;

type Decision = { rule?: FaultRule; dropped?: boolean };
// The server tries each route through applyFaults in turn; a request is judged once, on its first pass.
const decided = new WeakMap<SandboxRequest, Decision>();

export async function applyFaults(
  state: SandboxState,
  req: SandboxRequest,
  res: ServerResponse,
  next: () => boolean | Promise<boolean>,
): Promise<boolean> {
  if (!FAULTABLE.test(req.url.pathname)) return next();
  if (!decided.has(req)) {
    const rule = takeRule(state, req);
    decided.set(req, { rule });
    appendLog(state, {
      at: new Date().toISOString(),
      method: req.method,
      path: req.url.pathname,
      search: req.url.search,
      fault: describe(rule),
    });
    if (rule?.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
    if (rule?.status && !rule.dropAfterCommit) {
      sendFaultError(req, res, rule.status, rule.retryAfter, rule.reason);
      return true;
    }
    if (rule?.dropAfterCommit) swallowAnswer(req, res);
  }
  return next();
}

/** Validates rules posted to /__sandbox/faults; throws with a readable message. */
export function addFaultRules(state: SandboxState, input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : [input];
  const rules = list.map((raw, i): FaultRule => {
    const r = (raw ?? {}) as Partial<FaultRule>;
    if (typeof r.path !== 'string')
      throw new Error(`rule ${i}: path (a regular expression string) is required`);
    new RegExp(r.path);
    if (r.status === undefined && !r.delayMs && !r.dropAfterCommit)
      throw new Error(`rule ${i}: give status, delayMs or dropAfterCommit`);
    if (r.reason !== undefined && !(r.reason in REASON_MESSAGES))
      throw new Error(
        `rule ${i}: unknown reason ${r.reason}; known: ${Object.keys(REASON_MESSAGES).join(', ')}`,
      );
    return {
      id: nextId++,
      method: r.method?.toUpperCase(),
      path: r.path,
      status: r.status,
      reason: r.reason,
      retryAfter: r.retryAfter,
      delayMs: r.delayMs,
      times: r.times ?? 1,
      dropAfterCommit: r.dropAfterCommit,
      hits: 0,
    };
  });
  state.faults.push(...rules);
  return rules;
}
let nextId = 1;

function takeRule(state: SandboxState, req: SandboxRequest): FaultRule | undefined {
  const rule = state.faults.find(
    (r) => r.times > 0 && (!r.method || r.method === req.method) && new RegExp(r.path).test(req.url.pathname),
  );
  if (!rule) return undefined;
  rule.times -= 1;
  rule.hits += 1;
  return rule;
}

function describe(rule: FaultRule | undefined): string | undefined {
  if (!rule) return undefined;
  if (rule.dropAfterCommit) return 'dropAfterCommit';
  return rule.status ? `status ${rule.status}` : `delay ${rule.delayMs}ms`;
}

/** Lets the route run and commit, then cuts the connection instead of answering. */
function swallowAnswer(req: SandboxRequest, res: ServerResponse): void {
  res.writeHead = (() => res) as unknown as ServerResponse['writeHead'];
  res.write = (() => true) as ServerResponse['write'];
  res.end = (() => {
    req.raw.socket.destroy();
    return res;
  }) as unknown as ServerResponse['end'];
}

function sendFaultError(
  req: SandboxRequest,
  res: ServerResponse,
  status: number,
  retryAfter?: number,
  reasonAsked?: string,
): void {
  const headers: Record<string, string> =
    retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  const path = req.url.pathname;
  const asked: [string, string] | undefined = reasonAsked
    ? [reasonAsked, REASON_MESSAGES[reasonAsked] ?? reasonAsked]
    : undefined;
  if (path.startsWith('/google/')) {
    const [reason, message] = asked ?? GOOGLE_FAULTS[status] ?? ['backendError', 'Backend Error'];
    return sendGoogleError(res, status, reason, message, headers);
  }
  if (path.startsWith('/graph/')) {
    const [code, message] = asked ??
      GRAPH_FAULTS[status] ?? ['generalException', 'An unexpected error occurred.'];
    return sendGraphError(res, status, code, message, headers);
  }
  const error = status === 429 || status === 503 ? 'temporarily_unavailable' : 'server_error';
  sendJson(res, status, { error, error_description: `Sandbox fault ${status}` }, headers);
}

// The reasons a fault may name, with the message the documentation gives for each: Google
// "Handle API errors" (developers.google.com/workspace/calendar/api/guides/errors) and Graph
// "Microsoft Graph error responses" (learn.microsoft.com/graph/errors).
const REASON_MESSAGES: Record<string, string> = {
  rateLimitExceeded: 'Rate Limit Exceeded',
  userRateLimitExceeded: 'User Rate Limit Exceeded',
  dailyLimitExceeded: 'Daily Limit Exceeded',
  quotaExceeded: 'Calendar usage limits exceeded.',
  forbiddenForNonOrganizer: 'Shared properties can only be changed by the organizer of the event.',
  requiredAccessLevel: 'You need to have writer access to this calendar.',
  insufficientPermissions: 'Request had insufficient authentication scopes.',
  ErrorAccessDenied: 'Access is denied. Check credentials and try again.',
};

const GOOGLE_FAULTS: Record<number, [string, string]> = {
  401: ['authError', 'Invalid Credentials'],
  403: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  429: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  500: ['backendError', 'Backend Error'],
  503: ['backendError', 'The service is currently unavailable.'],
};

const GRAPH_FAULTS: Record<number, [string, string]> = {
  401: ['InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The gateway timed out.'],
};
