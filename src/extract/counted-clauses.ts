/**
 * Clauses that name a measure without making it their subject. An absolute "with" clause
 * ("with already sluggish growth forecasts slipping to 1.8%", "With broadband penetration reaching
 * 100%") counts the noun before its -ing verb; an expectation ("more than the £1.4bn expected",
 * "above the £1.4bn reported a month before") is of the measure the sentence's figure before it
 * counted.
 */
const WITH_ING = /\bwith\s+(?:(?:the|its|their|his|her|already|still|now)\s+)*(?:\p{Ll}+ly\s+)?((?:\p{Ll}[\p{L}'’-]*\s+){0,3}?\p{Ll}[\p{L}'’-]*)\s+\p{Ll}+ing(?:\s+(?:to|at|by|from|above|below|past))?\s+(?:(?:about|around|nearly|almost|just|some)\s+)?$/iu;
const EXPECTED_BEFORE = /\b(?:than|above|below|beat(?:ing)?|missed|missing|short\s+of)\s+(?:the\s+)?(?:(?:about|around|some)\s+)?$/i;
const EXPECTED_AFTER = /^\s+(?:(?:widely|generally|originally|previously|had\s+been|that\s+had\s+been)\s+)?(?:expected|forecast|predicted|reported|recorded|estimated|anticipated|pencilled\s+in)\b/i;

/** What an absolute "with" clause or an expectation counts, or undefined. */
export function clauseCounted(s: string, qStart: number, end: number, previousCounted: string | undefined): string | undefined {
  const before = s.slice(Math.max(0, qStart - 80), qStart);
  if (previousCounted && EXPECTED_BEFORE.test(before) && EXPECTED_AFTER.test(s.slice(end, end + 40))) return previousCounted;
  if (!before.includes('with') && !before.includes('With')) return undefined;
  const withIng = WITH_ING.exec(before)?.[1];
  return withIng && !/^(?:it|them|this|that|one|people)$/i.test(withIng) ? withIng : undefined;
}
