// What a customer threatens to do: go to court or a lawyer, to the consumer office, post public
// reviews, or reverse the charge with their bank. A threat is always kept in the summary and raises
// the severity. Patterns run on normalised text; the words are returned as the customer wrote them
// (accents and case kept), through `originalMatch`.

export type ThreatKind = 'legal' | 'consumer_office' | 'public_review' | 'chargeback';

const THREATS: Record<ThreatKind, RegExp> = {
  legal:
    /\b(abogad[oa]s?|denuncia(r|re|remos|s)?|(os|les|le|te) denuncio|(os|les|le|te) (voy a |vamos a )?demandar|(poner|pondre|interponer) una demanda|demanda judicial|juzgados?|tribunal(es)?|acciones legales|accion legal|via judicial|burofax|lawyers?|attorneys?|solicitors?|sue|suing|lawsuit|legal action|small claims( court)?|(to|in) court)\b/,
  consumer_office:
    /\b(ocu|facua|(en|a) consumo|oficina (municipal )?del? consum(o|idor)|omic|hoja de reclamaciones|libro de reclamaciones|trading standards|citizens advice|better business bureau|ombudsman|consumer (office|rights|protection))\b/,
  public_review:
    /\b((pongo|poner|dejo|dejar|escribo|escribir|publico|publicar|pondre|dejare|escribire|publicare) (una |un )?(resena|opinion|comentario|valoracion)|resenas? (negativas?|en todos|en google)|en (todas las |las )?redes sociales|trustpilot|tripadvisor|yelp|google reviews?|(leave|write|post|leaving|writing|posting) (a |an )?(bad |negative |honest |1.star |one.star )?(review|rating)|(bad|negative|1.star|one.star) reviews?|tell everyone)\b/,
  chargeback:
    /\b(chargeback|charge back|contracargo|devolver el cargo|devolucion del cargo|reclamar(lo)? al banco|anular el cargo|dispute (it|the charge|the payment) with my (bank|card)|(call|contact|tell) my bank)\b/,
};

/** `normalise` (lower case, accents stripped, 3+ repeated letters collapsed) with, for each
 * character of the result, the index of the character of `text` it came from. */
export function normaliseMapped(text: string): { norm: string; from: number[] } {
  const chars: string[] = [];
  const from: number[] = [];
  let last = '';
  let beforeLast = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const piece =
      ch.charCodeAt(0) < 128
        ? ch.toLowerCase()
        : ch
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '');
    for (const c of piece) {
      // Collapse runs of three or more identical letters ("holaaa" → "hola").
      if (c === last && c === beforeLast && c.toUpperCase() !== c.toLowerCase()) continue;
      chars.push(c);
      from.push(i);
      beforeLast = last;
      last = c;
    }
  }
  return { norm: chars.join(''), from };
}

/** The first match of `re` (run on the normalised text) as the customer wrote it, with its offset. */
export function originalMatch(
  text: string,
  re: RegExp,
  mapped = normaliseMapped(text),
): { text: string; index: number } | null {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(mapped.norm);
  if (!m || m[0].length === 0) return null;
  const start = mapped.from[m.index]!;
  const end = mapped.from[m.index + m[0].length - 1]! + 1;
  return { text: text.slice(start, end), index: start };
}

export interface Threat {
  kind: ThreatKind;
  /** The words, as written. */
  text: string;
  index: number;
}

/** Kinds of threat in text already lower-cased and stripped of accents (cheap on long threads). */
export function threatKinds(normalised: string): ThreatKind[] {
  return (Object.keys(THREATS) as ThreatKind[]).filter((kind) => THREATS[kind].test(normalised));
}

export function findThreats(text: string): Threat[] {
  const mapped = normaliseMapped(text);
  const out: Threat[] = [];
  for (const kind of Object.keys(THREATS) as ThreatKind[]) {
    const m = originalMatch(text, THREATS[kind], mapped);
    if (m) out.push({ kind, ...m });
  }
  return out.sort((a, b) => a.index - b.index);
}
