// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './testing';
import { COLLEAGUE_TOKEN } from './todo';

const sandbox = useSandbox();
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
/** What fetch from the extension's pages and service worker sends as Origin. */
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnop';
const VERIFIER = 'Xk3v_9wq-verifier-of-at-least-forty-three-characters-long';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

const get = (path: string, cookie?: string) =>
  fetch(`${sandbox.origin()}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const form = (path: string, fields: Record<string, string>, origin: string | null = EXTENSION_ORIGIN) =>
  fetch(`${sandbox.origin()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

async function googleSignIn(): Promise<URLSearchParams> {
  const query = new URLSearchParams({
    client_id: 'demo.apps.googleusercontent.com',
    redirect_uri: REDIRECT,
    response_type: 'token',
    scope: 'https://www.googleapis.com/auth/calendar.events',
    state: 's-1',
  });
  const res = await get(`/oauth/google/authorize?${query}`);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return new URLSearchParams(location.hash.slice(1));
}

/** One Microsoft authorization: the redirect's query and the session cookie it set, if any. */
async function microsoftAuthorize(
  extra: Record<string, string> = {},
  cookie?: string,
): Promise<{ answer: URLSearchParams; cookie: string | undefined }> {
  const query = new URLSearchParams({
    client_id: 'ms-client',
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'Calendars.ReadWrite offline_access',
    state: 's-2',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  });
  const res = await get(`/oauth/microsoft/authorize?${query}`, cookie);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('s-2');
  return { answer: location.searchParams, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

async function microsoftCode(): Promise<string> {
  return (await microsoftAuthorize()).answer.get('code') ?? '';
}

const redeem = (code: string, verifier = VERIFIER, origin: string | null = EXTENSION_ORIGIN) =>
  form(
    '/oauth/microsoft/token',
    {
      grant_type: 'authorization_code',
      client_id: 'ms-client',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    },
    origin,
  );
const refresh = (token: string, origin: string | null = EXTENSION_ORIGIN) =>
  form(
    '/oauth/microsoft/token',
    {
      grant_type: 'refresh_token',
      client_id: 'ms-client',
      refresh_token: token,
    },
    origin,
  );

interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

describe('sign-in stand-ins', () => {
  it('Google implicit flow puts a working token in the fragment, and revoke stops it', async () => {
    const answer = await googleSignIn();
    expect(answer.get('token_type')).toBe('Bearer');
    expect(answer.get('state')).toBe('s-1');
    expect(Number(answer.get('expires_in'))).toBeGreaterThan(0);
    const token = answer.get('access_token') ?? '';
    // calendar.events lets it read events; the calendar list needs a calendarList scope.
    expect((await sandbox.google('calendars/primary/events', { token })).status).toBe(200);
    expect((await sandbox.google('users/me/calendarList', { token })).status).toBe(403);

    expect((await form('/oauth/google/revoke', { token })).status).toBe(200);
    expect((await sandbox.google('calendars/primary/events', { token })).status).toBe(401);
    expect((await form('/oauth/google/revoke', { token })).status).toBe(400);
  });

  it('Microsoft code flow checks the PKCE verifier', async () => {
    const bad = await redeem(await microsoftCode(), 'a-different-verifier-that-does-not-match-the-challenge');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_grant');

    const code = await microsoftCode();
    const good = await redeem(code);
    expect(good.status).toBe(200);
    const tokens = (await good.json()) as Tokens;
    expect(tokens.token_type).toBe('Bearer');
    expect((await sandbox.graph('me', { token: tokens.access_token })).status).toBe(200);
    // A code is single-use.
    expect((await redeem(code)).status).toBe(400);
  });

  it('refreshes Microsoft tokens until they are revoked', async () => {
    const tokens = (await (await redeem(await microsoftCode())).json()) as Tokens;
    await sandbox.admin('config', 'POST', { tokens: 'expire' });
    expect((await sandbox.graph('me', { token: tokens.access_token })).status).toBe(401);
    expect((await sandbox.graph('me')).status).toBe(401);

    const renewed = await refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    const next = (await renewed.json()) as Tokens;
    expect((await sandbox.graph('me', { token: next.access_token })).status).toBe(200);

    await sandbox.admin('config', 'POST', { tokens: 'revoke' });
    expect((await refresh(next.refresh_token)).status).toBe(400);
  });

  it('answers access_denied when the user refuses consent', async () => {
    await sandbox.admin('config', 'POST', { signIn: 'deny' });
    expect((await googleSignIn()).get('error')).toBe('access_denied');
  });

  it('requires a PKCE challenge for Microsoft', async () => {
    const query = new URLSearchParams({
      client_id: 'ms-client',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'Calendars.ReadWrite',
    });
    const location = new URL(
      (await get(`/oauth/microsoft/authorize?${query}`)).headers.get('location') ?? '',
    );
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.has('code')).toBe(false);
  });
});

describe('Microsoft single-page-app tokens are redeemed cross-origin only', () => {
  it('refuses a code or refresh token posted without Origin (AADSTS9002327), code left unused', async () => {
    const code = await microsoftCode();
    const bare = await redeem(code, VERIFIER, null);
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: 'invalid_request', error_codes: [9002327] });

    const good = await redeem(code);
    expect(good.status).toBe(200);
    const tokens = (await good.json()) as Tokens;
    const bareRefresh = await refresh(tokens.refresh_token, null);
    expect(bareRefresh.status).toBe(400);
    expect(((await bareRefresh.json()) as { error_description: string }).error_description).toMatch(
      /^AADSTS9002327: /,
    );
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
  });

  it('answers CORS for the extension that owns the redirect URI, not for another origin', async () => {
    const mine = await redeem(await microsoftCode());
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    const other = await redeem(await microsoftCode(), VERIFIER, 'chrome-extension://someoneelsesextension');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Microsoft silent authorization (prompt=none)', () => {
  it('answers with a code while the browser has a sign-in session, login_required without one', async () => {
    const first = await microsoftAuthorize({ prompt: 'select_account' });
    expect(first.answer.get('code')).toBeTruthy();
    expect(first.cookie).toMatch(/^ESTSAUTH=/);

    const silent = await microsoftAuthorize({ prompt: 'none' }, first.cookie);
    const code = silent.answer.get('code') ?? '';
    expect(code).toBeTruthy();
    expect((await redeem(code)).status).toBe(200);

    // Another browser (no cookie), and this one after the session ends: the user must act.
    const stranger = await microsoftAuthorize({ prompt: 'none' });
    expect(stranger.answer.get('error')).toBe('login_required');
    expect(stranger.answer.get('error_description')).toMatch(/^AADSTS50058: /);
    expect(stranger.answer.has('code')).toBe(false);
    await sandbox.admin('config', 'POST', { microsoftSession: 'end' });
    const ended = await microsoftAuthorize({ prompt: 'none' }, first.cookie);
    expect(ended.answer.get('error')).toBe('login_required');
  });

  it('asks for consent (consent_required) when a silent request adds a scope never agreed to', async () => {
    const first = await microsoftAuthorize({ prompt: 'select_account' });
    const more = 'Calendars.ReadWrite offline_access Files.ReadWrite.AppFolder';
    const silent = await microsoftAuthorize({ prompt: 'none', scope: more }, first.cookie);
    expect(silent.answer.get('error')).toBe('consent_required');
    expect(silent.answer.get('error_description')).toMatch(/^AADSTS65001: /);
    // Nor through the refresh token.
    const tokens = (await (await redeem(first.answer.get('code') ?? '')).json()) as Tokens;
    const widened = await form('/oauth/microsoft/token', {
      grant_type: 'refresh_token',
      client_id: 'ms-client',
      refresh_token: tokens.refresh_token,
      scope: more,
    });
    expect(widened.status).toBe(400);
    expect(await widened.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
    // Once agreed to interactively, the same silent request works.
    const agreed = await microsoftAuthorize({ prompt: 'consent', scope: more }, first.cookie);
    expect(agreed.answer.get('code')).toBeTruthy();
    expect(
      (await microsoftAuthorize({ prompt: 'none', scope: more }, first.cookie)).answer.get('code'),
    ).toBeTruthy();
  });
});

describe('the sandbox clock', () => {
  it('moves token lifetimes: past 24 h the SPA refresh token ends (AADSTS700084)', async () => {
    const tokens = (await (await redeem(await microsoftCode())).json()) as Tokens;
    const moved = await sandbox.admin('clock', 'POST', { offsetMs: 23 * 3_600_000 });
    expect(moved.status).toBe(200);
    // The access token (1 h) is over; the refresh token still serves, keeping the first end.
    expect((await sandbox.graph('me', { token: tokens.access_token })).status).toBe(401);
    const renewed = (await (await refresh(tokens.refresh_token)).json()) as Tokens;
    expect((await sandbox.graph('me', { token: renewed.access_token })).status).toBe(200);

    await sandbox.admin('clock', 'POST', { offsetMs: 24 * 3_600_000 + 60_000 });
    const refused = await refresh(renewed.refresh_token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700084] });
    expect((await sandbox.snapshot()).clock.offsetMs).toBe(24 * 3_600_000 + 60_000);
    expect((await sandbox.admin('clock', 'POST', { offsetMs: 'tomorrow' })).status).toBe(400);
  });
});

describe('Google granular consent (partial scope grants)', () => {
  const ALL = [
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.freebusy',
    'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
  ];
  async function signIn(): Promise<URLSearchParams> {
    const query = new URLSearchParams({
      client_id: 'demo.apps.googleusercontent.com',
      redirect_uri: REDIRECT,
      response_type: 'token',
      scope: ALL.join(' '),
    });
    const res = await get(`/oauth/google/authorize?${query}`);
    return new URLSearchParams(new URL(res.headers.get('location') ?? '').hash.slice(1));
  }

  it('grants only the ticked scopes, says so in `scope`, and the API refuses the rest', async () => {
    await sandbox.admin('config', 'POST', {
      googleGrants: ['calendar.freebusy', 'calendar.calendarlist.readonly'],
    });
    const answer = await signIn();
    expect(answer.get('scope')?.split(' ')).toEqual(ALL.slice(1));
    const token = answer.get('access_token') ?? '';
    const busy = await sandbox.google('freeBusy', {
      token,
      method: 'POST',
      body: JSON.stringify({
        timeMin: '2026-03-03T08:00:00Z',
        timeMax: '2026-03-03T18:00:00Z',
        items: [{ id: 'primary' }],
      }),
    });
    expect(busy.status).toBe(200);
    const insert = await sandbox.google('calendars/primary/events', {
      token,
      method: 'POST',
      body: JSON.stringify({
        summary: 'x',
        start: { dateTime: '2026-03-03T10:00:00Z' },
        end: { dateTime: '2026-03-03T11:00:00Z' },
      }),
    });
    expect(insert.status).toBe(403);
    expect(await insert.json()).toMatchObject({ error: { errors: [{ reason: 'insufficientPermissions' }] } });
    const list = await sandbox.google('calendars/primary/events', { token });
    expect(list.status).toBe(403);
  });

  it('grants everything asked for by default', async () => {
    const answer = await signIn();
    expect(answer.get('scope')?.split(' ')).toEqual(ALL);
    const list = await sandbox.google('calendars/primary/events', {
      token: answer.get('access_token') ?? '',
    });
    expect(list.status).toBe(200);
  });
});

describe('Microsoft sign-in as another user of the tenant (the account picked at sign-in)', () => {
  const MANAGER = 'maria.lopez@demoferreteria.onmicrosoft.com';
  const ANA = 'ana.garcia@demoferreteria.onmicrosoft.com';
  const TASKS = 'Calendars.ReadWrite Tasks.ReadWrite offline_access';

  /** One interactive sign-in (what Connect sends) in a browser holding `cookie`: its tokens and cookie. */
  async function signIn(cookie?: string, extra: Record<string, string> = {}) {
    const { answer, cookie: set } = await microsoftAuthorize(
      { prompt: 'select_account', scope: TASKS, ...extra },
      cookie,
    );
    const res = await redeem(answer.get('code') ?? '');
    expect(res.status).toBe(200);
    return { tokens: (await res.json()) as Tokens, cookie: set ?? cookie };
  }
  const meOf = async (token: string) =>
    ((await (await sandbox.graph('me', { token })).json()) as { mail: string }).mail;

  it('signs in as the manager by default: /me, the calendar and the tokens are hers', async () => {
    const { tokens } = await signIn();
    expect(await meOf(tokens.access_token)).toBe(MANAGER);
    const calendar = (await (await sandbox.graph('me/calendar', { token: tokens.access_token })).json()) as {
      owner: { address: string };
    };
    expect(calendar.owner.address).toBe(MANAGER);
    expect((await sandbox.snapshot()).config.microsoftUser).toBeNull();
  });

  it('POST /__sandbox/config { microsoftUser } makes the next interactive sign-in that user, once', async () => {
    expect((await sandbox.admin('config', 'POST', { microsoftUser: ANA })).status).toBe(200);
    expect((await sandbox.snapshot()).config.microsoftUser).toBe(ANA);
    const ana = await signIn();
    const token = ana.tokens.access_token;
    // /me is Ana's mailbox: her profile, her default calendar, her calendars only.
    expect(await meOf(token)).toBe(ANA);
    const calendar = (await (await sandbox.graph('me/calendar', { token })).json()) as {
      owner: { address: string };
    };
    expect(calendar.owner.address).toBe(ANA);
    const calendars = (await (await sandbox.graph('me/calendars', { token })).json()) as {
      value: { owner: { address: string } }[];
    };
    expect(calendars.value.map((c) => c.owner.address)).toEqual([ANA]);
    // María shared nothing with Ana: her calendar is out of Ana's reach.
    expect((await sandbox.graph(`users/${MANAGER}/calendar`, { token })).status).toBe(403);
    // The choice is used up by that sign-in.
    expect((await sandbox.snapshot()).config.microsoftUser).toBeNull();

    // A refreshed token and a silent authorization in Ana's browser stay Ana's.
    const renewed = (await (await refresh(ana.tokens.refresh_token)).json()) as Tokens;
    expect(await meOf(renewed.access_token)).toBe(ANA);
    const silent = await microsoftAuthorize({ prompt: 'none', scope: TASKS }, ana.cookie);
    const again = (await (await redeem(silent.answer.get('code') ?? '')).json()) as Tokens;
    expect(await meOf(again.access_token)).toBe(ANA);
    // So does an interactive sign-in there (the account in session); another browser is the manager.
    expect(await meOf((await signIn(ana.cookie)).tokens.access_token)).toBe(ANA);
    expect(await meOf((await signIn()).tokens.access_token)).toBe(MANAGER);
  });

  it('a login_hint naming a mailbox of the tenant picks it', async () => {
    const { tokens } = await signIn(undefined, { login_hint: ANA });
    expect(await meOf(tokens.access_token)).toBe(ANA);
  });

  it('consent is per user: what the manager agreed to is not Ana’s', async () => {
    const manager = await signIn();
    const more = `${TASKS} Files.ReadWrite`;
    await microsoftAuthorize({ prompt: 'consent', scope: more }, manager.cookie);
    await sandbox.admin('config', 'POST', { microsoftUser: ANA });
    const ana = await signIn();
    const silent = await microsoftAuthorize({ prompt: 'none', scope: more }, ana.cookie);
    expect(silent.answer.get('error')).toBe('consent_required');
    expect(
      (await microsoftAuthorize({ prompt: 'none', scope: more }, manager.cookie)).answer.get('code'),
    ).toBeTruthy();
  });

  it('refuses an address outside the tenant; null clears a pending choice', async () => {
    const bad = await sandbox.admin('config', 'POST', { microsoftUser: 'someone@example.com' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain(ANA);
    await sandbox.admin('config', 'POST', { microsoftUser: ANA });
    await sandbox.admin('config', 'POST', { microsoftUser: null });
    expect(await meOf((await signIn()).tokens.access_token)).toBe(MANAGER);
  });

  it('a To Do list the manager shares with Ana is in Ana’s /me/todo/lists; both write its tasks', async () => {
    const manager = (await signIn()).tokens.access_token;
    await sandbox.admin('config', 'POST', { microsoftUser: ANA });
    const ana = (await signIn()).tokens.access_token;
    const made = (await (
      await sandbox.graph('me/todo/lists', {
        token: manager,
        method: 'POST',
        body: JSON.stringify({ displayName: 'Seguimientos' }),
      })
    ).json()) as { id: string };
    const listsOf = async (token: string) =>
      (
        (await (await sandbox.graph('me/todo/lists', { token })).json()) as {
          value: { id: string; displayName: string; isOwner: boolean; isShared: boolean }[];
        }
      ).value;
    expect(await listsOf(ana)).toEqual([]);
    const shared = await sandbox.admin('todo/share', 'POST', { listId: made.id, with: ANA });
    expect(shared.status).toBe(200);
    const seen = (await listsOf(ana)).find((l) => l.displayName === 'Seguimientos')!;
    expect(seen).toMatchObject({ isOwner: false, isShared: true });
    expect(seen.id).not.toBe(made.id);
    // The fixed colleague token of the unit tests is Ana's too: the same lists under the same ids.
    expect(await listsOf(COLLEAGUE_TOKEN)).toEqual(await listsOf(ana));
    expect((await listsOf(manager))[0]).toMatchObject({ id: made.id, isOwner: true, isShared: true });
    const added = await sandbox.graph(`me/todo/lists/${seen.id}/tasks`, {
      token: ana,
      method: 'POST',
      body: JSON.stringify({ title: 'Pedir cajas' }),
    });
    expect(added.status).toBe(201);
    const there = (await (
      await sandbox.graph(`me/todo/lists/${made.id}/tasks`, { token: manager })
    ).json()) as { value: { title: string }[] };
    expect(there.value.map((t) => t.title)).toEqual(['Pedir cajas']);
    // Sharing with its own owner is refused.
    expect((await sandbox.admin('todo/share', 'POST', { listId: made.id, with: MANAGER })).status).toBe(400);
  });
});
