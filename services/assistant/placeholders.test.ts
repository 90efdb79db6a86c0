import { describe, expect, it } from 'vitest';
import { findPlaceholders, removePlaceholders } from './placeholders';

describe('placeholders', () => {
  const draft =
    'Estimado/a [nombre del cliente]:\n\n[nombre del responsable] tiene disponibilidad en:\n\n[horarios disponibles]\n\nAtentamente,\n[firma]';
  it('finds every bracketed placeholder, including ones the user typed', () => {
    expect(findPlaceholders(draft).map((p) => p.text)).toEqual([
      '[nombre del cliente]',
      '[nombre del responsable]',
      '[horarios disponibles]',
      '[firma]',
    ]);
    expect(findPlaceholders('Hi Tom, see you [day].')).toEqual([{ index: 16, text: '[day]' }]);
    expect(findPlaceholders('Nothing to fill here.')).toEqual([]);
  });
  it('removes them knowingly, leaving tidy text', () => {
    expect(removePlaceholders(draft)).toBe('Estimado/a:\n\ntiene disponibilidad en:\n\nAtentamente,');
    expect(removePlaceholders('Hello [name],\n\nThanks!')).toBe('Hello,\n\nThanks!');
    expect(findPlaceholders(removePlaceholders(draft))).toEqual([]);
  });
});
