import { extractFacts } from '../../src/extract/index.ts';
import type { ClaimFact, FigureFact, QuoteFact } from '../../src/extract/types.ts';

/** Extracts from a one-paragraph (or multi-paragraph) body under a neutral title. */
export function extract(text: string, published = '2025-02-06T10:00:00Z', title = 'News update') {
  return extractFacts({ title, text, published: new Date(published) });
}
export function figures(text: string, published?: string): FigureFact[] {
  return extract(text, published).facts.filter((f): f is FigureFact => f.kind === 'figure');
}
export function figure(text: string, published?: string): FigureFact {
  const found = figures(text, published);
  if (found.length !== 1) throw new Error(`expected one figure in "${text}", got ${JSON.stringify(found.map((f) => f.raw))}`);
  return found[0]!;
}
export function quotes(text: string): QuoteFact[] {
  return extract(text).facts.filter((f): f is QuoteFact => f.kind === 'quote');
}
export function claims(text: string): ClaimFact[] {
  return extract(text).facts.filter((f): f is ClaimFact => f.kind === 'claim');
}
