import type { Fact } from '../extract/types.ts';

/**
 * An article's facts as stored documents (migration 006). Facts are written once, all together, and
 * only ever read back per article, so two JSON values per article replace ~45 rows: storing an
 * article got about a third cheaper. The figures are one document and the dates, quotes and claims
 * another, because /figures reads the figures of a hundred articles or more per answer and parsing
 * the rest as well tripled its cost. Each document keeps a sentence once however many facts cite it:
 *
 *   { "s": { "<sentence index>": "<sentence>", … },
 *     "f": [ [kind, sentenceIndex, raw, body, value, valueHigh, unit, qualifier, counted, countedKey,
 *             event, refDate, periodStart, periodEnd, attribution, speaker, stance, subjectKey,
 *             hedged, negated, vague, direction, change, changeUnit, previous, previousDate,
 *             conversion, isChange, roundingOf], … ] }
 *
 * Positions follow the old `facts` table's columns (migration 006 builds documents from it in SQL);
 * trailing nulls are left out and read back as null; hedged/negated/vague/conversion are 1 or null.
 * The change fields (positions 20–26) were appended later: documents written before them simply end
 * earlier and read back with none.
 */
export interface FactFields {
  kind: Fact['kind'];
  sentenceIndex: number;
  sentence: string;
  raw: string | null;
  body: string | null;
  value: number | null;
  valueHigh: number | null;
  unit: string | null;
  qualifier: string | null;
  counted: string | null;
  countedKey: string | null;
  event: string | null;
  refDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  attribution: string | null;
  speaker: string | null;
  stance: string | null;
  subjectKey: string | null;
  hedged: boolean;
  negated: boolean;
  vague: boolean;
  direction: 'up' | 'down' | null;
  change: number | null;
  changeUnit: string | null;
  previous: number | null;
  previousDate: string | null;
  conversion: boolean;
  isChange: boolean;
  roundingOf: number | null;
}

/**
 * A fact's id is articleId × FACT_SLOTS + its position: figures count from 0 and the other facts
 * from OTHER_BASE, so an article holds up to OTHER_BASE of each.
 */
export const FACT_SLOTS = 65_536;
export const OTHER_BASE = 32_768;

type Cell = string | number | null;
type Encoded = [Fact['kind'], number, ...Cell[]];

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function cells(f: Fact): Encoded {
  switch (f.kind) {
    case 'figure':
      return [
        f.kind, f.sentenceIndex, f.raw, null, f.value, orNull(f.valueHigh), orNull(f.unit), orNull(f.qualifier), orNull(f.counted),
        orNull(f.countedKey), orNull(f.event), orNull(f.date), orNull(f.periodStart), orNull(f.periodEnd), orNull(f.attribution),
        null, null, null, f.hedged ? 1 : null, f.negated ? 1 : null, f.vague ? 1 : null, orNull(f.direction), orNull(f.change),
        orNull(f.changeUnit), orNull(f.previous), orNull(f.previousDate), f.conversion ? 1 : null, f.isChange ? 1 : null, orNull(f.roundingOf),
      ];
    case 'date':
      return [f.kind, f.sentenceIndex, f.raw, null, null, null, null, null, null, null, null, f.date, orNull(f.periodStart), orNull(f.periodEnd)];
    case 'quote':
      // A quote's speaker is also its attribution, as it was in the facts table.
      return [f.kind, f.sentenceIndex, null, f.text, null, null, null, null, null, null, null, null, null, null, orNull(f.speaker), orNull(f.speaker)];
    case 'claim':
      return [
        f.kind, f.sentenceIndex, null, f.text, null, null, null, null, null, null, null, orNull(f.date), null, null, f.attribution,
        null, f.stance, orNull(f.subjectKey),
      ];
  }
}

interface Part {
  s: Record<number, string>;
  f: Encoded[];
}

function add(part: Part, f: Fact): void {
  if (part.f.length >= OTHER_BASE) return;
  part.s[f.sentenceIndex] ??= f.sentence;
  const row = cells(f);
  while (row.length > 2 && row[row.length - 1] === null) row.pop();
  part.f.push(row);
}

/** The stored documents of an article's facts: its figures, and everything else; null when there are none. */
export function encodeFacts(facts: readonly Fact[]): { figures: string | null; others: string | null } {
  const figures: Part = { s: {}, f: [] };
  const others: Part = { s: {}, f: [] };
  for (const f of facts) add(f.kind === 'figure' ? figures : others, f);
  const json = (p: Part): string | null => (p.f.length > 0 ? JSON.stringify(p) : null);
  return { figures: json(figures), others: json(others) };
}

const text = (c: Cell | undefined): string | null => (typeof c === 'string' ? c : null);
const num = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : null);

function fieldsOf(doc: Part, row: Encoded): FactFields {
  return {
    kind: row[0],
    sentenceIndex: row[1],
    sentence: doc.s[row[1]] ?? '',
    raw: text(row[2]),
    body: text(row[3]),
    value: num(row[4]),
    valueHigh: num(row[5]),
    unit: text(row[6]),
    qualifier: text(row[7]),
    counted: text(row[8]),
    countedKey: text(row[9]),
    event: text(row[10]),
    refDate: text(row[11]),
    periodStart: text(row[12]),
    periodEnd: text(row[13]),
    attribution: text(row[14]),
    speaker: text(row[15]),
    stance: text(row[16]),
    subjectKey: text(row[17]),
    hedged: row[18] === 1,
    negated: row[19] === 1,
    vague: row[20] === 1,
    direction: row[21] === 'up' || row[21] === 'down' ? row[21] : null,
    change: num(row[22]),
    changeUnit: text(row[23]),
    previous: num(row[24]),
    previousDate: text(row[25]),
    conversion: row[26] === 1,
    isChange: row[27] === 1,
    roundingOf: num(row[28]),
  };
}

/** The texts a search tests a fact by, before the whole fact is read. */
export type FactTexts = Pick<FactFields, 'sentence' | 'counted' | 'countedKey' | 'event'>;

/**
 * Reads a stored document back: the facts of the wanted kinds that `accept` takes, each with its
 * position (`base` + its index in the document). `accept` sees one reused object, so the facts it
 * turns down (most of them, in a search) cost no allocation.
 */
export function decodeFacts(
  json: string,
  base: number,
  want: (kind: Fact['kind']) => boolean = () => true,
  accept?: (f: FactTexts) => boolean,
): Array<{ position: number; fields: FactFields }> {
  const doc = JSON.parse(json) as Part;
  const out: Array<{ position: number; fields: FactFields }> = [];
  const probe: FactTexts = { sentence: '', counted: null, countedKey: null, event: null };
  doc.f.forEach((row, index) => {
    if (!want(row[0])) return;
    if (accept) {
      probe.sentence = doc.s[row[1]] ?? '';
      probe.counted = text(row[8]);
      probe.countedKey = text(row[9]);
      probe.event = text(row[10]);
      if (!accept(probe)) return;
    }
    out.push({ position: base + index, fields: fieldsOf(doc, row) });
  });
  return out;
}
