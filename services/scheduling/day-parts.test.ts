import { describe, expect, it } from 'vitest';
import { dayPartNear } from './day-parts';

describe('dayPartNear', () => {
  it('reads parts of day beside a date, in both languages', () => {
    expect(dayPartNear('next Tuesday 3pm or Wednesday morning to review', 'Wednesday morning')).toEqual({
      text: 'morning',
      start: '09:00',
      end: '12:00',
    });
    expect(dayPartNear('¿el martes a las 10 o el jueves por la tarde?', 'jueves')).toEqual({
      text: 'por la tarde',
      start: '16:00',
      end: '20:00',
    });
    expect(dayPartNear('Mejor el viernes a primera hora.', 'viernes')).toMatchObject({
      text: 'a primera hora',
      start: '08:00',
    });
    expect(dayPartNear('Por la mañana del lunes me viene bien.', 'lunes')).toMatchObject({
      text: 'Por la mañana',
      end: '14:00',
    });
    expect(dayPartNear('Friday afternoon, if possible', 'Friday')).toMatchObject({
      start: '12:00',
      end: '17:00',
    });
    expect(dayPartNear('el jueves a primera hora de la tarde', 'jueves')).toMatchObject({ start: '15:00' });
  });
  it('does not borrow a part of day from another date or another clause', () => {
    expect(dayPartNear('next Tuesday 3pm or Wednesday morning', 'next Tuesday 3pm')).toBeNull();
    expect(dayPartNear('el martes, y el jueves por la tarde', 'martes')).toBeNull();
    expect(dayPartNear('I am free on Friday.', 'Friday')).toBeNull();
  });
});
