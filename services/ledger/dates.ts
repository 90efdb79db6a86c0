// Calendar dates as invoices print them, read to YYYY-MM-DD. Invoice dates are days, never instants:
// no time zone is involved, so none is applied.

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dic: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  aug: 8,
  dec: 12,
};

export type DayOrder = 'dmy' | 'mdy';

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const DATE_RE = new RegExp(
  String.raw`\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})|(\d{1,2})(?:º|st|nd|rd|th)?\s+(?:de\s+)?(${MONTH_NAMES})\.?,?\s+(?:de\s+|del\s+)?(\d{4})|(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`,
  'giu',
);

/**
 * The dates written in `text`, in order. Numeric dates are day first (Spain, Latin America, the UK)
 * unless `order` is 'mdy' (a US invoice); a number over 12 settles it either way.
 */
export function findDates(
  text: string,
  order: DayOrder = 'dmy',
): { day: string; index: number; text: string }[] {
  const out: { day: string; index: number; text: string }[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    let day: string | null = null;
    if (m[1]) day = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4]) {
      const a = Number(m[4]);
      const b = Number(m[5]);
      const y = Number(m[6]);
      const mdy = a <= 12 && (b > 12 || (order === 'mdy' && a <= 12));
      day = mdy ? iso(y, a, b) : iso(y, b, a);
    } else if (m[7]) day = iso(Number(m[9]), MONTHS[m[8]!.toLowerCase()] ?? 0, Number(m[7]));
    else if (m[10]) day = iso(Number(m[12]), MONTHS[m[10].toLowerCase()] ?? 0, Number(m[11]));
    if (day) out.push({ day, index: m.index, text: m[0] });
  }
  return out;
}

/** `day` + n days, as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Today in the local calendar, as YYYY-MM-DD. */
export function localDay(at: number | Date = Date.now()): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Payment terms in days ("30 días", "a 60 días fecha factura", "Net 30", "within 14 days"). */
export function findTermsDays(normalised: string): number | null {
  const m =
    /\b(?:net|neto)\s?(\d{1,3})\b/.exec(normalised) ??
    /\b(?:a|plazo(?: de pago)?(?: de)?|within|in|payment terms:?|terminos de pago:?|condiciones de pago:?|forma de pago:?[^\n]{0,30}?)\s(\d{1,3})\s?(?:dias|days)\b/.exec(
      normalised,
    ) ??
    /\b(\d{1,3})\s?(?:dias|days)\s(?:fecha factura|from (?:the )?invoice date|after invoice|net|neto|f\.f\.)/.exec(
      normalised,
    );
  if (!m) return null;
  const days = Number(m[1]);
  return days > 0 && days <= 180 ? days : null;
}
