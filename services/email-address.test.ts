import { describe, expect, it } from 'vitest';
import {
  findAddressLike,
  findEmails,
  isEmailAddress,
  parseNameAddress,
  withoutAddresses,
} from './email-address';

// The one address reader (issue 12 item 7): the same string is an address everywhere or nowhere.
describe('email-address', () => {
  it('accepts ordinary, plus, dotted, apostrophe and internationalised addresses', () => {
    for (const ok of [
      'maria@example.com',
      'maria.lopez+pedidos@tienda.example',
      "o'brien@mail.co.uk",
      'josé@correo.españa.es',
      'a_b-c@sub.domain-x.io',
    ])
      expect(isEmailAddress(ok), ok).toBe(true);
  });
  it('refuses what could break out of a header, a CSV cell or a calendar property', () => {
    for (const bad of [
      'maria@example',
      'maria@@example.com',
      'maria lopez@example.com',
      'maria@example.com>',
      '"maria"@example.com',
      'a;b@example.com',
      'a,b@example.com',
      'a\\b@example.com',
      'maria@-example.com',
      'maria@example.c',
      '',
    ])
      expect(isEmailAddress(bad), bad).toBe(false);
  });
  it('finds addresses in free text without the punctuation around them', () => {
    expect(findEmails('Write to (pagos@tienda.example), or mailto:info@tienda.example.')).toEqual([
      'pagos@tienda.example',
      'info@tienda.example',
    ]);
    expect(findEmails("Send it to 'ana@mail.es' please")).toEqual(['ana@mail.es']);
  });
  it('finds address-shaped text even without a top-level domain, for output checks', () => {
    expect(findAddressLike('copy boss@intranet and x@evil.com')).toEqual(['boss@intranet', 'x@evil.com']);
    expect(withoutAddresses('see x@evil.com now')).toBe('see   now');
  });
  it('parses name and address forms', () => {
    expect(parseNameAddress('"López, María" <Maria@Example.com>')).toEqual({
      name: 'López, María',
      email: 'maria@example.com',
    });
    expect(parseNameAddress('<ana@mail.es>')).toEqual({ name: '', email: 'ana@mail.es' });
    expect(parseNameAddress('ana@mail.es')).toEqual({ name: '', email: 'ana@mail.es' });
    expect(parseNameAddress('Ana <not an address>')).toBeNull();
    expect(parseNameAddress('Ana')).toBeNull();
  });
});

describe('one address reader for the whole product', () => {
  it('has no other e-mail regex in services/, components/ or entrypoints/', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['services', 'components', 'entrypoints']) walk(dir);
    // A character class or \w right before "@" and another right after: the shape of an address regex.
    const addressRegex = /(\]\+|\\w\+|\])@(\[|\\w|\()/;
    const offenders = files.filter(
      (f) => !f.endsWith('email-address.ts') && addressRegex.test(readFileSync(f, 'utf8')),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
