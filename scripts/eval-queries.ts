/**
 * Runs the gold /figures queries: every gold article is ingested (through the real pipeline, extractor
 * and SQLite store) into a fresh in-memory store, then each query asks findFigures for its top 10.
 * Skipped with a reason when the query or ingest modules are not there yet.
 */
import type { FeedItem, Fetcher } from '../src/ingest/types.ts';
import type * as FiguresModule from '../src/query/figures.ts';
import type * as StoreModule from '../src/store/index.ts';
import type * as PipelineModule from '../src/ingest/pipeline.ts';
import type * as LogModule from '../src/log.ts';
import type { GoldArticle } from './eval-lib.ts';
import { scoreQuery, type GoldQuery, type QueryScore } from './eval-text.ts';

export interface QueryReport {
  queries: QueryScore[];
  meanPrecisionAt10: number;
  meanMustRecall: number;
}

export type QueryOutcome = { skipped: string } | QueryReport;

async function load<T>(path: string): Promise<T | string> {
  try {
    return (await import(path)) as T;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_MODULE_NOT_FOUND') return `${path} is missing (${e.message.split('\n')[0]})`;
    throw err;
  }
}

const noFetch: Fetcher = (url) => Promise.reject(new Error(`the gold eval never fetches (${url})`));

export async function evaluateQueries(articles: readonly GoldArticle[], queries: readonly GoldQuery[]): Promise<QueryOutcome> {
  type Modules = [typeof FiguresModule, typeof StoreModule, typeof PipelineModule, typeof LogModule];
  const loaded = await Promise.all(['../src/query/figures.ts', '../src/store/index.ts', '../src/ingest/pipeline.ts', '../src/log.ts'].map((p) => load<Modules[number]>(p)));
  const missing = loaded.find((m): m is string => typeof m === 'string');
  if (missing !== undefined) return { skipped: missing };
  const [figures, storeMod, pipeline, log] = loaded as Modules;

  const store = storeMod.openStore(':memory:');
  try {
    const now = new Date('2026-01-01T00:00:00Z');
    const deps = { store, clock: { now: () => now }, log: log.silentLogger, fetch: noFetch, onNewArticle: () => {} };
    const sources = new Map<string, ReturnType<typeof store.sources.add>>();
    const idByUrl = new Map<string, string>();
    for (const a of articles) {
      let source = sources.get(a.source);
      if (!source) {
        const slug = a.source.toLowerCase().replace(/[^a-z0-9]+/g, '-');
        source = store.sources.add({ tenant: 'local', url: `https://gold.example.org/feeds/${slug}.xml`, kind: 'url', title: a.source }, now);
        sources.set(a.source, source);
      }
      const item: FeedItem = { guid: a.id, link: a.url, title: a.title, published: new Date(a.published), text: a.text, isTeaser: false };
      pipeline.storeItem(deps, store.feeds.get(source.feedId)!, item);
      idByUrl.set(a.url, a.id);
    }
    const scores = queries.map((q) => {
      const points = figures.findFigures(store, { tenant: 'local', topic: q.topic, limit: 10 });
      return scoreQuery(
        q,
        points.map((p) => ({ article: (p.article.url && idByUrl.get(p.article.url)) ?? null, value: p.value, previous: p.previous ?? undefined })),
      );
    });
    const mean = (f: (s: QueryScore) => number) => (scores.length === 0 ? 1 : scores.reduce((n, s) => n + f(s), 0) / scores.length);
    return { queries: scores, meanPrecisionAt10: mean((s) => s.precisionAt10), meanMustRecall: mean((s) => s.mustRecall) };
  } finally {
    store.close();
  }
}
