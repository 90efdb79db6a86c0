// A draft's unfilled placeholders ("[nombre del responsable]", "[available times]"): anything in
// square brackets on one line. They must never reach the customer unnoticed, so the side panel
// finds them in the text as the user edited it, not only in what the template left empty.

const BRACKETED = /\[[^[\]\n]{1,80}\]/g;

export interface PlaceholderSpan {
  index: number;
  text: string;
}

export function findPlaceholders(text: string): PlaceholderSpan[] {
  return [...text.matchAll(BRACKETED)].map((m) => ({ index: m.index, text: m[0] }));
}

/**
 * The text with every placeholder taken out, tidied: a line that held only a placeholder goes,
 * and the spaces and punctuation it leaves ("Hola, :" → "Hola:") close up.
 */
export function removePlaceholders(text: string): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (!BRACKETED.test(line)) return [line];
      BRACKETED.lastIndex = 0;
      const cleaned = line
        .replace(BRACKETED, '')
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/\s+([,.:;!?])/g, '$1')
        .replace(/,([:.;!?])/g, '$1')
        .replace(/^[\s,;:-]+(?=\S)/, '')
        .trimEnd();
      return /[\p{L}\p{N}]/u.test(cleaned) ? [cleaned] : [];
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
