/**
 * Clauses that name a measure without making it their subject. An absolute "with" clause
 * ("with already weak export forecasts falling to 2.2%", "With mobile coverage reaching
 * 98%") counts the noun before its -ing verb; a relative clause ("household debt - which is growing
 * at 9%", "the cost of …, for which it will ask $5bn") the noun it hangs on; an expectation ("less than the £9.5bn forecast",
 * "above the £2bn reported a month before") is of the measure the sentence's figure before it
 * counted.
 */
const WITH_ING = /\bwith\s+(?:(?:the|its|their|his|her|already|still|now)\s+)*(?:\p{Ll}+ly\s+)?((?:\p{Ll}[\p{L}'’-]*\s+){0,3}?\p{Ll}[\p{L}'’-]*)\s+\p{Ll}+ing(?:\s+(?:to|at|by|from|above|below|past))?\s+(?:(?:about|around|nearly|almost|just|some)\s+)?$/iu;
const EXPECTED_BEFORE = /\b(?:than|above|below|beat(?:ing)?|missed|missing|short\s+of)\s+(?:the\s+)?(?:(?:about|around|some)\s+)?$/i;
const EXPECTED_AFTER = /^\s+(?:(?:widely|generally|originally|previously|had\s+been|that\s+had\s+been)\s+)?(?:expected|forecast|predicted|reported|recorded|estimated|anticipated|pencilled\s+in)\b/i;

// "the cost of rebuilding the port, for which ministers will ask an extra $5bn":
// money sought, paid or set aside for something the relative clause names.
const FOR_WHICH = /\b(?:the|its|their|a|an)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}?\p{Ll}[\p{L}-]*)(?:\s+of\s+[^,;]{1,70}?)?,\s+for\s+which\s+[^,;]{1,70}$/u;
// "household debt - which is growing at 9% a year": the noun before the aside's relative pronoun.
const WHICH_MOVING = /((?:\p{Ll}[\p{L}-]*\s+)?\p{Ll}[\p{L}-]*)\s*(?:,|\s[-–—])\s+which\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:rising|falling|growing|running|increasing|shrinking|climbing|expanding|standing)\s+(?:at|by)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$/u;

// "a cut in the speed limit from 70 miles to 60", "voted for a restriction to 18 weeks": the limit moved.
const CHANGE_IN = /\b(?:reduction|cut|increase|rise|change)\s+in\s+(?:the|its|their)\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}?\p{Ll}[\p{L}-]*)\s+from\s+[^,;]{1,24}?\s+to\s+$/u;
const LIMIT_TO = /\b(?:a|the|its|their)\s+(restriction|limit|cap|ceiling|reduction|cut)\s+(?:of\s+|to\s+)(?:about\s+|around\s+|just\s+)?$/;

/** What an absolute "with" clause, a relative clause or an expectation counts, or undefined. */
export function clauseCounted(s: string, qStart: number, end: number, previousCounted: string | undefined): string | undefined {
  const before = s.slice(Math.max(0, qStart - 80), qStart);
  if (previousCounted && EXPECTED_BEFORE.test(before) && EXPECTED_AFTER.test(s.slice(end, end + 40))) return previousCounted;
  const limit = CHANGE_IN.exec(before)?.[1] ?? LIMIT_TO.exec(before)?.[1];
  if (limit) return limit;
  if (before.includes('which')) {
    const rel = WHICH_MOVING.exec(before)?.[1] ?? FOR_WHICH.exec(s.slice(Math.max(0, qStart - 160), qStart))?.[1];
    if (rel) return rel;
  }
  if (!before.includes('with') && !before.includes('With')) return undefined;
  const withIng = WITH_ING.exec(before)?.[1];
  return withIng && !/^(?:it|them|this|that|one|people)$/i.test(withIng) ? withIng : undefined;
}
