/** The shape of one figure in answers, shared by the query modules (kept apart to avoid import cycles). */
/** One figure as answers and `ask --json` expose it. */
export interface FigurePoint {
  factId: number;
  value: number;
  valueHigh: number | null;
  unit: string | null;
  raw: string | null;
  qualifier: string | null;
  counted: string | null;
  countedKey: string | null;
  event: string | null;
  /** ISO date the figure refers to (a period's end). */
  date: string;
  period: { start: string | null; end: string | null } | null;
  attribution: string | null;
  hedged: boolean;
  negated: boolean;
  /** "hundreds of": value..valueHigh is the span the words allow. */
  vague: boolean;
  /** The stated movement: "up 2% from $10.9bn" is direction up, change 2, changeUnit %, previous 10.9e9. */
  direction: 'up' | 'down' | null;
  change: number | null;
  changeUnit: string | null;
  previous: number | null;
  /** When the earlier level applied, if the sentence says. */
  previousDate: string | null;
  /** This figure restates another of its sentence in another unit ("(£600m)"). */
  conversion: boolean;
  /** Only the size of a movement ("jumped 76%"), not a level: never in a series with levels. */
  isChange: boolean;
  /** A headline rounding of this body value of its article: never leads a group, timeline or summary. */
  roundingOf: number | null;
  /** Another source gives a different value for the same thing at the same time. */
  disputed: boolean;
  sentence: string;
  article: { id: number; title: string; url: string | null; published: string; source: string };
}
