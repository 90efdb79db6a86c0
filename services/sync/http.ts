import { dropAccessToken, getAccessToken } from '../auth/flows';
import type { Provider } from '../auth/tokens';
import { CalendarError, errorFromHttp, errorFromThrown } from '../calendar/errors';

// One authorised request to Google or Microsoft for backup and team sync. Errors are classified by
// the same documented reasons as the calendar's (services/calendar/errors.ts), so callers and the
// outbox decide from `kind`: 401 drops the token and tries once more with a renewed one (Google
// "Using OAuth 2.0": an expired access token answers 401; Graph: InvalidAuthenticationToken).

export interface CloudRequest extends Omit<RequestInit, 'body'> {
  body?: BodyInit | null;
  /** Passed to the retry policy: how many 429/5xx answers to wait out here before throwing. */
  retries?: number;
  /** A POST whose repetition does no harm (one more backup file); other POSTs are never repeated here. */
  repeatable?: boolean;
  /** Statuses answered to the caller as they are (Drive's 308 Resume Incomplete). */
  accept?: number[];
}

export type TokenSource = (provider: Provider) => Promise<string>;

let tokens: TokenSource = getAccessToken;
let dropToken: (provider: Provider) => Promise<void> = dropAccessToken;
let sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tests replace the token source and the clock of waits. */
export function setCloudAuthForTests(
  source: TokenSource,
  drop: (provider: Provider) => Promise<void> = async () => {},
  wait: (ms: number) => Promise<void> = sleep,
): void {
  tokens = source;
  dropToken = drop;
  sleep = wait;
}

/** The longest a Retry-After is waited out inline; a longer one goes back to the caller. */
const MAX_INLINE_WAIT_MS = 30_000;

export async function cloudFetch(
  provider: Provider,
  url: string,
  init: CloudRequest = {},
): Promise<Response> {
  const { retries = 2, repeatable: safe = false, accept = [], ...rest } = init;
  const repeatable = safe || (rest.method ?? 'GET').toUpperCase() !== 'POST';
  let renewed = false;
  for (let attempt = 0; ; attempt++) {
    const token = await tokens(provider);
    let response: Response;
    try {
      response = await fetch(url, {
        ...rest,
        headers: {
          ...(rest.headers as Record<string, string> | undefined),
          authorization: `Bearer ${token}`,
        },
      });
    } catch (err) {
      // No answer: a POST may have been carried out all the same, so only a request that is safe to
      // repeat is repeated here; the caller (the sync pass) recognises a create that did happen.
      if (attempt < retries && repeatable) {
        await sleep(backoff(attempt));
        continue;
      }
      throw errorFromThrown(err);
    }
    if (response.ok || response.status === 302 || response.status === 304 || accept.includes(response.status))
      return response;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    const error = errorFromHttp(response.status, response.headers, body);
    if (error.kind === 'auth' && !renewed) {
      renewed = true;
      await dropToken(provider);
      continue;
    }
    // 429 and 503 say the request was not carried out; another 5xx may hide a committed POST.
    const passing =
      error.kind === 'rate-limit' || (error.kind === 'server' && (repeatable || response.status === 503));
    const wait = error.retryAfterMs ?? backoff(attempt);
    if (passing && attempt < retries && wait <= MAX_INLINE_WAIT_MS) {
      await sleep(wait);
      continue;
    }
    throw error;
  }
}

export async function cloudJson<T>(provider: Provider, url: string, init: CloudRequest = {}): Promise<T> {
  const response = await cloudFetch(provider, url, init);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new CalendarError('server', `Unreadable answer from ${provider} (${response.status})`);
  }
}

function backoff(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
}
