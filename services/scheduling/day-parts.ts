import { normaliseMapped } from '../assistant/threats';

// Parts of the day a customer names beside a day ("Wednesday morning", "el jueves por la tarde",
// "a primera hora"), as wall-clock ranges in the customer's own zone. What each means follows
// common usage in Spain and the UK: a Spanish afternoon runs later than an English one.

export interface DayPart {
  /** The words, as written. */
  text: string;
  /** 'HH:mm' wall-clock in the customer's zone. */
  start: string;
  end: string;
}

// Normalised phrasings → range. Longer phrasings first so "a ultima hora de la tarde" wins over
// "de la tarde".
const PARTS: [RegExp, string, string][] = [
  [/\b(primera hora de la tarde|early afternoon)\b/, '15:00', '17:00'],
  [
    /\b(a primera hora( de la manana)?|first thing( in the morning)?|early (in the )?morning)\b/,
    '08:00',
    '10:30',
  ],
  [/\b(a media manana|mid.?morning)\b/, '10:30', '12:30'],
  [
    /\b(a ultima hora( de la tarde)?|last thing|end of (the )?(working )?day|late afternoon)\b/,
    '17:00',
    '19:30',
  ],
  [/\b(a mediodia|al mediodia|lunch ?time|around lunch|at midday|at noon)\b/, '12:00', '15:00'],
  [/\b((por|de|en) la manana|por las mananas)\b/, '09:00', '14:00'],
  [/\b(mornings?)\b/, '09:00', '12:00'],
  [/\b((por|de|en) la tarde|por las tardes)\b/, '16:00', '20:00'],
  [/\b(afternoons?)\b/, '12:00', '17:00'],
  [/\b((por|de|en) la noche|evenings?|tonight)\b/, '18:00', '21:00'],
];

/**
 * The part of day written right beside `dateText` in `text` (within a few words after it, or just
 * before it: "Wednesday morning", "el martes por la tarde", "por la mañana del jueves").
 * Null when the customer named none there.
 */
export function dayPartNear(text: string, dateText: string): DayPart | null {
  const at = text.indexOf(dateText);
  if (at < 0) return null;
  const end = at + dateText.length;
  // The date phrase itself may already carry it ("Wednesday morning" read as one date).
  const windows = [
    { from: at, to: end },
    { from: end, to: Math.min(text.length, end + 30) },
    { from: Math.max(0, at - 25), to: at },
  ];
  for (const w of windows) {
    const slice = text.slice(w.from, w.to);
    // Only up to the end of the clause: "el martes, y por la tarde el jueves" is about Thursday.
    const pieces = slice.split(/[.,;!?\n]|\b(?:or|o|and|y)\b/);
    const clause = w.from >= end ? (pieces[0] ?? '') : w.to === at ? (pieces.at(-1) ?? '') : slice;
    const mapped = normaliseMapped(clause);
    for (const [re, start, stop] of PARTS) {
      const m = re.exec(mapped.norm);
      if (!m) continue;
      const s = mapped.from[m.index]!;
      const e = mapped.from[m.index + m[0].length - 1]! + 1;
      return { text: clause.slice(s, e), start, end: stop };
    }
  }
  return null;
}
