const IRREGULAR_PAST = new Set(['held', 'kept', 'lost', 'won', 'sent', 'taken', 'fled', 'struck', 'shot down', 'rose', 'fell', 'grew', 'paid', 'spent', 'sold', 'left', 'hit', 'freed', 'seen', 'given', 'brought', 'fought', 'caught', 'met']);

/**
 * The event as a reader expects it after a count ("971 Russian soldiers captured"): a past form, or
 * nothing. A bare verb ("hand" from "hand back", "put") would read as broken English, so it is left out.
 */
export function eventLabel(event: string | null | undefined): string | undefined {
  if (!event) return undefined;
  const e = event.toLowerCase();
  return /ed$/.test(e) || IRREGULAR_PAST.has(e) ? e : undefined;
}
