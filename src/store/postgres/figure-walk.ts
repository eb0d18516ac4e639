import { keptFigures, withArticles, type FactArticleRow, type FactRow, type FigureFilter } from '../facts.ts';

/** A match with what an answer cites it by, and its figures document once someone asked for it (null: it has none). */
export interface MatchRow extends FactArticleRow {
  /** Its headline alone matches the query searched for. */
  title_hit: boolean;
  /** Undefined until asked for. */
  figures: string | null | undefined;
}

/** As on SQLite (tenant-search.ts): an answer reads at most this many of the tenant's matching articles for figures. */
export const FIGURE_WALK_DOCS = 400;
/**
 * Figures documents come with the matches for the newest this many, and the rest a batch at a
 * time only when those did not give enough figures: reading documents is most of what an answer
 * costs the server, and most answers have their figures from the first hundred or so articles.
 */
export const FIRST_DOCS = 128;

/** How many documents a walk that has read `read` of them and kept `kept` figures will read in all to keep `limit`, at the rate so far. */
const expectedDocs = (read: number, kept: number, limit: number): number => read + ((limit - kept) * read) / kept;

/**
 * How many more figures documents a walk that has read `read` of them and kept `kept` figures of
 * the `limit` it wants should ask for: as many as the rate so far says it needs, and half as many
 * again. A document too many costs the server a read; one too few costs another round trip, which
 * on a busy machine waits twice for a CPU, so broad topics (2 or 3 batches with a fixed doubling
 * size) now mostly take one.
 */
export function moreDocs(read: number, kept: number, limit: number): number {
  if (read === 0) return FIRST_DOCS;
  if (kept === 0) return FIGURE_WALK_DOCS;
  return Math.max(32, Math.ceil(1.5 * (expectedDocs(read, kept, limit) - read)));
}

/**
 * The figures `filter` takes from the matches' documents, newest first, until `limit`: the rows
 * SQLite's walk gives. Documents the matches came without are asked for through `fill`, and from
 * halfway through those at hand, as soon as the rate of figures so far says the walk will need
 * more: they then arrive while the walk reads the rest, instead of after.
 */
export async function walkFigures(found: readonly MatchRow[], limit: number, filter: FigureFilter, fill: (rows: readonly MatchRow[]) => Promise<void>): Promise<FactRow[]> {
  // The rest of the answer acts on the same matches first: /summary then asks for its articles'
  // facts, and the server reads them while this walk runs, instead of after it (5 to 10 ms).
  await new Promise<void>((resolve) => setImmediate(resolve));
  const out: FactRow[] = [];
  let asked = found.findIndex((m) => m.figures === undefined);
  if (asked < 0) asked = found.length;
  let next: Promise<void> | undefined;
  const ask = (from: number, to: number): Promise<void> => {
    asked = Math.max(asked, to);
    return fill(found.slice(from, to));
  };
  try {
    for (let i = 0; i < found.length && out.length < limit; i++) {
      if (!next && asked < found.length && i >= asked / 2 && out.length > 0 && expectedDocs(i, out.length, limit) > asked) {
        next = ask(asked, i + moreDocs(i, out.length, limit));
      }
      if (found[i]!.figures === undefined && next) {
        await next;
        next = undefined;
      }
      if (found[i]!.figures === undefined) await ask(i, i + moreDocs(i, out.length, limit));
      const m = found[i]!;
      out.push(...withArticles(keptFigures([{ article_id: m.article_id, figures: m.figures ?? null }], filter), [m]));
    }
  } finally {
    // Asked for and then not needed: its failure must not go unhandled.
    next?.catch(() => undefined);
  }
  return out.slice(0, limit);
}
