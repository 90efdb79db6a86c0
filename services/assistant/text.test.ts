import { describe, expect, it } from 'vitest';
import { ownText, sentences } from './text';

// Quoted history as mail clients write it (attribution lines as Gmail, Outlook and Zoho Mail lay them
// out, written by hand for these tests).
describe('ownText: the customer own words without the quoted history', () => {
  it('cuts at an attribution line the client wrapped in two', () => {
    expect(
      ownText(
        'Works for us.\n\nOn Tue, 5 May 2026 at 16:40, Parts Desk <parts@example.com>\nwrote:\n> Monday at 8?',
      ),
    ).toBe('Works for us.');
    expect(
      ownText(
        'Me va bien.\n\nEl mar, 5 may 2026 a las 16:40, Recambios (<recambios@example.es>)\nescribió:\n> ¿El lunes?',
      ),
    ).toBe('Me va bien.');
  });
  it('cuts at a Spanish Outlook header ("Enviado el:") and a dashed "wrote" line', () => {
    expect(
      ownText(
        'De acuerdo.\n\nDe: Taller <t@example.es>\nEnviado el: martes, 5 de mayo de 2026 16:40\nAsunto: cita\n\n¿El lunes a las 8?',
      ),
    ).toBe('De acuerdo.');
    expect(
      ownText('ok\n\n---- On Tue, 05 May 2026 16:40:00 +0100 Desk <d@example.com> wrote ----\nMonday?'),
    ).toBe('ok');
  });
  it('keeps a body that only mentions writing', () => {
    const body = 'On Monday I wrote to you about the invoice.\nNobody replied.';
    expect(ownText(body)).toBe(body);
  });
  it('ends no sentence at a point between digits (9.30, 2.10)', () => {
    const parts = sentences('Our office hours are 9.00-17.30 on weekdays. App version 2.10 crashes!');
    expect(parts.map((x) => x.text)).toEqual([
      'Our office hours are 9.00-17.30 on weekdays.',
      'App version 2.10 crashes!',
    ]);
  });
});
