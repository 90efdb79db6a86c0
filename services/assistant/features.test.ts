import { describe, expect, it } from 'vitest';
import { isSignOff, prepare, withTypos } from './features';

describe('sign-off set apart from the body', () => {
  it('takes a closing formula followed by a few words of goodwill for the sign-off', () => {
    const es = prepare('Quiero cerrar la cuenta este mes. ¡Mil gracias por todo, sois unos soles!', 'es');
    expect(es.body).toBe('quiero cerrar la cuenta este mes.');
    expect(es.closing).toMatch(/gracias por todo/);
    const en = prepare(
      'Please stop the weekly delivery from now on. Thanks for everything, it was lovely.',
      'en',
    );
    expect(en.body).toBe('please stop the weekly delivery from now on.');
  });
  it('keeps a thanks that carries a contrast, a question or a longer message in the body', () => {
    expect(isSignOff('thanks for everything, but the refund never came', 'en')).toBe(false);
    expect(isSignOff('gracias por todo, ¿me mandais la factura?', 'es')).toBe(false);
    expect(
      isSignOff('thanks for everything, the new boiler is working really well in every room now', 'en'),
    ).toBe(false);
    expect(isSignOff('thanks for everything, you have been great!', 'en')).toBe(true);
  });
  it('leaves a mail that is only thanks as the message itself', () => {
    const p = prepare('¡Gracias por todo, sois geniales!', 'es');
    expect(p.body).toMatch(/gracias por todo/);
  });
});

describe('typo copies for training', () => {
  const text = 'Quisiera cancelar la suscripción mensual porque me mudo al extranjero el próximo trimestre.';
  it('misspells some long words, keeps short words and first letters, and gives the same copy for a seed', () => {
    const a = withTypos(text, 'x-es01', 0.5);
    expect(a).toBe(withTypos(text, 'x-es01', 0.5));
    expect(a).not.toBe(text);
    const words = text.split(' ');
    const typo = a.split(' ');
    expect(typo).toHaveLength(words.length);
    typo.forEach((w, i) => {
      const orig = words[i]!;
      if (orig.length < 4) expect(w).toBe(orig);
      expect(w[0]).toBe(orig[0]);
      expect(Math.abs(w.length - orig.length)).toBeLessThanOrEqual(1);
    });
    expect(withTypos(text, 'x-es01', 0)).toBe(text);
  });
});
