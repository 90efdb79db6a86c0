// What dates.ts reads besides chrono, as data per language. Patterns run on the raw mail text
// (case-insensitive); offsets must stay offsets into the original, so rewrites keep lengths.

export type DateLang = 'es' | 'en';

const EN_WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?';
const EN_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
// A day named in English: a weekday, tomorrow, the 6th, 30 Dec.
const EN_DAY_MENTION = `${EN_WEEKDAY}|tomorrow|tmrw|today|(?:the )?\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}(?:st|nd|rd|th)? ${EN_MONTH}`;
// Words after a number that make it no hour ("after 4 days", "after 3 attempts").
const EN_NOT_HOUR =
  '(?:days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|attempts?|tries|times|calls?|emails?|people|items?|pieces?|units?|of\\b)';
// A plural noun after the number ("between 10 and 12 chairs"): a count, not hours.
const EN_PLURAL_AFTER = '\\s+(?!(?:is|was|has|does|works|suits|as|its|this|us)\\b)[a-z]{2,}s\\b';
const ES_WEEKDAY = '(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)';
const ES_MONTH =
  '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';

export const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  lun: 1,
  mar: 2,
  mie: 3,
  mié: 3,
  jue: 4,
  vie: 5,
  sab: 6,
  sáb: 6,
  dom: 7,
};

// Numbers that are identifiers or places, whatever they look like, in both languages: a number
// with a separator right after the word that names it ("order number is 10/2231", "flat 4/12",
// "factura 2026/1014", "expediente nº 12-10"), and a day/month-looking pair whose second part is
// no year ("10/2231", "4/123").
const IDENTIFIERS: RegExp[] = [
  /\b(?:flat|apt|apartment|unit|suite|room|order|invoice|ref|reference|ticket|case|account|lot|batch|serial|part|sku|box|parcel|package|page|installment|instalment|seat|row|piso|puerta|portal|pedido|factura|referencia|expediente|caso|cuenta|lote|serie|caja|bulto|paquete|p[aá]gina|cuota|asiento|fila|albar[aá]n|habitaci[oó]n|n[uú]mero|number)\.?(?:\s*(?:number|no\.|n[uú]mero|n\.?[º°]))?(?:\s+(?:is|es))?\s*[#:]?\s*\d+(?:[/-]\d+)+/gi,
  /\bn\.?[º°]\s*\d+(?:[/-]\d+)+/gi,
  /(?<![\d/.-])\b\d{1,2}\/(?!(?:19|20)\d\d\b)\d{3,}\b/g,
  // Percentages and decimals with a comma ("al 4,5%", "4,500 units"): a clock never has a comma.
  /\b\d+(?:[.,]\d+)?\s?%|\b\d+,\d+\b/g,
  // A list marker ("1) … 2) …", "(3)", a "2." opening a line): a count, never an hour.
  /(?<=^\s*|[.?!:;]\s+)\d{1,2}\)(?=\s)|\(\d{1,2}\)|^\s*\d{1,2}\.(?=\s)/gm,
  // A card's expiry month and year ("expires 05/27", "caduca el 05/27"): no day. Only when the
  // second part is no month ("vencimiento 30/09" is an invoice's due day).
  /\b(?:expires?|expiry(?: date)?|exp\.?|valid (?:until|thru|through)|caduca|caducidad|vence|vencimiento)\s*(?:el|on|date|:)?\s*(?:0?[1-9]|1[0-2])\/(?:1[3-9]|[2-9]\d)\b(?![/.-]\d)/gi,
  // A day of every month ("on the 5th of every month", "el día 5 de cada mes", "los días 5 y 20").
  /\b(?:on )?the \d{1,2}(?:st|nd|rd|th)? (?:of )?(?:every|each) month\b|\b(?:el )?(?:d[ií]a )?\d{1,2} de (?:cada|todos los) mes(?:es)?\b|\blos d[ií]as \d{1,2}(?:(?:,| y) \d{1,2})*\b/gi,
  // A code of a capital and digits ("papel A4", "nivel B2", "modelo X200"): never an hour.
  /(?<![\w-])[A-Z]\d{1,3}(?![\w:.])/g,
  // A rating ("10/10, would not order again", "I'd rate it 9/10"), not a day and month.
  /(?<=\b(?:(?:rate|rated|rating|score|scored|give|gave|giving)(?:\s+[\w’']+){0,3}|solid|a|an)\s+)\d{1,2}\/(?:5|10)\b|\b\d{1,2}\/(?:5|10)\b(?=[\s,!.]*(?:would (?!(?:that|this|it|you|they|we)\b)|stars?\b|recommend))/gi,
  // A score as a sentence of its own or said of something ("Please tell their boss. 10/10.",
  // "Service was 10/10, thanks", "el trato fue 10/10").
  /(?:(?<=(?:^|[.!?]\s+))|(?<=\b(?:was|were|fue|fueron)\s+))(?:10|[0-9])\/10\b(?=\s*(?:[.!,]|$))/gim,
];

export interface DatePatterns {
  /** Day of the month without a month: "the 9th", "by Monday the 3rd", "el 9", "antes del 3".
   * Group `wd` is a named weekday (checked, never used to move the date), `d` the day. */
  dayOfMonth: RegExp;
  /** "end of the month", "a fin de mes"; group `next` when it is next month's. */
  endOfMonth: RegExp;
  /** Not dates: durations, ages, years of experience, counts of days. Blanked before chrono. */
  notDates: RegExp[];
  /** Sentences about opening hours: their weekday and time ranges are not proposals. */
  openingHours: RegExp;
  /** Ranges in an opening-hours sentence ("de lunes a viernes", "9 to 5", "9:00-14:00"). */
  hourRanges: RegExp;
  /** Rewrites before chrono, same length: "a mediodía" → "a las 12". */
  rewrites: [RegExp, (m: string) => string][];
  /** Part of the day after or before a day: sets `part`, and pm for a bare hour before it. */
  dayparts: [RegExp, 'morning' | 'noon' | 'afternoon' | 'evening'][];
  /** Words that make a mention a report of the past (imperfect, preterite, "was told", "anoche"). */
  strongPast: RegExp;
  /** "next week", "la semana que viene": a bare weekday named after it falls in that week. */
  nextWeek: RegExp;
  /** Words that put a bare hour (no am/pm) in the morning or the evening: breakfast, "antes del
   * trabajo", dinner, "para cenar". The cue nearest the hour in its sentence decides. */
  morningCues: RegExp;
  eveningCues: RegExp;
  /** A time of day that is a standing fact about a place, a person's presence or a process, not a
   * proposal: "the doorman is there until 11pm", "cut-off is 2pm", "el corte es a las 2", "orders
   * placed before 2pm", "suele pasar a las 10". Blanked before chrono, like opening hours. */
  timeFacts: RegExp[];
  /** A clause that proposes or asks for a visit, a call or a delivery ("could you come", "¿podría
   * pasar"): a weekday in it stays a date even in a sentence about opening hours. */
  proposal: RegExp;
  /** The working week as a span ("deliveries Mon-Fri", "de lunes a viernes"), not two days, unless a
   * week is named ("Monday to Thursday next week"). Blanked after opening hours are read. */
  workingWeek: RegExp;
}

const EN_TIME =
  '(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?|noon|midday|midnight)(?![\\d:]|\\s*[ap]\\.?m\\b)';
const ES_TIME =
  '(?:(?:las?\\s+)(?:\\d{1,2}(?:[:.]\\d{2})?|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?:\\s*(?:h|hs|hrs)\\b)?(?:\\s+(?:de|por) la (?:ma[ñn]ana|tarde|noche))?|(?:el\\s+)?mediod[ií]a|(?:la\\s+)?medianoche)(?![\\d:]|\\s*(?:h|hs|hrs)\\b|\\s+(?:de|por) la (?:ma[ñn]ana|tarde|noche))';
// A fact has no day: with one beside it ("the fitter is there from 9 tomorrow") it is a plan.
const EN_NO_DAY_BEFORE =
  '(?<!\\b(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}/\\d{1,2})\\b[^.,;!?\\n]{0,40})';
const EN_NO_DAY_AFTER =
  '(?![\\s,]*(?:on\\s+|this\\s+|next\\s+)?(?:today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\\s+\\d))';
const ES_NO_DAY_BEFORE =
  '(?<!(?:hoy|ma[ñn]ana|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|esta noche|d[ií]a \\d{1,2}|el \\d{1,2}|\\d{1,2}/\\d{1,2})(?!\\p{L})[^.,;!?\\n]{0,40})';
const ES_NO_DAY_AFTER =
  '(?![\\s,]*(?:el\\s+|este\\s+|esta\\s+|del\\s+)?(?:hoy|ma[ñn]ana(?! (?:de la|por la))|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|esta noche|d[ií]a \\d|\\d))';
const EN_FACT_NOUN =
  '(?:(?:order |same[- ]day |dispatch |delivery |shipping )?cut-?off(?: time)?|last (?:orders?|collection|pick-?up|post|posting|delivery|entry|admission|call|booking|slot)|check-?in(?: time)?|check-?out(?: time)?|closing time|opening time|collection time|pick-?up time|quiet hours|happy hour|breakfast|lunch service|dinner service|room service|the (?:bar|kitchen|pool|gym|spa|shuttle|restaurant))';
// Rules named as such need no verb ("last orders at 10.30", "quiet hours from 11pm").
const EN_RULE_NOUN =
  '(?:(?:order |same[- ]day |dispatch |delivery |shipping )?cut-?off(?: time)?|last (?:orders?|collection|pick-?up|post|posting|entry|admission|call)|quiet hours|happy hour)';
const ES_FACT_NOUN =
  '(?:(?:la )?hora (?:de corte|l[ií]mite|de cierre|de apertura)|(?:el )?corte|(?:el )?cierre|(?:la )?[uú]ltima (?:recogida|entrega|reserva|entrada|comanda|llamada|consumici[oó]n)|(?:el )?[uú]ltimo (?:pedido|env[ií]o|turno|pase)|(?:el )?check-?in|(?:el )?check-?out|(?:el )?silencio|(?:la )?hora de silencio|(?:el )?desayuno|(?:la )?cocina|(?:la )?piscina|(?:el )?gimnasio|(?:el )?bar|(?:el )?spa)';

const pad = (m: string, to: string) => to + ' '.repeat(Math.max(0, m.length - to.length));

const ES_HOUR_WORDS: Record<string, string> = {
  una: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  diez: '10',
  once: '11',
  doce: '12',
};
const EN_HOUR_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
};

export const DATE_PATTERNS: Record<DateLang, DatePatterns> = {
  en: {
    dayOfMonth: new RegExp(
      `\\b(?:(?:(?<wd>${EN_WEEKDAY}),?\\s+(?:the\\s+)?|the\\s+)(?<d>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${EN_MONTH}\\b)(?!\\s+(?:floor|time|century|anniversary|birthday|edition|place|row|grade|year))` +
        // An ordinal alone ("— 22nd at 11", "on 3rd?") when no noun follows it ("2nd attempt", "5th Street").
        `|(?<![\\w/-])(?<d2>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)\\b(?=\\s*(?:$|[.,;:!?)—–-]|(?:at|@|or|and|in the|works?|would|is|please|if)\\b)))`,
      'gi',
    ),
    endOfMonth: /\b(?:by |at |before |until |for )?(?:the )?end of (?:the |this |(?<next>next) )?month\b/gi,
    notDates: [
      /\b\d+(?:[.,]\d+)?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)(?:\s+(?:of experience|old|in business|experience|ago|later|long))?\b/gi,
      /\b(?:aged|age)\s+\d+\b/gi,
      // The same written in words ("for two hours on Tuesday", "a few days").
      /\b(?:a couple of|a few|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty(?:-five)?|ninety)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\b(?!\s+(?:from now|ago|later|time)\b)/gi,
      // "24/7", "24x7", "365 days": always, not a date.
      /\b24\s*[/x]\s*7\b|\b24\/365\b/gi,
      // A date of birth under a signature or in a form ("DOB 14/06/1988", "born on 3 May 1990").
      new RegExp(
        `\\b(?:d\\.?o\\.?b\\.?|date of birth|birth ?date|born(?: on)?)\\s*[:.-]?\\s*(?:\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${EN_MONTH},? \\d{4}|${EN_MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`,
        'gi',
      ),
      // "until today nothing came": now, not a date proposed.
      /\b(?:until|till|up to|as of|to) (?:today|now|date)\b/gi,
      // Phone numbers: groups of digits with spaces or dots ("11 4567 8901", "+34 612 345 678").
      // Also with a dash ("11 5032-8890", "(011) 4773-5521", "555-201-3344").
      /\+\d[\d\s-]{7,}\d|\b\d{2,4}(?:[ .]\d{3,4}){2,}\b|(?:\(\d{2,4}\)\s*|\b\d{2,4}[ .-])\d{3,4}-\d{4}\b/g,
      // Fractions ("1/2 of the order", "3/4 del pedido") and a month with its year ("ref 12/2026").
      /\b[1-9]\/[1-9]\s*(?=(?:of|off|price|del?|de la|de los|de las|partes?|kg|g|lbs?|oz|l|ml|cl|litres?|liters?|litros?|cm|mm|m|ft|inch(?:es)?|pulgadas?|kilos?|metros?|cups?|tazas?|tsp|tbsp|cucharadas?|seaters?|length|plazas|size|talla)\b)|(?<![\d/.-])\b(?:0?[1-9]|1[0-2])\/20\d\d\b(?![/.-]\d)/gi,
      // A date inside a reference ("2026-05-01-7781", "PO-2026-05-01", "#2026/05/01"): an identifier.
      /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[-/.][a-z0-9]+)+\b|(?:\b[a-z]{1,6}[-#]|#)\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b/gi,
      ...IDENTIFIERS,
    ],
    openingHours:
      /\b(?:open(?:ing)? (?:hours|times)|business hours|(?:office|working|support|surgery) hours|hours of business|we(?:'re| are) open|are you open|is the (?:shop|store|office) open|open from|we close|closed on|hours are|your hours|hours on|(?:what time|when) do you (?:open|close)|(?:opens?|closes?) (?:at|from|until|till)|(?:you'?re|you are|they'?re|they are|it'?s|is) open(?= (?:from|\d|on|at|weekdays|every)))\b/i,
    hourRanges: new RegExp(
      `\\b(?:${EN_WEEKDAY}s?\\s*(?:to|-|–|through|thru)\\s*${EN_WEEKDAY}s?|weekdays|weekends|\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?\\s*(?:to|-|–|till|until)\\s*\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?|${EN_WEEKDAY}s)\\b`,
      'gi',
    ),
    rewrites: [
      [/\bmidday\b/gi, (m) => pad(m, 'noon')],
      // "the Black Friday sale", "Happy Monday!", "I work Monday to Friday": a sale, a greeting, the
      // writer's own week, not a day.
      [
        new RegExp(
          `\\b(?:black friday|cyber monday|(?:happy|good|great) ${EN_WEEKDAY}\\b|(?:i|we) (?:work|am at work|are at work|am in the office|are in the office) (?:from )?${EN_WEEKDAY}s? (?:to|-|–|through|thru|till|until) ${EN_WEEKDAY}s?\\b)`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "any evening after 6", "except Friday", "Saturday appointments": general availability,
      // exclusions and recurring slots, not a proposed date.
      [
        new RegExp(
          `\\b(?:any|every) (?:morning|afternoon|evening|day|night|weekday)s?(?:\\s+(?:after|from|before) \\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?)?(?:,?\\s+(?:but|except)(?: not)?(?: on)? ${EN_WEEKDAY}s?\\b)?`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "the Tuesday pilates", "your Monday check-ins", "our Thursday night yin class": a weekday set
      // between a determiner and a noun names a weekly thing, not a day ("the Friday one" still is).
      [
        new RegExp(
          `(?<=\\b(?:your|our|my|the|his|her|their)(?: (?:new|usual|regular|weekly|normal))? )(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:night|morning|evening|afternoon))?(?= (?!(?:at|on|in|to|or|and|the|a|is|was|will|would|works?|suits?|one|morning|afternoon|evening|night|before|after|between|from|if|for|instead|as|slot|appointment|delivery|booking|order|visit|call|meeting|session|this|next|of|with|by|until|please|that|which|i|we|you|it|he|she|they)\\b)[a-z][a-z&-]+)`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "I've been sat waiting", "Josh was already sat at the table": the verb, not Saturday.
      [
        /(?<=\b(?:been|was|were|am|is|are|already|just|still|i|we|he|she|they|you)\s+)sat\b|\bsat(?=\s+(?:waiting|down|there|outside|around|(?:in|on|at) (?:the|my|our|his|her|their|home|work)\b))/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "every Friday", "every other Monday": a recurring day, not one.
      [new RegExp(`\\bevery (?:other |second )?${EN_WEEKDAY}s?\\b`, 'gi'), (m) => ' '.repeat(m.length)],
      [
        new RegExp(
          `\\b(?:except|but not|apart from|other than|any (?:day|time) but) (?:on )?${EN_WEEKDAY}s?\\b`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      [
        new RegExp(
          `\\b${EN_WEEKDAY}s?(?: (?!(?:to|for|at|in|on|and|or|the|a|an|we|i|you|it|is|was|will|would|morning|afternoon|evening)\\b)[a-z]+){0,2} (?:appointments|opening|hours|shifts|classes|lessons|sessions|deliveries|slots|rates|service|market|club)\\b`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "the Sunday roast", "do you do Sunday lunch?": a dish or a service on that weekday, not a day
      // ("could we book Sunday lunch for six?" stays a date).
      [
        new RegExp(
          `\\b(?:the|your|a|do you (?:do|serve|have|offer)(?: a)?) ${EN_WEEKDAY} (?:roast|lunch|lunches|brunch|carvery|menu|quiz|market|buffet|special)\\b`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "between 1 and 3pm": a window that starts at 1 (pm from its end), as "from 1 to 3pm" reads.
      // Only when it is written as a time (am/pm or minutes): "between 10 and 12 chairs" is a count.
      [
        /\bbetween (\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?) and (\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)(?![\d:.])/gi,
        (m) =>
          /am|pm|[:.]\d{2}/i.test(m) ? pad(m, m.replace(/^between (.+?) and (.+)$/i, 'from $1 to $2')) : m,
      ],
      // "Saturday between 9 and 11", "tomorrow between 12 and 1", "Thursday between 10 and noon": bare
      // numbers right after a day are a window of hours; its start joins the day, as "from 9 to 11".
      [
        new RegExp(
          `(?<=\\b(?:${EN_DAY_MENTION})[\\s,]{1,3})between (\\d{1,2}) and (\\d{1,2}|noon|midday)(?![\\d%]|[:.]\\d|\\s*(?:am|pm)\\b|\\s*${EN_NOT_HOUR}|${EN_PLURAL_AFTER})`,
          'gi',
        ),
        (m) => {
          const to = m.replace(/^between (\d+) and (?:\d+|noon|midday)$/i, 'at $1');
          return pad(m, to);
        },
      ],
      // "next Monday any time after 4", "Friday the 6th, any time after 12": a bare hour after a day
      // named just before it is a time on that day (chrono reads no time in "after 4").
      [
        new RegExp(
          `(?<=\\b(?:${EN_DAY_MENTION})\\b[^.!?\\n]{0,40}?)\\b(?:(?:any ?time|ideally|preferably|not before|sometime) )?after (?=\\d{1,2}\\b(?![:.]?\\d|\\s*(?:%|am\\b|pm\\b|${EN_NOT_HOUR})|${EN_PLURAL_AFTER}))`,
          'gi',
        ),
        (m) => ' '.repeat(m.length - 3) + 'at ',
      ],
      // "23. August", "from 16. to 23. August": the German ordinal dot, a day before its month.
      [
        new RegExp(
          `(?<=\\b(?:on|from|to|until|till|by|since|between|and|arrive|leave|of)\\s)(\\d{1,2})\\.(?=(?: (?:to|-|–|until|till) \\d{1,2}\\.)? ${EN_MONTH}\\b| (?:to|-|–|until|till) \\d{1,2}\\. ${EN_MONTH}\\b)`,
          'gi',
        ),
        (m) => m.slice(0, -1) + ' ',
      ],
      // "from 12 May": chrono reads "from 12" as noon and May as its 1st; the date alone reads right.
      [new RegExp(`\\bfrom(?= \\d{1,2} ${EN_MONTH}\\b)`, 'gi'), (m) => ' '.repeat(m.length)],
      // "01/06/2026 – 31/05/2027": a period written in full is one date, its start. ("from Friday the
      // 4th to Sunday" keeps both ends: the English dev batches label a stay's last day too.)
      [
        /(?<=\b\d{1,2}\/\d{1,2}\/\d{2,4})\s*(?:-|–|to|until|till)\s*\d{1,2}\/\d{1,2}\/\d{2,4}\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "the 25th to the 27th": one stay from the 25th (the end is not a second date).
      [
        /(?<=\b\d{1,2}(?:st|nd|rd|th)) (?:to|until|till|through|-) (?:the )?\d{1,2}(?:st|nd|rd|th)\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "Saturday mornings": every Saturday morning.
      [
        new RegExp(`\\b${EN_WEEKDAY} (?:mornings|afternoons|evenings|nights)\\b`, 'gi'),
        (m) => ' '.repeat(m.length),
      ],
      // "7–10 working days", "3 to 5 business days": a duration.
      [
        /\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\s+(?:working |business |calendar )?(?:days|weeks)\b|\b\d{1,3}\s+(?:working|business) days\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "on Tuesdays": every Tuesday, not one.
      [/\b(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)days\b/gi, (m) => ' '.repeat(m.length)],
      // "it's Saturday already": the day of writing, not a proposal.
      [
        new RegExp(
          `\\b(?:it(?:'|’)?s|it is|today is|today(?:'|’)?s) (?:already |now )?${EN_WEEKDAY}(?: already| now)?\\b`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "it's now 1pm": the time of writing, not a proposal.
      [/\b(?:it'?s|it is) (?:now |already )?\d{1,2}(?::\d{2})?\s*(?:am|pm)\b/gi, (m) => ' '.repeat(m.length)],
      // "tues", "weds" as typed (chrono reads "tue", "wed"); British "Friday next" is "next Friday".
      [/\btues\b/gi, (m) => pad(m, m.slice(0, 3))],
      [/\bweds\b/gi, (m) => pad(m, m.slice(0, 3))],
      [
        new RegExp(`\\b(${EN_WEEKDAY}) next\\b(?!\\s+(?:week|month|year|door|to|time|one)\\b)`, 'gi'),
        (m) => `next ${m.slice(0, -5)}`,
      ],
      // "11am-ish", "2-ish", "10ish": about that hour.
      [/\b(\d{1,2}(?::\d{2})?\s?(?:am|pm)?)-?ish\b/gi, (m) => pad(m, `at ${m.replace(/-?ish$/i, '')}`)],
      // British "at half two", "around half 10": half past that hour.
      [
        /(?<=\b(?:at|about|around|for|by|from)\s)half (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:of|an?|the|hours?|price|kg|%|past|to)\b)/gi,
        (m) => {
          const h = m.slice(5);
          return pad(m, `${EN_HOUR_WORDS[h.toLowerCase()] ?? h}:30`);
        },
      ],
      // "ring me before 3.", "by 5 today": an hour (chrono reads only "at 5").
      [
        /\b(?:before|by)(?=\s+\d{1,2}\s*(?:am|pm)?\s*(?:[.,!?]|$|today\b|tomorrow\b|tonight\b))/gi,
        (m) => pad(m, 'at'),
      ],
      // "Monday after 5", "after 5 tomorrow": an hour beside a day (chrono reads only "at 5").
      [
        new RegExp(
          `(?<=\\b(?:${EN_WEEKDAY}|today|tomorrow|tonight)\\s+)(?:after|from)(?=\\s+\\d{1,2}\\s*(?:am|pm)?\\b(?![:.]\\d|\\s*(?:%|[a-z])))|\\b(?:after|from)(?=\\s+\\d{1,2}\\s*(?:am|pm)?\\s+(?:today|tomorrow|tonight|on ${EN_WEEKDAY}|this|next)\\b)`,
          'gi',
        ),
        (m) => pad(m, 'at'),
      ],
      // "tomorrow around 11", "last night around 11.30", "about 9:15": a time (with its minutes).
      [
        /\b(?:around|about|at about|at around|circa) (\d{1,2}(?:[:.][0-5]\d(?!\d))?)\b(?![.:]\d)(?!\s*(?:days?|weeks?|months?|years?|people|of|minutes?|%|€|eur|euros?|dollars?|pounds?|quid|kg|km|miles?|litres?|liters?|m2|sq)\b)(?!\s*%)/gi,
        (m) => pad(m, `at ${m.replace(/^\D+/, '')}`),
      ],
      // "half past two", "quarter to four": clock times in words.
      [
        /\b(?:at )?(half|quarter) (past|to) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/gi,
        (m) => {
          const [, what, dir, h] = /(half|quarter) (past|to) (\S+)$/i.exec(m)!;
          const hour = Number(EN_HOUR_WORDS[h!.toLowerCase()] ?? h);
          if (!(hour >= 1 && hour <= 12)) return m;
          const minutes = what!.toLowerCase() === 'half' ? 30 : dir!.toLowerCase() === 'past' ? 15 : 45;
          const h2 = dir!.toLowerCase() === 'to' ? (hour === 1 ? 12 : hour - 1) : hour;
          return pad(m, `at ${h2}:${minutes}`);
        },
      ],
      [
        /\b(at|by|around|about)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s+(?:days?|weeks?|months?|years?|people|of))/gi,
        (m) => m.replace(/[a-z]+$/i, (w) => pad(w, EN_HOUR_WORDS[w.toLowerCase()]!)),
      ],
    ],
    dayparts: [
      // "weds pm", "thurs am": the half of that day.
      [/(?<=\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\s)am\b/i, 'morning'],
      [/(?<=\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\s)pm\b/i, 'afternoon'],
      [/\b(?:first thing|in the morning|morning)\b/i, 'morning'],
      [/\b(?:lunchtime|at lunch)\b/i, 'noon'],
      [/\b(?:in the afternoon|afternoon)\b/i, 'afternoon'],
      [/\b(?:in the evening|evening|tonight)\b/i, 'evening'],
    ],
    strongPast:
      /\b(?:was told|were told|i was|we were|it was|had (?:a|an|my|our|the)|last night|yesterday|ago|came|went|visited|called|arrived|happened|booked|did|said|told me|was supposed|since(?!\s+(?:i'm|i’m|i am|we're|we’re|we are|you're|you’re|you are|it's|it’s|it is|they're|they’re|they are|he's|she's)\b)|(?:many )?(?:thanks?|cheers|ta) (?:you )?(?:so much |very much |heaps |again |a (?:lot|ton|million|bunch) )?for|(?:email|e-mail|message|mail|call|order|invoice|letter|reply) (?:from|of|dated|sent on))\b/i,
    nextWeek: /\bnext week\b|\bthe week after\b/i,
    morningCues:
      /\b(?:breakfast|brunch|before (?:work|my shift|the office|school|we open|you open|opening)|first thing|early(?! (?:evening|afternoon))|(?:in the |this )?morning|a\.m\.|sunrise|dawn)\b/gi,
    eveningCues:
      /\b(?:dinner|supper|drinks|tonight|(?:in the |this )?evening|at night|(?:last|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day) night|after (?:work|my shift|the office)|p\.m\.|a table for|table for \d+|book a table|reserve a table|have a table|got a table)\b/gi,
    proposal:
      /\b(?:(?:could|can|would|will|shall) (?:you|we|i|someone|somebody|they|he|she|the \w+)|let'?s|how about|what about|(?:works?|suits?) (?:for )?(?:me|us|you)|i(?:'ll| will| can| could| am able to) (?:come|pop|drop|call|ring|visit|be there|meet|collect|pick)|please (?:come|deliver|call|ring|book|send)|book (?:me|us) in|(?:is|are|would be|'d be|’d be) (?:better|best|fine|easier)|works? (?:better|best)|i prefer|we prefer|instead)\b/i,
    workingWeek: new RegExp(
      `\\b(?:from )?mon(?:day)?s?\\.?\\s*(?:to|-|–|through|thru|till|until)\\s*(?:fri|sat|sun)(?:day|urday)?s?\\b\\.?(?![^.;!?\\n]{0,30}\\b(?:next|this|coming|following) week\\b|[^.;!?\\n]{0,30}\\bweek (?:of|after)\\b)`,
      'gi',
    ),
    timeFacts: [
      // Someone or something is there until / from a time: "the doorman is there until 11pm".
      new RegExp(
        `${EN_NO_DAY_BEFORE}(?<!\\b(?:i|we|you)\\s+)\\b(?:is|are|'s|’s|stays?)\\s+(?:(?:usually|normally|always)\\s+)?(?:there|here|in|on|around|on site|on duty|on call|at (?:the )?(?:desk|door|reception|office|site)|staffed|manned|open|home|at home|in the office)\\s+(?:until|till|til|from|after)\\s+${EN_TIME}${EN_NO_DAY_AFTER}`,
        'gi',
      ),
      // A rule of the business: "the cut-off is 2pm", "check-in is at 3pm and check-out at 11am".
      new RegExp(
        `${EN_NO_DAY_BEFORE}\\b(?:(?:the|our|your|its)\\s+)?${EN_FACT_NOUN}(?:\\s+(?:for|on)\\s+[a-z -]{1,30}?)?(?:\\s+(?:is|are|'s|’s|starts?|begins?|ends?|finish(?:es)?|opens?|closes?|runs?|is served|served)\\s+(?:at\\s+|by\\s+|before\\s+|until\\s+|from\\s+)?|(?<=${EN_RULE_NOUN})\\s+(?:at|by|until|from)\\s+)${EN_TIME}(?:\\s*(?:,|and|;)\\s*(?:the\\s+)?${EN_FACT_NOUN}\\s+(?:is\\s+)?(?:at\\s+|by\\s+)?${EN_TIME})*${EN_NO_DAY_AFTER}`,
        'gi',
      ),
      new RegExp(
        `${EN_NO_DAY_BEFORE}(?:\\b(?:orders?|anything|requests?|bookings?|parcels?)\\s+|\\b(?:if|when|as long as)\\s+(?:it(?:'s|’s| is)\\s+|you(?:'re|’re| are)?\\s+)?)(?:placed|received|made|submitted|booked|sent|in|ordered)\\s+(?:before|by|after|until)\\s+${EN_TIME}${EN_NO_DAY_AFTER}`,
        'gi',
      ),
      // "I finish at 5:30 most days": the habit named after the time.
      new RegExp(
        `${EN_NO_DAY_BEFORE}\\b(?:at|around|about|by|until|till|from)\\s+${EN_TIME}(?=[^.?!\\n]{0,20}?\\b(?:usually|normally|always|every day|daily|most days|as a rule)\\b)`,
        'gi',
      ),
      // A habit: "the courier usually comes around 3".
      new RegExp(
        `${EN_NO_DAY_BEFORE}\\b(?:usually|normally|always|generally|typically|tends? to)\\b(?:(?!\\b(?:but|so|and|or|then)\\b)[^.?!,;\\n]){0,40}?\\b(?:at|around|about|by|before|after|until|till|from)\\s+${EN_TIME}${EN_NO_DAY_AFTER}`,
        'gi',
      ),
    ],
  },
  es: {
    dayOfMonth: new RegExp(
      `\\b(?:(?:el|del|antes del|hasta el|para el|desde el|a partir del)\\s+(?:(?<wd>${ES_WEEKDAY})\\s+)?(?:d[ií]a\\s+)?)(?<d>[1-9]|[12]\\d|3[01])\\b(?!\\s*(?:de\\b|del\\b|al\\s+(?:${ES_WEEKDAY}\\s+)?\\d|y\\s+\\d|[/:.,-]\\d|%|€|\\$|euros?|pesos|h\\b|hs?\\b|horas?|años|meses|d[ií]as|semanas|personas|unidades|uds?|kg|cajas|piezas|por ciento|°))`,
      'gi',
    ),
    endOfMonth:
      /\b(?:a |para |antes de |hasta |hacia )?(?:finales|fin|final) de(?:l)? mes(?: (?<next>que viene|pr[óo]ximo))?\b/gi,
    notDates: [
      // ("a las 10 horas", "a las 10 hora peninsular" is a time, not a duration.)
      /(?<!\blas?\s)\b\d+(?:[.,]\d+)?\s*(?:años|año|meses|mes|semanas|semana|d[ií]as|d[ií]a|horas|hora|minutos|min)(?:\s+(?:de experiencia|de edad|en el sector|trabajando|despu[ée]s|m[áa]s tarde|esperando))?\b/gi,
      /\b(?:tiene|tengo|tenemos|cumple|cumplo)\s+\d+\b/gi,
      // "Fecha de nacimiento: 14/06/1988", "nacida el 3 de mayo de 1990": a birth date, no appointment.
      new RegExp(
        `\\b(?:fecha de nacimiento|f\\. ?nac\\.?|nacid[oa] el)\\s*[:.-]?\\s*(?:\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2} de ${ES_MONTH} de \\d{4})`,
        'gi',
      ),
      // The same written in words ("esperé dos horas el martes", "unos días").
      /(?<!\b(?:hace|dentro de|en)\s)\b(?:un par de|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|media)\s+(?:años|meses|semanas|d[ií]as|horas|minutos)\b/gi,
      /\b24\s*[/x]\s*7\b|\b24\/365\b/gi,
      /\b(?:hasta (?:hoy|ahora|la fecha)|a(?:l)? d[ií]a de hoy)\b/gi,
      // "a hoy no han llegado", "a hoy sigue sin pagar": as of now, not a date.
      /\ba hoy(?=\s+(?:no|nada|sigue|siguen|todav[ií]a|a[úu]n|seguimos|sin)\b)/gi,
      // Phone numbers: groups of digits with spaces or dots ("11 4567 8901", "+34 612 345 678").
      // Also with a dash ("11 5032-8890", "(011) 4773-5521", "555-201-3344").
      /\+\d[\d\s-]{7,}\d|\b\d{2,4}(?:[ .]\d{3,4}){2,}\b|(?:\(\d{2,4}\)\s*|\b\d{2,4}[ .-])\d{3,4}-\d{4}\b/g,
      // Fractions ("1/2 of the order", "3/4 del pedido") and a month with its year ("ref 12/2026").
      /\b[1-9]\/[1-9]\s*(?=(?:of|off|price|del?|de la|de los|de las|partes?|kg|g|lbs?|oz|l|ml|cl|litres?|liters?|litros?|cm|mm|m|ft|inch(?:es)?|pulgadas?|kilos?|metros?|cups?|tazas?|tsp|tbsp|cucharadas?|seaters?|length|plazas|size|talla)\b)|(?<![\d/.-])\b(?:0?[1-9]|1[0-2])\/20\d\d\b(?![/.-]\d)/gi,
      // A date inside a reference ("2026-05-01-7781", "PO-2026-05-01", "#2026/05/01"): an identifier.
      /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[-/.][a-z0-9]+)+\b|(?:\b[a-z]{1,6}[-#]|#)\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b/gi,
      ...IDENTIFIERS,
      // A score ("ganamos 3 a 1", "perdieron 2-0"): no hour.
      /\b(?:gan\p{L}*|perd\p{L}*|empat\p{L}*)\s+(?:por\s+)?\d{1,2}\s*(?:a|-)\s*\d{1,2}\b/giu,
      // Amounts, not hours: "de 6 a 12,50 €", "entre 10 y 15 euros", "2 a 3,5 kg".
      /\b\d+(?:[.,]\d+)?\s*(?:a|y|-|–)\s*\d+(?:[.,]\d+)?\s*(?:€|\$|eur\b|euros?\b|pesos?\b|d[oó]lares\b|kg\b|kilos?\b)|\b\d{1,2}\s+a\s+\d+[.,]\d+/gi,
      // A range of people or things ("de 4 a 6 personas", "entre 10 y 12 invitados"): no window.
      /\b(?:de|entre) \d{1,2} (?:a|y) \d{1,3}\s+(?:personas|gente|invitados|ni[ñn]os|adultos|a[ñn]os|unidades|plazas|habitaciones|sillas|mesas|cajas|veces|kg|kilos|metros|euros|pesos)\b/gi,
      // Ordinals ("el 3º 2ª", "2ª planta"): a floor or a door, unless a month follows ("1º de mayo").
      /\b\d{1,2}\s?[ºª°](?!\s*de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)\b)/gi,
    ],
    openingHours:
      /\b(?:horario|abrimos|abren|abr[íi]s|cerr[áa]is|a qu[ée] hora (?:abr|cerr)\w*|abierto|abiertos|cerramos|cierran|cerrado los|atendemos|atienden|atiende|abre|cierra)\b/i,
    hourRanges: new RegExp(
      `\\b(?:(?:de\\s+)?${ES_WEEKDAY}\\s+a\\s+${ES_WEEKDAY}|fines de semana|(?:de\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:h|hs|am|pm)?\\s*(?:a|-|–|hasta)\\s*(?:las\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:h|hs|am|pm)?|los\\s+${ES_WEEKDAY}|${ES_WEEKDAY}s)\\b`,
      'gi',
    ),
    rewrites: [
      // "9h30", "21h15": a clock time as chrono reads it ("9:30").
      [/\b(\d{1,2})h(\d{2})\b/gi, (m) => m.replace(/h/i, ':')],
      // "10:00 a. m.", "6:00 p.m.": the meridiem as chrono reads it.
      [/(?<=\d\s?)([ap])\.\s?m\.(?!\p{L})/giu, (m) => pad(m, `${m[0]}m`)],
      // "el Buen Fin", "viernes negro", "¡Feliz lunes!", "trabajo de lunes a viernes": a sale, a
      // greeting, the writer's own week, not a day.
      [
        new RegExp(
          `\\b(?:buen fin|viernes negro|cyber (?:lunes|monday)|black friday|(?:feliz|buen|lindo|excelente) ${ES_WEEKDAY}\\b|(?:trabajo|trabajamos|estoy en la oficina|estamos en la oficina) (?:de )?${ES_WEEKDAY} (?:a|-|–|hasta el) ${ES_WEEKDAY}\\b)`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "cualquier mañana", "las mañanas": mornings, not tomorrow; "cualquier tarde a partir de las 6",
      // "menos el viernes", "los turnos del sábado": availability in general, exclusions, recurring slots.
      [
        /\b(?:(?:cualquier|cada|toda la|todas las|las|unas|alguna) (?:ma[ñn]anas?|tardes?|noches?|d[ií]as?)|entre semana)(?:\s+(?:a partir de|desde|despu[ée]s de|antes de) las \d{1,2}(?::\d{2})?)?\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      [
        new RegExp(`\\b(?:menos|excepto|salvo|quitando) (?:el |los )?${ES_WEEKDAY}s?\\b`, 'gi'),
        (m) => ' '.repeat(m.length),
      ],
      [
        new RegExp(
          `\\b(?:turnos|horarios?|citas|clases|entregas|apertura|repartos) (?:de los|del|de) ${ES_WEEKDAY}s?\\b`,
          'gi',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "entre las 4 y las 6": a window that starts at 4 (its end is not a second time).
      [
        /(?<=\bentre (?:las|la) \d{1,2}(?:[:.]\d{2})?(?:\s*h)?) y (?:las|la) \d{1,2}(?:[:.]\d{2})?\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "3-5 días laborables": a duration.
      [
        /\b\d{1,3}\s*(?:-|–|a)\s*\d{1,3}\s+d[ií]as(?: (?:h[aá]biles|laborables|naturales))?\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "cambiar las 6 ventanas": a count of things, not a time (a time has "a las", "sobre las"…).
      [
        /(?<!\b(?:a|sobre|hacia|tipo|desde|hasta|de|para|entre|y|antes de|despu[ée]s de)\s)\blas \d{1,2}(?= (?!horas\b|pasadas\b|menos\b|nos\b|os\b|les\b)[a-zñáéíóú]{3,}s\b)/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "desde el 20 de diciembre hasta el 12 de enero", "01/06/2026 – 31/05/2027": a period is one
      // date, its start.
      [
        new RegExp(
          `(?<=\\bdesde el (?:${ES_WEEKDAY} )?\\d{1,2} de ${ES_MONTH}(?: de \\d{4})?) (?:hasta|al) (?:el )?(?:${ES_WEEKDAY} )?\\d{1,2} de ${ES_MONTH}(?: de \\d{4})?|(?<=\\b\\d{1,2}\\/\\d{1,2}\\/\\d{2,4})\\s*(?:-|–|al|a|hasta(?: el)?)\\s*\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}\\b`,
          'giu',
        ),
        (m) => ' '.repeat(m.length),
      ],
      // "del 25 al 27" with no month: the stay starts on the 25th (the end is not a second date).
      [/(?<=\bdel \d{1,2}) al \d{1,2}\b(?! de)/gi, (m) => ' '.repeat(m.length)],
      // "ya es sábado", "a media mañana": the day of writing; mid-morning, not tomorrow.
      [new RegExp(`\\b(?:ya es|hoy es|hoy ya es) ${ES_WEEKDAY}\\b`, 'gi'), (m) => ' '.repeat(m.length)],
      [/\b(?:a )?media ma[ñn]ana\b/gi, (m) => ' '.repeat(m.length)],
      // "perdí la mañana entera", "para la mañana": with the article it is the morning, never tomorrow
      // ("por la mañana" and the like stay: they set the part of the day).
      [/(?<!\b(?:por|de|en|a) )\bla ma[ñn]ana\b/gi, (m) => ' '.repeat(m.length)],
      // "los martes": every Tuesday; "ya son las 13:00": the time of writing.
      [
        new RegExp(`\\b(?:todos los|cada) ${ES_WEEKDAY}(?:es)?\\b|\\blos ${ES_WEEKDAY}(?:es)?\\b`, 'gi'),
        (m) => ' '.repeat(m.length),
      ],
      [/\b(?:ya )?son (?:ya )?las \d{1,2}(?::\d{2})?\b/gi, (m) => ' '.repeat(m.length)],
      // "solo de mañana", "de mañana o de tarde": a part of the day beside another, not tomorrow.
      [
        /\b(?:solo|sólo|solamente|únicamente) (?:de|por la) mañana\b|\bde mañana o (?:de )?tarde\b|\b(?:trabajo|trabajamos|trabaja|turno|entro|curro|estoy) de ma[ñn]ana\b/gi,
        (m) => ' '.repeat(m.length),
      ],
      // "mañana tipo 11", "sobre las 11": a time.
      [/\btipo (\d{1,2})\b/gi, (m) => pad(m, `las ${m.slice(5)}`)],
      [/\ba(?:l)? mediod[ií]a\b/gi, (m) => pad(m, 'a las 12')],
      [/\bmediod[ií]a\b/gi, (m) => pad(m, 'las 12')],
      [
        /\b(a las|sobre las|hacia las|tipo)\s+(una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\b/gi,
        (m) => m.replace(/[a-z]+$/i, (w) => pad(w, ES_HOUR_WORDS[w.toLowerCase()]!)),
      ],
      [/\bla una\b/gi, (m) => pad(m, 'las 1')],
      [/\b(\d{1,2}) y media\b/gi, (m) => pad(m, `${m.split(' ')[0]}:30`)],
      [/\b(\d{1,2}) y cuarto\b/gi, (m) => pad(m, `${m.split(' ')[0]}:15`)],
    ],
    dayparts: [
      [/\b(?:(?:por|de|en|a) la mañana|a primera hora|temprano)\b/i, 'morning'],
      [/\b(?:(?:por|de|en|a) la tarde|esta tarde)\b/i, 'afternoon'],
      [/\b(?:(?:por|de|en|a) la noche|esta noche)\b/i, 'evening'],
    ],
    strongPast:
      /\b(?:ten[ií]a|ten[ií]amos|hab[ií]a|hab[ií]amos|estaba|estábamos|estabamos|era|iba|fui|fuimos|fue|fueron|vine|vino|llam[ée]|ped[ií]|compr[ée]|reserv[ée]|anoche|ayer|anteayer|me dijeron|nos dijeron|me dijisteis|me dijiste|hace \d+|hace (?:una|un|dos|tres)|llevo desde|llevamos desde|desde hace|gracias por|(?:correo|mail|email|mensaje|llamada|factura|pedido|compra|carta|escrito) del|desde el (?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo))\b/i,
    nextWeek: /\b(?:la semana (?:que viene|pr[oó]xima|entrante)|la pr[oó]xima semana)\b/i,
    morningCues:
      /\b(?:desayun\p{L}*|temprano|madrugada|(?:por|de|en|a) la ma[ñn]ana|a primera hora|antes de (?:ir a )?(?:trabajar|entrar a trabajar|abrir|clase|la oficina)|antes del trabajo)(?!\p{L})/giu,
    eveningCues:
      /\b(?:cena|cenar|cenamos|cenita|copas|esta noche|(?:por|de|en|a) la (?:tarde|noche)|esta tarde|despu[ée]s del trabajo|despu[ée]s de trabajar|al salir (?:del|de) (?:trabajo|trabajar|la oficina)|mesa para \d+|reservar (?:una )?mesa|ten[eé]is mesa|tienen mesa|hay mesa)(?!\p{L})/giu,
    proposal:
      /(?<!\p{L})(?:podr[ií]an?|podr[ií]as|podr[ií]amos|puede|pueden|puedes|pod[ée]s|podemos|puedo|(?:le|me|nos) (?:va|viene) (?:bien|mejor)|mejor el|prefiero|preferimos|en su lugar|te (?:va|viene) bien|os (?:va|viene) bien|les (?:va|viene) bien|quedamos|paso|pasar[ée]|vendr[ée]|vernos|me acerco|nos acercamos|me paso|nos pasamos)(?!\p{L})/iu,
    workingWeek:
      /\b(?:de )?lun(?:es)?\.?\s*(?:a|-|–|al)\s*(?:vie(?:rnes)?|s[áa]b(?:ado)?|dom(?:ingo)?)\b\.?(?![^.;!?\n]{0,30}(?:semana que viene|pr[oó]xima semana|semana pr[oó]xima|esta semana|de la semana))/gi,
    timeFacts: [
      // "el portero está hasta las 11", "en la obra hay alguien desde las 7:30".
      new RegExp(
        `${ES_NO_DAY_BEFORE}\\b(?:est[aá]n?|queda|quedan|sigue|siguen|hay alguien|hay gente|atiende|atienden)\\s+(?:(?:normalmente|siempre)\\s+)?(?:aqu[ií]\\s+|all[ií]\\s+|en (?:casa|la oficina|la obra|la tienda|recepci[oó]n|el local|la porter[ií]a)\\s+|abiert[oa]s?\\s+|de guardia\\s+)?(?:hasta|desde|a partir de)\\s+${ES_TIME}${ES_NO_DAY_AFTER}`,
        'giu',
      ),
      // "el corte es a las 2", "la última recogida es a las 17:00".
      new RegExp(
        `${ES_NO_DAY_BEFORE}(?<!\\p{L})${ES_FACT_NOUN}(?:\\s+(?:para|de|del)\\s+[\\p{L} ]{1,30}?)?\\s+(?:es|son|est[aá]|empieza|termina|abre|cierra|se sirve)\\s+(?:a|hasta|antes de|a partir de|desde)\\s+${ES_TIME}(?:\\s*(?:,|y|;)\\s*(?:${ES_FACT_NOUN}\\s+)?(?:es\\s+|abre\\s+|cierra\\s+)?(?:a|hasta)\\s+${ES_TIME})*${ES_NO_DAY_AFTER}`,
        'giu',
      ),
      new RegExp(
        `${ES_NO_DAY_BEFORE}\\b(?:pedidos?|encargos?|solicitudes|reservas?)\\s+(?:hech[oa]s?|realizad[oa]s?|recibid[oa]s?|tramitad[oa]s?|que (?:entran|entren|lleguen|se hagan))\\s+(?:antes de|despu[ée]s de|hasta|desde)\\s+${ES_TIME}${ES_NO_DAY_AFTER}`,
        'giu',
      ),
      // "salgo de trabajar a las 17:30 normalmente": the habit named after the time.
      new RegExp(
        `${ES_NO_DAY_BEFORE}(?<!\\p{L})(?:a|sobre|hacia|hasta|desde)\\s+${ES_TIME}(?=[^.?!\\n]{0,20}?(?<!\\p{L})(?:normalmente|siempre|todos los d[ií]as|cada d[ií]a|a diario|habitualmente)(?!\\p{L}))`,
        'giu',
      ),
      // "los repartos son de 8 a 14 o de 16 a 20": slots, a timetable with no day.
      new RegExp(
        `${ES_NO_DAY_BEFORE}(?<!\\p{L})(?:son|es)\\s+de\\s+(?:las\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:h|hs)?\\s+a\\s+(?:las\\s+)?\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:h|hs)\\b)?(?:\\s+(?:o|y)\\s+de\\s+(?:las\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:h|hs)?\\s+a\\s+(?:las\\s+)?\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:h|hs)\\b)?)*${ES_NO_DAY_AFTER}`,
        'giu',
      ),
      // "entrega en el día si pides antes de las 13 h": the rule for an order.
      new RegExp(
        `${ES_NO_DAY_BEFORE}(?<!\\p{L})si (?:lo |la )?(?:pides|ped[ií]s|piden|pide|compras|compr[aá]is|encargas|haces el pedido)\\s+(?:antes de|hasta|despu[ée]s de)\\s+${ES_TIME}${ES_NO_DAY_AFTER}`,
        'giu',
      ),
      // "el repartidor suele pasar a las 10".
      new RegExp(
        `${ES_NO_DAY_BEFORE}\\b(?:suele|suelen|sol[ií]a|sol[ií]an|normalmente|siempre|generalmente|habitualmente|por lo general)(?!\\p{L})(?:(?!\\b(?:pero|as[ií] que|y|o|luego)\\b)[^.?!,;\\n]){0,40}?(?<!\\p{L})(?:a|sobre|hacia|antes de|despu[ée]s de|hasta|desde|a partir de)\\s+${ES_TIME}${ES_NO_DAY_AFTER}`,
        'giu',
      ),
    ],
  },
};

/** A holiday named as a day ("on Christmas Eve", "para Nochebuena", "before Thanksgiving", "el Día
 * de Muertos"). `always`: the name is a day by itself (Boxing Day, Nochebuena); otherwise it needs
 * a word of time before it ("by Christmas", "antes de Navidad"), so "Christmas orders", "Merry
 * Christmas", "la tarta de Reyes" name none. A period ("el puente de diciembre", "over the
 * holidays", "las Navidades") is no day either. */
export interface Holiday {
  name: RegExp;
  always: boolean;
  /** Month and day in a given year. */
  on: (year: number) => [number, number];
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

function easterPlus(days: number): (year: number) => [number, number] {
  return (year) => {
    const [m, d] = easter(year);
    const t = new Date(Date.UTC(year, m - 1, d + days));
    return [t.getUTCMonth() + 1, t.getUTCDate()];
  };
}

/** The n-th (1-based; -1 the last) given weekday (1 Monday … 7 Sunday) of a month. */
function nthWeekday(month: number, weekday: number, n: number): (year: number) => [number, number] {
  return (year) => {
    if (n > 0) {
      const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay() || 7;
      return [month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1)];
    }
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay() || 7;
    return [month, lastDay - ((last - weekday + 7) % 7)];
  };
}

const fixed =
  (month: number, day: number): ((year: number) => [number, number]) =>
  () => [month, day];

export const HOLIDAYS: Holiday[] = [
  { name: /\bchristmas eve\b|\bxmas eve\b|\bnochebuena\b/gi, always: true, on: fixed(12, 24) },
  {
    name: /\bchristmas day\b|\bxmas day\b|\bd[ií]a de navidad\b/gi,
    always: true,
    on: fixed(12, 25),
  },
  { name: /\b(?:christmas|xmas|navidad)\b(?!\s+(?:eve|day)\b)/gi, always: false, on: fixed(12, 25) },
  { name: /\bboxing day\b/gi, always: true, on: fixed(12, 26) },
  { name: /\bnew year(?:'|’)?s eve\b|\bnochevieja\b/gi, always: true, on: fixed(12, 31) },
  { name: /\bnew year(?:'|’)?s day\b|\bd[ií]a de a[ñn]o nuevo\b/gi, always: true, on: fixed(1, 1) },
  { name: /\ba[ñn]o nuevo\b/gi, always: false, on: fixed(1, 1) },
  { name: /\bd[ií]a de (?:los )?reyes(?: magos)?\b|\bepiphany\b/gi, always: true, on: fixed(1, 6) },
  { name: /\breyes\b/gi, always: false, on: fixed(1, 6) },
  {
    name: /\bvalentine(?:'|’)?s day\b|\b(?:el )?d[ií]a de san valent[ií]n\b/gi,
    always: true,
    on: fixed(2, 14),
  },
  { name: /\bsan valent[ií]n\b/gi, always: false, on: fixed(2, 14) },
  { name: /\bhalloween\b/gi, always: true, on: fixed(10, 31) },
  {
    name: /\b(?:d[ií]a de )?todos los santos\b|\ball saints(?:'|’)? day\b/gi,
    always: true,
    on: fixed(11, 1),
  },
  { name: /\bd[ií]a de (?:los )?(?:fieles )?(?:muertos|difuntos)\b/gi, always: true, on: fixed(11, 2) },
  {
    name: /\bthanksgiving(?: day)?\b|\b(?:el )?d[ií]a de acci[oó]n de gracias\b/gi,
    always: true,
    on: nthWeekday(11, 4, 4),
  },
  { name: /\bmemorial day\b/gi, always: true, on: nthWeekday(5, 1, -1) },
  { name: /\blabou?r day\b/gi, always: true, on: nthWeekday(9, 1, 1) },
  { name: /\bindependence day\b|\b(?:the )?fourth of july\b/gi, always: true, on: fixed(7, 4) },
  { name: /\bgood friday\b|\bviernes santo\b/gi, always: true, on: easterPlus(-2) },
  { name: /\bjueves santo\b|\bmaundy thursday\b/gi, always: true, on: easterPlus(-3) },
  {
    name: /\beaster sunday\b|\bdomingo de (?:pascua|resurrecci[oó]n)\b/gi,
    always: true,
    on: easterPlus(0),
  },
  { name: /\beaster monday\b|\blunes de pascua\b/gi, always: true, on: easterPlus(1) },
];

/** Before a holiday's name: a greeting, so no day ("Merry Christmas", "¡Feliz Nochebuena!"). */
export const HOLIDAY_GREETING =
  /\b(?:happy|merry|feliz|felices|happy belated|have a (?:good|great|nice|lovely))\s+$/i;
/** Before a name that needs one: a word of time ("by Christmas", "antes de Navidad", "hasta Reyes").
 * "for Christmas", "es para Navidad" name what a thing is for, not a day. */
export const HOLIDAY_TIME_WORD =
  /(?:\b(?:on|by|before|until|till|after|this|next|last|in time for|the day (?:before|after)|right after|just before)|(?<!\p{L})(?:en|antes de|hasta|despu[ée]s de|desde|el d[ií]a de|este|esta|el pr[óo]ximo|la pr[óo]xima|el d[ií]a antes de|el d[ií]a despu[ée]s de))\s+$/iu;
/** After the name: a thing or a period named after the holiday, not the day ("Halloween costume",
 * "Christmas Eve menu", "Thanksgiving weekend"). */
export const HOLIDAY_THING_AFTER =
  /^\s+(?:costumes?|decorations?|sales?|specials?|menus?|cards?|gifts?|presents?|hampers?|editions?|collection|theme|themed|range|offers?|weekend|week|break|holidays?|period|season|rush|shopping|markets?|lights|trees?|jumpers?|sweaters?|party|parties|bonus|orders?|deliveries|opening hours|hours|do|dinner party)\b/i;
/** Before the name, in Spanish word order: a thing named after it ("el menú de Nochevieja", "la
 * cesta de Navidad", "el roscón de Reyes"). A meal on the day ("la cena de Nochebuena") is the day. */
export const HOLIDAY_THING_BEFORE =
  /(?<!\p{L})(?:men[uú]s?|cestas?|loter[ií]a|rosc[oó]n|tartas?|turr[oó]n|regalos?|decoraci[oó]n|adornos|ofertas?|rebajas|campa[ñn]a|pedidos?|horarios?|especial|disfraz|disfraces|[aá]rbol|luces|vacaciones|puente|fiestas?|paga|aguinaldo|calendario)\s+(?:de|del)\s+(?:la\s+|el\s+)?$/iu;
