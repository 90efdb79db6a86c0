// The business's own currency, from its time zone (the profile has no currency field): invoices in
// another currency are kept in theirs and totalled apart, and the form says so.
const BY_ZONE: [RegExp, string][] = [
  [/^Europe\/London$|^Europe\/(Belfast|Guernsey|Jersey|Isle_of_Man)$/, 'GBP'],
  [/^Europe\/(Zurich|Busingen)$/, 'CHF'],
  [
    /^Atlantic\/Canary$|^Europe\/(Madrid|Lisbon|Paris|Berlin|Rome|Amsterdam|Brussels|Vienna|Dublin|Athens|Helsinki)$/,
    'EUR',
  ],
  [/^America\/(Mexico_City|Monterrey|Merida|Cancun|Tijuana|Chihuahua|Hermosillo|Mazatlan)$/, 'MXN'],
  [/^America\/Argentina\/|^America\/Buenos_Aires$/, 'ARS'],
  [/^America\/(Bogota)$/, 'COP'],
  [/^America\/(Santiago)$/, 'CLP'],
  [
    /^America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Indiana\/.+)$|^Pacific\/Honolulu$/,
    'USD',
  ],
];

export function homeCurrency(timeZone: string): string | null {
  for (const [re, code] of BY_ZONE) if (re.test(timeZone)) return code;
  return null;
}
