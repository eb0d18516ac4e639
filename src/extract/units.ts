/**
 * Units a figure can carry, normalised: ISO currency codes, '%', 'pp', 'points', and physical units
 * (km, miles, kg, tonnes, MW, mph, °C, GB …). Only tables and the two lookups the number scanner
 * needs: the currency written before a number, and the unit written after it.
 */

/** Currency written before the number ("$", "US$", "$US", "HK$", "RM", "EUR "), lower-cased. */
export const CURRENCY_SIGNS: Record<string, string> = {
  $: 'USD', us$: 'USD', $us: 'USD', usd: 'USD', c$: 'CAD', ca$: 'CAD', cad: 'CAD', a$: 'AUD', au$: 'AUD', aud: 'AUD', nz$: 'NZD', nzd: 'NZD',
  hk$: 'HKD', hkd: 'HKD', s$: 'SGD', sgd: 'SGD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', jpy: 'JPY', '₹': 'INR', inr: 'INR',
  rs: 'INR', 'rs.': 'INR', rm: 'MYR', myr: 'MYR', chf: 'CHF', cny: 'CNY', rmb: 'CNY', '₴': 'UAH', uah: 'UAH', '₽': 'RUB', rub: 'RUB', r$: 'BRL',
};

/** The longest currency sign or code that ends right where a number starts. */
export const CURRENCY_BEFORE =
  /(?:\$US|US\$|AU\$|NZ\$|HK\$|CA?\$|A\$|S\$|R\$|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|AUD|CAD|NZD|HKD|SGD|CHF|CNY|RMB|INR|MYR|UAH|RUB|RM|Rs\.?)|[$€£¥₹₴₽]) ?[-−]?$/;

/** Currency named after the number ("25 euros"). */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', pence: 'GBP', p: 'GBP',
  hryvnia: 'UAH', hryvnias: 'UAH', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  'australian dollars': 'AUD', 'canadian dollars': 'CAD', 'us dollars': 'USD', 'hong kong dollars': 'HKD', 'new zealand dollars': 'NZD', 'singapore dollars': 'SGD',
  // In the singular before what the money buys: "a 7bn Australian dollar bid".
  'australian dollar': 'AUD', 'canadian dollar': 'CAD', 'us dollar': 'USD', 'hong kong dollar': 'HKD', 'new zealand dollar': 'NZD', 'singapore dollar': 'SGD',
  'swiss francs': 'CHF', 'swiss franc': 'CHF', 'swedish kronor': 'SEK', 'danish kroner': 'DKK', 'norwegian kroner': 'NOK', 'south african rand': 'ZAR', 'indian rupees': 'INR', 'chinese yuan': 'CNY',
  yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', dinars: 'DZD', dinar: 'DZD', rand: 'ZAR', pesos: 'MXN', shekels: 'ILS', kroner: 'DKK', kronor: 'SEK', rupees: 'INR', rupee: 'INR', francs: 'CHF', zloty: 'PLN', ringgit: 'MYR',
  rupiah: 'IDR', baht: 'THB', naira: 'NGN', reais: 'BRL', riyals: 'SAR', riyal: 'SAR', dirhams: 'AED', forint: 'HUF', koruna: 'CZK', lira: 'TRY', 'turkish lira': 'TRY', 'south korean won': 'KRW', won: 'KRW',
};

/** Scale words and suffixes: "3 million", "$4.5bn", "12k". */
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
export const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
};

/** Physical units written after a number, with their normal names. */
const PHYSICAL: Array<[string, string]> = [
  ['km/h|kph|kmh', 'km/h'], ['mph|miles per hour', 'mph'],
  ['km|kilometres?|kilometers?', 'km'], ['miles?', 'miles'], ['cm|centimetres?|centimeters?', 'cm'], ['mm|millimetres?|millimeters?', 'mm'],
  ['sq ft|square (?:feet|foot)', 'sq ft'], ['sq m|square met(?:re|er)s?', 'sq m'], ['sq miles?|square miles?', 'sq miles'],
  ['metres?|meters?', 'm'], ['ft|feet|foot', 'ft'], ['yards?|yds?', 'yards'], ['inch(?:es)?|in(?= tall| high| long| wide)', 'in'], ['sq km|square kilomet(?:re|er)s?', 'sq km'], ['hectares?', 'hectares'], ['acres?', 'acres'],
  ['kg|kilos?|kilograms?', 'kg'], ['tonnes?|tons?', 'tonnes'], ['lbs?', 'lb'], ['grams?', 'g'], ['mg|milligrams?', 'mg'], ['ml|millilitres?|milliliters?', 'ml'], ['barrels?', 'barrels'], ['litres?|liters?', 'litres'], ['gallons?', 'gallons'],
  ['GW|gigawatts?', 'GW'], ['MW|megawatts?', 'MW'], ['kWh', 'kWh'], ['kW|kilowatts?', 'kW'],
  ['°C|degrees? (?:Celsius|centigrade|C)\\b', '°C'], ['°F|degrees? (?:Fahrenheit|F)\\b', '°F'], ['degrees?', 'degrees'],
  ['TB|terabytes?', 'TB'], ['GB|gigabytes?', 'GB'], ['MB|megabytes?', 'MB'], ['KB|kilobytes?', 'KB'],
  ['Gbps|gigabits? (?:per|a) second', 'Gbps'], ['Mbps|megabits? (?:per|a) second', 'Mbps'], ['Kbps|kbps|kilobits? (?:per|a) second', 'kbps'],
  ['GHz', 'GHz'], ['MHz', 'MHz'], ['kHz', 'kHz'], ['Hz', 'Hz'], ['megapixels?|mega-pixels?', 'megapixels'],
  ['teraflops?', 'teraflops'], ['gigaflops?', 'gigaflops'], ['megaflops?', 'megaflops'],
  // Only the short forms: "seconds" as a word is read as a duration's noun.
  ['secs?', 'seconds'],
];
// "12 km", "80GB", and with a hyphen in a compound: "a six-kilometre race", "a 10-mile walk".
const PHYSICAL_RE = new RegExp(`^[ -]?(?:${PHYSICAL.map(([re]) => `(${re})`).join('|')})(?![A-Za-z])`, 'i');

/** The physical unit right after a number ("12 km", "80GB", "35°C"), with how much text it takes. */
export function physicalUnitAfter(after: string): { unit: string; length: number } | undefined {
  // "a 42in screen": "in" glued to its number is inches; after a space it is the preposition.
  if (/^in(?![A-Za-z])/.test(after)) return { unit: 'in', length: 2 };
  const m = PHYSICAL_RE.exec(after);
  if (!m) return undefined;
  const group = m.slice(1).findIndex((g) => g !== undefined);
  return { unit: PHYSICAL[group]![1], length: m[0].length };
}
