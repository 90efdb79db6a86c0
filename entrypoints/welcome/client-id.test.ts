import { describe, expect, it } from 'vitest';
import { checkClientId } from './client-id';

describe('checkClientId', () => {
  it('accepts the documented shapes', () => {
    expect(
      checkClientId('google', ' 123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com '),
    ).toBe('ok');
    expect(checkClientId('microsoft', '4a1aa1d5-c567-49d0-ad0b-cd957a47f842')).toBe('ok');
  });

  it('tells a secret, an empty box and anything else apart', () => {
    expect(checkClientId('google', '')).toBe('empty');
    expect(checkClientId('google', 'GOCSPX-abcdefghijklmnop')).toBe('secret');
    expect(checkClientId('microsoft', 'abC8Q~xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzx')).toBe('secret');
    expect(checkClientId('google', '123456789012')).toBe('bad');
    expect(checkClientId('google', '4a1aa1d5-c567-49d0-ad0b-cd957a47f842')).toBe('bad');
    expect(checkClientId('microsoft', '123456789012-abc.apps.googleusercontent.com')).toBe('bad');
  });
});
