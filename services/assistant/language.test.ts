import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('reads longer Spanish and English text', () => {
    expect(
      detectLanguage('Hola, quería saber cuándo me llega el pedido que hice la semana pasada.').language,
    ).toBe('es');
    expect(
      detectLanguage('Hi, could you tell me when my order will arrive? I placed it last week.').language,
    ).toBe('en');
  });
  it('decides short texts by stopwords, where trigrams are unreliable', () => {
    expect(detectLanguage('gracias, todo ok').language).toBe('es');
    expect(detectLanguage('thanks, got it').language).toBe('en');
  });
  it('copes with missing accents and capitals', () => {
    expect(detectLanguage('ESTO ES UNA VERGUENZA, NADIE ME CONTESTA Y EL PEDIDO NO LLEGA').language).toBe(
      'es',
    );
  });
  it('reports other languages and undetermined text', () => {
    expect(
      detectLanguage(
        'Bonjour, je vous écris parce que je voudrais savoir quand ma commande sera livrée. Je l’attends depuis une semaine et je n’ai reçu aucune nouvelle de votre part.',
      ).language,
    ).toBe('fr');
    expect(detectLanguage('12345 !!!').language).toBe('und');
  });
});
