import * as chrono from 'chrono-node';

export interface QuickTask {
  title: string;
  dueAt: number | null;
  /** True when only a date was given ("el viernes"), no time of day. */
  dueAllDay: boolean;
}

/**
 * "llamar al proveedor mañana 10:00" → { title: "llamar al proveedor", due: tomorrow 10:00 }.
 * Spanish and English parsers both run; the match that covers more of the text wins. Day/month
 * order follows Spanish for the Spanish parser ("15/12" is 15 December).
 */
export function parseQuickTask(input: string, now = new Date()): QuickTask {
  const text = input.trim();
  const candidates = [
    ...chrono.es.parse(text, now, { forwardDate: true }),
    ...chrono.en.parse(text, now, { forwardDate: true }),
  ];
  const best = candidates.sort((a, b) => b.text.length - a.text.length)[0];
  if (!best) return { title: text, dueAt: null, dueAllDay: false };
  const title = (text.slice(0, best.index) + text.slice(best.index + best.text.length))
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/(?:^|\s)(?:a las|at|el|on|para|for|by)\s*$/i, '')
    .trim();
  const allDay = !best.start.isCertain('hour');
  const due = best.start.date();
  if (allDay) due.setHours(9, 0, 0, 0);
  return { title: title || text, dueAt: due.getTime(), dueAllDay: allDay };
}
