import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuickTask } from './quick-add';
import { findRecurrence } from './recurrence-phrases';
import { fromRule, nextOccurrence, occurrencesBetween, toRule, type Anchor } from './recurrence';
import { describeRule } from './recurrence-words';
import { setLocale } from '../i18n';

// Recurrence phrases in both languages, the rule each one becomes, the title left over and the first
// occurrence, all in the business's zone (Europe/Madrid), typed on Wednesday 25 November 2026 at 7:00.
const MADRID = 'Europe/Madrid';
const NOW = DateTime.fromISO('2026-11-25T07:00', { zone: MADRID }).toJSDate();
const ms = (iso: string, zone = MADRID) => DateTime.fromISO(iso, { zone }).toMillis();
const iso = (at: number, zone = MADRID) => DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

afterEach(() => setLocale('en'));

// [typed, RRULE, title, first occurrence (Madrid wall time)]
const PHRASES: [string, string, string, string][] = [
  // Spanish
  [
    'Revisar inventario de la cámara cada lunes a las 9:00',
    'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    'Revisar inventario de la cámara',
    '2026-11-30T09:00',
  ],
  [
    'Abrir caja cada día laborable a las 8',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0',
    'Abrir caja',
    '2026-11-25T08:00',
  ],
  [
    'Abrir caja de lunes a viernes a las 8:30',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=30',
    'Abrir caja',
    '2026-11-25T08:30',
  ],
  [
    'Fichar entre semana a las 9',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9;BYMINUTE=0',
    'Fichar',
    '2026-11-25T09:00',
  ],
  [
    'Pedido a proveedor cada 2 semanas el viernes',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    'Pedido a proveedor',
    '2026-11-27T09:00',
  ],
  [
    'Pedido a proveedor cada dos semanas los viernes a las 10',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=10;BYMINUTE=0',
    'Pedido a proveedor',
    '2026-11-27T10:00',
  ],
  [
    'Limpiar campana cada quince días el martes',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    'Limpiar campana',
    '2026-12-01T09:00',
  ],
  [
    'Pagar alquiler el primer día de cada mes',
    'FREQ=MONTHLY;BYMONTHDAY=1',
    'Pagar alquiler',
    '2026-12-01T09:00',
  ],
  [
    'Cierre contable el último día de cada mes',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'Cierre contable',
    '2026-11-30T09:00',
  ],
  [
    'Reunión de equipo el último viernes de cada mes a las 17:00',
    'FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0',
    'Reunión de equipo',
    '2026-11-27T17:00',
  ],
  ['Inventario el primer lunes de cada mes', 'FREQ=MONTHLY;BYDAY=1MO', 'Inventario', '2026-12-07T09:00'],
  [
    'Revisar extintores el segundo martes del mes',
    'FREQ=MONTHLY;BYDAY=2TU',
    'Revisar extintores',
    '2026-12-08T09:00',
  ],
  ['Pagar nóminas el día 28 de cada mes', 'FREQ=MONTHLY;BYMONTHDAY=28', 'Pagar nóminas', '2026-11-28T09:00'],
  ['Seguro social cada día 15', 'FREQ=MONTHLY;BYMONTHDAY=15', 'Seguro social', '2026-12-15T09:00'],
  [
    'Tomar temperatura de neveras dos veces al día',
    'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0',
    'Tomar temperatura de neveras',
    '2026-11-25T09:00',
  ],
  [
    'Ventilar sala tres veces al día',
    'FREQ=DAILY;BYHOUR=9,13,17;BYMINUTE=0',
    'Ventilar sala',
    '2026-11-25T09:00',
  ],
  [
    'Ronda de limpieza dos veces al día a las 8 y a las 20',
    'FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0',
    'Ronda de limpieza',
    '2026-11-25T08:00',
  ],
  ['Regar plantas cada 3 días', 'FREQ=DAILY;INTERVAL=3', 'Regar plantas', '2026-11-25T09:00'],
  [
    'Sacar la basura todos los días a las 22:00',
    'FREQ=DAILY;BYHOUR=22;BYMINUTE=0',
    'Sacar la basura',
    '2026-11-25T22:00',
  ],
  [
    'Cuadrar caja a diario a las 5 de la tarde',
    'FREQ=DAILY;BYHOUR=17;BYMINUTE=0',
    'Cuadrar caja',
    '2026-11-25T17:00',
  ],
  [
    'Llamar a los proveedores todos los lunes y jueves a las 10',
    'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0',
    'Llamar a los proveedores',
    '2026-11-26T10:00',
  ],
  ['Pedir pan los miercoles', 'FREQ=WEEKLY;BYDAY=WE', 'Pedir pan', '2026-11-25T09:00'],
  [
    'Copia de seguridad cada sábado a la 1:00',
    'FREQ=WEEKLY;BYDAY=SA;BYHOUR=1;BYMINUTE=0',
    'Copia de seguridad',
    '2026-11-28T01:00',
  ],
  [
    'a las 9 cada lunes revisar reservas',
    'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    'revisar reservas',
    '2026-11-30T09:00',
  ],
  [
    'Renovar licencia cada año el 1 de enero',
    'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1',
    'Renovar licencia',
    '2027-01-01T09:00',
  ],
  [
    'Felicitar a Ana cada 3 de diciembre',
    'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3',
    'Felicitar a Ana',
    '2026-12-03T09:00',
  ],
  ['Revisión de precios cada mes', 'FREQ=MONTHLY', 'Revisión de precios', '2026-11-25T09:00'],
  ['Informe cada semana', 'FREQ=WEEKLY', 'Informe', '2026-11-25T09:00'],
  // English
  [
    'Open the till every weekday at 8',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0',
    'Open the till',
    '2026-11-25T08:00',
  ],
  [
    'Check the cold room every Monday at 9:00',
    'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    'Check the cold room',
    '2026-11-30T09:00',
  ],
  [
    'Supplier order every 2 weeks on Friday',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    'Supplier order',
    '2026-11-27T09:00',
  ],
  [
    'Clean the hood every other Tuesday',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    'Clean the hood',
    '2026-12-01T09:00',
  ],
  ['Pay rent on the first day of each month', 'FREQ=MONTHLY;BYMONTHDAY=1', 'Pay rent', '2026-12-01T09:00'],
  [
    'Team meeting on the last Friday of the month at 5pm',
    'FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0',
    'Team meeting',
    '2026-11-27T17:00',
  ],
  [
    'Stock count the first Monday of every month',
    'FREQ=MONTHLY;BYDAY=1MO',
    'Stock count',
    '2026-12-07T09:00',
  ],
  [
    'Close the books on the last day of the month',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'Close the books',
    '2026-11-30T09:00',
  ],
  ['Payroll on the 28th of each month', 'FREQ=MONTHLY;BYMONTHDAY=28', 'Payroll', '2026-11-28T09:00'],
  [
    'Check fridge temperature twice a day',
    'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0',
    'Check fridge temperature',
    '2026-11-25T09:00',
  ],
  [
    'Walk-through twice a day at 8am and 8pm',
    'FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0',
    'Walk-through',
    '2026-11-25T08:00',
  ],
  ['Water the plants every 3 days', 'FREQ=DAILY;INTERVAL=3', 'Water the plants', '2026-11-25T09:00'],
  [
    'Take out the bins daily at 22:00',
    'FREQ=DAILY;BYHOUR=22;BYMINUTE=0',
    'Take out the bins',
    '2026-11-25T22:00',
  ],
  [
    'Call suppliers every Monday and Thursday at 10',
    'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10;BYMINUTE=0',
    'Call suppliers',
    '2026-11-26T10:00',
  ],
  ['Order bread on Wednesdays', 'FREQ=WEEKLY;BYDAY=WE', 'Order bread', '2026-11-25T09:00'],
  [
    'Renew the licence every year on January 1',
    'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1',
    'Renew the licence',
    '2027-01-01T09:00',
  ],
  ['Price review monthly', 'FREQ=MONTHLY', 'Price review', '2026-11-25T09:00'],
  ['Fire drill every 6 months', 'FREQ=MONTHLY;INTERVAL=6', 'Fire drill', '2026-11-25T09:00'],
  [
    'Backup every Saturday at noon',
    'FREQ=WEEKLY;BYDAY=SA;BYHOUR=12;BYMINUTE=0',
    'Backup',
    '2026-11-28T12:00',
  ],
  ['Deep clean fortnightly on Sunday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', 'Deep clean', '2026-11-29T09:00'],
];

describe('recurrence phrases (es, en)', () => {
  it('holds at least 40 phrases, both languages', () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASES)('%s', (typed, rule, title, first) => {
    const task = parseQuickTask(typed, NOW, { zone: MADRID });
    expect(task.recurrence?.rule).toBe(rule);
    expect(task.title).toBe(title);
    expect(iso(task.dueAt!)).toBe(first);
    expect(task.dueAllDay).toBe(!rule.includes('BYHOUR'));
  });

  it('leaves one-off dates to the date parser', () => {
    const task = parseQuickTask('llamar al proveedor el lunes a las 9:00', NOW, { zone: MADRID });
    expect(task.recurrence).toBeUndefined();
    expect(iso(task.dueAt!)).toBe('2026-11-30T09:00');
    expect(findRecurrence('Monday meeting notes')).toBeNull();
  });

  it('keeps reminders, priority and list tags beside a schedule', () => {
    const task = parseQuickTask('Abrir caja cada día laborable a las 8 ! #hoy recordar 15 min antes', NOW, {
      zone: MADRID,
    });
    expect(task).toMatchObject({ title: 'Abrir caja', priority: 'high', listHint: 'hoy' });
    expect(task.remindAt).toBe(ms('2026-11-25T07:45'));
  });
});

describe('rules that cannot be kept', () => {
  it('every 30th of February never happens: a clear refusal, nothing due', () => {
    for (const typed of ['Revisar caja every 30th of February', 'Revisar caja cada 30 de febrero']) {
      const task = parseQuickTask(typed, NOW, { zone: MADRID });
      expect(task.recurrenceError).toBe('never');
      expect(task.dueAt).toBeNull();
      expect(task.recurrence).toBeUndefined();
    }
    setLocale('es');
    const task = parseQuickTask('Revisar caja cada 30 de febrero', NOW, { zone: MADRID });
    expect(task.title).toBe('Revisar caja');
  });

  it('29 February comes round in a leap year', () => {
    const task = parseQuickTask('Revisión every 29th of February', NOW, { zone: MADRID });
    expect(iso(task.dueAt!)).toBe('2028-02-29T09:00');
  });

  it('times with different minutes and impossible hours are refused', () => {
    expect(
      parseQuickTask('Ronda dos veces al día a las 8:00 y a las 20:30', NOW, { zone: MADRID })
        .recurrenceError,
    ).toBe('unsupported');
    expect(parseQuickTask('Ronda cada día a las 25:00', NOW, { zone: MADRID }).recurrenceError).toBe(
      'malformed',
    );
  });
});

describe('time zones and daylight saving', () => {
  const weekly: Anchor = {
    rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
    zone: MADRID,
    start: '2026-03-01',
  };

  it('a weekly 9:00 stays 9:00 in Madrid across the March change (08:00Z, then 07:00Z)', () => {
    const before = nextOccurrence(weekly, ms('2026-03-22T12:00'))!;
    const after = nextOccurrence(weekly, before)!;
    expect(new Date(before).toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(after - before).toBe(7 * 86_400_000 - 3_600_000);
  });

  it('a weekday 8:00 across the October change keeps 8:00 local every day of that week', () => {
    const anchor: Anchor = {
      rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0',
      zone: MADRID,
      start: '2026-10-01',
    };
    const found = occurrencesBetween(anchor, ms('2026-10-21T00:00'), ms('2026-10-28T00:00'));
    expect(found.map((at) => iso(at))).toEqual([
      '2026-10-21T08:00',
      '2026-10-22T08:00',
      '2026-10-23T08:00',
      '2026-10-26T08:00',
      '2026-10-27T08:00',
    ]);
    expect(new Date(found[2]!).toISOString()).toBe('2026-10-23T06:00:00.000Z');
    expect(new Date(found[3]!).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('a schedule runs in the business zone while one-off times stay in the browser zone', () => {
    const now = DateTime.fromISO('2026-11-25T07:00', { zone: MADRID }).toJSDate();
    const options = { zone: 'America/New_York', recurrenceZone: MADRID };
    const weekly = parseQuickTask('Abrir caja cada lunes a las 9:00', now, options);
    expect(weekly.recurrence?.zone).toBe(MADRID);
    expect(iso(weekly.dueAt!)).toBe('2026-11-30T09:00');
    const once = parseQuickTask('Llamar al gestor mañana a las 9:00', now, options);
    expect(DateTime.fromMillis(once.dueAt!, { zone: 'America/New_York' }).toFormat('HH:mm')).toBe('09:00');
  });

  it('the same phrase typed in New York runs in New York time (its change is a week later)', () => {
    const ny = 'America/New_York';
    const task = parseQuickTask(
      'Check the till every Monday at 9:00',
      DateTime.fromISO('2026-03-02T07:00', { zone: ny }).toJSDate(),
      {
        zone: ny,
      },
    );
    const anchor = task.recurrence!;
    const second = nextOccurrence(anchor, task.dueAt!)!;
    const third = nextOccurrence(anchor, second)!;
    expect([task.dueAt!, second, third].map((at) => iso(at, ny))).toEqual([
      '2026-03-02T09:00',
      '2026-03-09T09:00',
      '2026-03-16T09:00',
    ]);
    expect(new Date(second).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('a time inside the spring-forward gap moves to the hour after, never disappears', () => {
    const anchor: Anchor = { rule: 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30', zone: MADRID, start: '2026-03-27' };
    const days = occurrencesBetween(anchor, ms('2026-03-28T00:00'), ms('2026-03-31T00:00'));
    expect(days.map((at) => iso(at))).toEqual(['2026-03-28T02:30', '2026-03-29T03:30', '2026-03-30T02:30']);
  });

  it('thousands of occurrences are never listed: windows are capped and the next one is found alone', () => {
    const hourly: Anchor = { rule: 'FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0', zone: MADRID, start: '2020-01-01' };
    const capped = occurrencesBetween(hourly, ms('2020-01-01T00:00'), ms('2030-01-01T00:00'), 50);
    expect(capped).toHaveLength(50);
    expect(iso(nextOccurrence(hourly, ms('2029-06-01T10:00'))!)).toBe('2029-06-01T17:00');
  });
});

describe('rules in words, in the UI language', () => {
  const cases: [string, string, string][] = [
    ['FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0', 'every Monday at 9:00', 'cada lunes a las 9:00'],
    [
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0',
      'every weekday at 8:00',
      'cada día laborable a las 8:00',
    ],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', 'every 2 weeks on Friday', 'cada 2 semanas el viernes'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'the first day of each month', 'el primer día de cada mes'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'the last Friday of each month', 'el último viernes de cada mes'],
    ['FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0', 'every day at 9:00 and 17:00', 'cada día a las 9:00 y 17:00'],
    ['FREQ=WEEKLY;BYDAY=SA;BYHOUR=1;BYMINUTE=0', 'every Saturday at 1:00', 'cada sábado a la 1:00'],
    ['FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1', 'every year on January 1', 'cada año el 1 de enero'],
  ];
  it.each(cases)('%s', (rule, en, es) => {
    setLocale('en');
    expect(describeRule(rule)).toBe(en);
    setLocale('es');
    expect(describeRule(rule)).toBe(es);
  });

  it('parts survive a round trip through RFC 5545', () => {
    for (const [, rule] of PHRASES) expect(toRule(fromRule(rule))).toBe(rule);
  });
});
