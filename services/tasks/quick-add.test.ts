import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseQuickTask } from './quick-add';

// Every case names its zone, so the results do not depend on the machine's TZ.
const MADRID = 'Europe/Madrid';
const NEW_YORK = 'America/New_York';
const at = (iso: string, zone = MADRID) => DateTime.fromISO(iso, { zone }).toJSDate();
const ms = (iso: string, zone = MADRID) => DateTime.fromISO(iso, { zone }).toMillis();
const parse = (text: string, nowIso: string, zone = MADRID) =>
  parseQuickTask(text, at(nowIso, zone), { zone });

// Friday 27 November 2026, 16:00.
const FRIDAY = '2026-11-27T16:00';

describe('parseQuickTask: Spanish', () => {
  it('reads a relative day with a time', () => {
    expect(parse('llamar al proveedor mañana 10:00', FRIDAY)).toEqual({
      title: 'llamar al proveedor',
      dueAt: ms('2026-11-28T10:00'),
      dueAllDay: false,
    });
  });

  it('reads day/month across the year end, date only at 9:00', () => {
    const task = parse('renovar seguro el 5/1', FRIDAY);
    expect(task).toMatchObject({ title: 'renovar seguro', dueAt: ms('2027-01-05T09:00'), dueAllDay: true });
  });

  it('goes into the next year from New Year’s Eve', () => {
    const task = parse('pagar alquiler mañana a las 12:30', '2026-12-31T18:00');
    expect(task).toMatchObject({ title: 'pagar alquiler', dueAt: ms('2027-01-01T12:30') });
  });

  it('crosses a month end into a leap day', () => {
    const task = parse('enviar pedido pasado mañana', '2028-02-27T11:00');
    expect(task).toMatchObject({ title: 'enviar pedido', dueAt: ms('2028-02-29T09:00'), dueAllDay: true });
  });

  it('keeps the wall-clock time across the spring DST change', () => {
    // Madrid moves from +01:00 to +02:00 on Sunday 29 March 2026 at 02:00.
    const task = parse('abrir la tienda mañana 10:00', '2026-03-28T20:00');
    expect(task.dueAt).toBe(ms('2026-03-29T10:00'));
    expect(DateTime.fromMillis(task.dueAt!, { zone: MADRID }).offset).toBe(120);
    expect(task.dueAt! - ms('2026-03-28T20:00')).toBe(13 * 3600_000);
  });

  it('keeps the wall-clock time across the autumn DST change', () => {
    const task = parse('revisar caja el domingo a las 9:00', '2026-10-24T12:00');
    expect(task.dueAt).toBe(ms('2026-10-25T09:00'));
    expect(DateTime.fromMillis(task.dueAt!, { zone: MADRID }).offset).toBe(60);
  });

  it('reads "pasado mañana a las 10", "a las 18h" and "la semana que viene"', () => {
    expect(parse('pasado mañana a las 10 revisar caja', FRIDAY)).toMatchObject({
      title: 'revisar caja',
      dueAt: ms('2026-11-29T10:00'),
      dueAllDay: false,
    });
    expect(parse('llamar a Marta a las 18h', FRIDAY)).toMatchObject({
      title: 'llamar a Marta',
      dueAt: ms('2026-11-27T18:00'),
    });
    expect(parse('revisar contrato la semana que viene', FRIDAY)).toMatchObject({
      title: 'revisar contrato',
      dueAt: ms('2026-12-04T09:00'),
      dueAllDay: true,
    });
  });

  it('reads priority, list and a reminder before the due time', () => {
    expect(parse('llamar al gestor mañana 10:00 #hoy urgente recordar 30 min antes', FRIDAY)).toEqual({
      title: 'llamar al gestor',
      dueAt: ms('2026-11-28T10:00'),
      dueAllDay: false,
      priority: 'high',
      listHint: 'hoy',
      remindAt: ms('2026-11-28T09:30'),
    });
  });

  it('keeps text without a date as the title', () => {
    expect(parse('revisar stock de tornillos', FRIDAY)).toEqual({
      title: 'revisar stock de tornillos',
      dueAt: null,
      dueAllDay: false,
    });
  });
});

describe('parseQuickTask: English', () => {
  it('reads a weekday as the next one, date only', () => {
    const task = parse('send invoice Monday', FRIDAY);
    expect(task).toMatchObject({ title: 'send invoice', dueAt: ms('2026-11-30T09:00'), dueAllDay: true });
  });

  it('reads "next Monday 3pm" across the year end', () => {
    const task = parse('send report next Monday 3pm', '2026-12-30T10:00');
    expect(task).toMatchObject({ title: 'send report', dueAt: ms('2027-01-04T15:00'), dueAllDay: false });
  });

  it('crosses a month end', () => {
    const task = parse('order paper tomorrow at 8:15', '2026-04-30T22:00');
    expect(task).toMatchObject({ title: 'order paper', dueAt: ms('2026-05-01T08:15') });
  });

  it('uses the zone it is given across the US DST change', () => {
    // New York moves to summer time on Sunday 8 March 2026.
    const task = parse('call the bank tomorrow 9am', '2026-03-07T18:00', NEW_YORK);
    expect(task.dueAt).toBe(ms('2026-03-08T09:00', NEW_YORK));
    expect(DateTime.fromMillis(task.dueAt!, { zone: NEW_YORK }).offset).toBe(-240);
  });

  it('reads "!", "!low", "#followups" and "remind me 1h before"', () => {
    expect(parse('chase supplier friday 11:00 ! #followups remind me 1h before', FRIDAY)).toEqual({
      title: 'chase supplier',
      dueAt: ms('2026-12-04T11:00'),
      dueAllDay: false,
      priority: 'high',
      listHint: 'followups',
      remindAt: ms('2026-12-04T10:00'),
    });
    expect(parse('tidy the archive !low', FRIDAY)).toMatchObject({
      title: 'tidy the archive',
      priority: 'low',
    });
  });
});

describe('parseQuickTask: numeric dates follow the UI locale', () => {
  it('reads "12/10" as 12 October day first (Spanish, en-GB) and as December 10 month first (en-US)', () => {
    expect(parse('pay rent 12/10', FRIDAY)).toMatchObject({ dueAt: ms('2027-10-12T09:00'), dueAllDay: true });
    const us = (text: string) => parseQuickTask(text, at(FRIDAY), { zone: MADRID, dayFirst: false });
    expect(us('pay rent 12/10')).toMatchObject({ title: 'pay rent', dueAt: ms('2026-12-10T09:00') });
    expect(us('call 12/10 at 3pm')).toMatchObject({ title: 'call', dueAt: ms('2026-12-10T15:00') });
    // Whichever parser wins the match, the numbers mean the same: Spanish words, US order.
    expect(us('pagar el 1/5/2027 a las 10:00')).toMatchObject({
      title: 'pagar',
      dueAt: ms('2027-01-05T10:00'),
    });
    expect(parse('pagar el 1/5/2027 a las 10:00', FRIDAY)).toMatchObject({ dueAt: ms('2027-05-01T10:00') });
  });
});

describe('parseQuickTask: parts of the day', () => {
  it('turns "por la tarde", "a mediodía", "por la mañana", "por la noche" into their start time', () => {
    expect(parse('llamar al proveedor mañana por la tarde', FRIDAY)).toEqual({
      title: 'llamar al proveedor',
      dueAt: ms('2026-11-28T16:00'),
      dueAllDay: false,
      dayPart: 'afternoon',
    });
    expect(parse('llamar el lunes por la mañana', FRIDAY)).toMatchObject({
      title: 'llamar',
      dueAt: ms('2026-11-30T09:00'),
      dayPart: 'morning',
    });
    expect(parse('comer con Ana el viernes a mediodía', FRIDAY)).toMatchObject({
      title: 'comer con Ana',
      dueAt: ms('2026-12-04T12:00'),
      dayPart: 'noon',
    });
    expect(parse('cerrar caja mañana por la noche', FRIDAY)).toMatchObject({
      title: 'cerrar caja',
      dueAt: ms('2026-11-28T20:00'),
      dayPart: 'evening',
    });
  });

  it('without a day: today while the part lasts, tomorrow once it is over; "esta tarde" is today', () => {
    expect(parse('revisar caja por la tarde', '2026-11-27T10:00')).toMatchObject({
      title: 'revisar caja',
      dueAt: ms('2026-11-27T16:00'),
    });
    expect(parse('llamar a mediodía', FRIDAY)).toMatchObject({
      title: 'llamar',
      dueAt: ms('2026-11-28T12:00'),
    });
    expect(parse('revisar caja esta tarde', FRIDAY)).toMatchObject({ dueAt: ms('2026-11-27T16:00') });
  });

  it('reads English parts and an hour with its part', () => {
    expect(parse('call supplier tomorrow afternoon', FRIDAY)).toMatchObject({
      title: 'call supplier',
      dueAt: ms('2026-11-28T16:00'),
      dayPart: 'afternoon',
    });
    expect(parse('call Bob at noon', '2026-11-27T09:00')).toMatchObject({
      title: 'call Bob',
      dueAt: ms('2026-11-27T12:00'),
    });
    // The part after an hour is that hour's half of the day.
    expect(parse('llamar mañana a las 5 de la tarde', FRIDAY)).toMatchObject({
      title: 'llamar',
      dueAt: ms('2026-11-28T17:00'),
    });
    expect(parse('llamar el lunes a las 5 por la tarde', FRIDAY)).toMatchObject({
      title: 'llamar',
      dueAt: ms('2026-11-30T17:00'),
      dayPart: 'afternoon',
    });
  });
});
