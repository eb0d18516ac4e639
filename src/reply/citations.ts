import type { Citation } from './model.ts';

export interface CitableArticle {
  id: number;
  title: string;
  url?: string | null | undefined;
  published?: string | null | undefined;
  source?: string | null | undefined;
}

/** Numbers articles in the order a reply first cites them: [1], [2], … */
export class CitationList {
  private readonly byArticle = new Map<number, Citation>();

  cite(a: CitableArticle): number {
    const known = this.byArticle.get(a.id);
    if (known) return known.n;
    const c: Citation = {
      n: this.byArticle.size + 1,
      title: a.title,
      url: a.url ?? undefined,
      source: a.source ?? undefined,
      published: a.published ? a.published.slice(0, 10) : undefined,
    };
    this.byArticle.set(a.id, c);
    return c.n;
  }

  list(): Citation[] {
    return [...this.byArticle.values()];
  }
}
