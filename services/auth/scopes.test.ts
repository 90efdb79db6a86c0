import { describe, expect, it } from 'vitest';
import { missingGoogleScopes, missingScopes, scopeError, scopeLabel } from './scopes';

const EVENTS = 'https://www.googleapis.com/auth/calendar.events';
const FREEBUSY = 'https://www.googleapis.com/auth/calendar.freebusy';
const LIST = 'https://www.googleapis.com/auth/calendar.calendarlist.readonly';

describe('granted scopes against the needed ones', () => {
  it('names what a partial Google consent left out', () => {
    expect(missingGoogleScopes(`${FREEBUSY} ${LIST}`)).toEqual([EVENTS]);
    expect(missingGoogleScopes(`${EVENTS} ${FREEBUSY} ${LIST}`)).toEqual([]);
    expect(missingGoogleScopes('')).toEqual([EVENTS, FREEBUSY, LIST]);
  });

  it('counts a broader scope as covering the narrower ones', () => {
    expect(missingGoogleScopes('https://www.googleapis.com/auth/calendar')).toEqual([]);
    expect(
      missingScopes('Calendars.ReadWrite.Shared User.Read', ['Calendars.ReadWrite', 'User.Read']),
    ).toEqual([]);
  });

  it('reads Microsoft answers with resource URLs and without offline_access', () => {
    const granted = 'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/User.Read';
    expect(scopeError('microsoft', granted)?.missingScopes).toEqual(['Calendars.ReadWrite.Shared']);
  });

  it('makes a scope error only when something is missing, with short labels for the UI', () => {
    expect(scopeError('google', `${EVENTS} ${FREEBUSY} ${LIST}`)).toBeNull();
    expect(scopeError('google', FREEBUSY)).toMatchObject({ kind: 'scope', missingScopes: [EVENTS, LIST] });
    expect(scopeLabel(EVENTS)).toBe('calendar.events');
  });
});
