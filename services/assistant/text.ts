// Text helpers shared by the assistant's readers. Mail text is untrusted: only ever treated as data.

/** Longest text any reader looks at; past this, mail is usually pasted history or a newsletter. */
export const MAX_TEXT = 4000;

/** Lowercase, accents stripped (ñ → n), runs of 3+ identical letters collapsed ("holaaa" → "hola"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

export function tokens(normalised: string): string[] {
  return normalised.split(/[^a-z0-9]+/).filter((t) => t.length > 0);
}

// Where quoted history starts when the site adapter could not split it off (pasted text, forwards).
// Mail clients wrap a long attribution line ("On Mon, 6 Apr 2026 at 14:14, Name <address>\nwrote:"):
// one wrapped line is allowed.
const QUOTE_HEADERS: RegExp[] = [
  /^\s*On [^\n]{4,200}(?:\n[^\n]{0,120})?\bwrote:\s*$/m,
  /^\s*El [^\n]{4,200}(?:\n[^\n]{0,120})?\bescribi[óo]:\s*$/m,
  /^\s*-{2,}\s*On [^\n]{4,200} wrote\s*-{2,}\s*$/m,
  /^\s*-{2,}\s*(Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\s*-{2,}/im,
  /^\s*(De|From):\s.+\n\s*(Enviado(?: el)?|Fecha|Sent|Date):/im,
  /^\s*_{10,}\s*$/m,
];
const DEVICE_FOOTER = /^\s*(Sent from my|Enviado desde mi|Get Outlook for|Obtener Outlook para)\b.*$/gim;

/** The message's own words: inline quoted history, "> " lines and device footers removed, capped. */
export function ownText(text: string): string {
  let end = text.length;
  for (const re of QUOTE_HEADERS) {
    const m = re.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text
    .slice(0, end)
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .replace(DEVICE_FOOTER, '')
    .trim()
    .slice(0, MAX_TEXT);
}

/** Sentences with their offsets; line breaks end sentences too (mail is written in lines). */
export function sentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  // A point between digits ("9.30", "2.10", "12.50") ends no sentence.
  const re =
    /(?:[^.!?¡¿\n]|(?<=\d)\.(?=\d))*(?:[¡¿](?:[^.!?\n]|(?<=\d)\.(?=\d))*)?(?:[^.!?\n]|(?<=\d)\.(?=\d))*(?:[.!?]+|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      if (re.lastIndex > text.length) break;
      continue;
    }
    const trimmed = m[0].trim();
    if (trimmed.length > 0) out.push({ text: trimmed, index: m.index + m[0].indexOf(trimmed) });
  }
  return out;
}

export interface Span {
  index: number;
  length: number;
}

/** Replaces `spans` of `text` by spaces, keeping every other offset where it was. */
export function blank(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of spans) {
    out = out.slice(0, s.index) + ' '.repeat(s.length) + out.slice(s.index + s.length);
  }
  return out;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
    }
    rows.push(row);
    if (i > 0 && Math.min(...row) > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
