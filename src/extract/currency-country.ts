/**
 * "Pesos" and "rupees" name a dozen currencies. A figure written in one is given the currency of the
 * country its sentence names, else the country its article names first; with none named it keeps
 * the default (Mexican pesos, Indian rupees).
 */
import type { FigureFact } from './types.ts';

const PESO_COUNTRIES: Array<[RegExp, string]> = [
  [/\bColombia/, 'COP'], [/\bArgentin/, 'ARS'], [/\bChile/, 'CLP'], [/\bPhilippine|\bFilipino|\bManila\b/, 'PHP'],
  [/\bMexic/, 'MXN'], [/\bCuba/, 'CUP'], [/\bUruguay/, 'UYU'], [/\bDominican Republic/, 'DOP'],
];
const RUPEE_COUNTRIES: Array<[RegExp, string]> = [
  [/\bSri Lanka/, 'LKR'], [/\bPakistan/, 'PKR'], [/\bNepal/, 'NPR'], [/\bMauriti/, 'MUR'], [/\bIndia(?:n)?\b/, 'INR'],
];

function firstNamed(text: string, countries: Array<[RegExp, string]>): string | undefined {
  let best: { at: number; code: string } | undefined;
  for (const [re, code] of countries) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, code };
  }
  return best?.code;
}

export function resolveCurrencies(figures: FigureFact[], article: string): void {
  for (const f of figures) {
    const table = /\bpesos?\b/i.test(f.raw) ? PESO_COUNTRIES : /\brupees?\b/i.test(f.raw) ? RUPEE_COUNTRIES : undefined;
    if (!table) continue;
    const code = firstNamed(f.sentence, table) ?? firstNamed(article, table);
    if (code) {
      if (f.changeUnit === f.unit) f.changeUnit = code;
      f.unit = code;
    }
  }
}
