import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '../src/ingest/feed.ts';
import { STORE_CHUNK, storeItem } from '../src/ingest/pipeline.ts';
import { extractFacts } from '../src/extract/index.ts';
import type { Extraction } from '../src/extract/types.ts';
import type { FeedItem } from '../src/ingest/types.ts';
import { silentLogger } from '../src/log.ts';
import { openStore } from '../src/store/index.ts';
import { articleAt, articleText, type CorpusSpec } from './corpus.ts';
import { feedXml } from './server.ts';
import { cpuSeconds } from './stats.ts';

/** Wall and CPU time of one stage, per article. */
export interface StageMeasure {
  articles: number;
  articlesPerSecond: number;
  articlesPerCpuSecond: number;
  cpuMsPerArticle: number;
}

function measure(articles: number, run: () => void): StageMeasure {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds(cpu);
  return { articles, articlesPerSecond: articles / wall, articlesPerCpuSecond: articles / cpuS, cpuMsPerArticle: (cpuS * 1000) / articles };
}

export const feedItemOf = (spec: CorpusSpec, i: number): FeedItem => {
  const a = articleAt(spec, i);
  return { guid: a.guid, link: a.link, title: a.title, published: a.published, text: articleText(a), isTeaser: false };
};

/**
 * The ingest pipeline taken apart: feed parsing (XML and HTML to text), extraction alone, and
 * storing with the extraction already done, each over the same articles, so the end-to-end rate
 * can be explained stage by stage.
 */
export async function stageBreakdown(spec: CorpusSpec, count: number): Promise<{ parse: StageMeasure; extract: StageMeasure; store: StageMeasure; factsPerArticle: number }> {
  const perFeed = Math.max(1, Math.floor(spec.articles / spec.sources));
  const feeds = Math.max(1, Math.ceil(count / perFeed));
  const xml = Array.from({ length: Math.min(feeds, spec.sources) }, (_, s) => feedXml(spec, s, 0));
  let parsed = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (const doc of xml) parsed += (await parseFeed(doc, 'bench')).items.length;
  const wall = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds(cpu);
  const parse: StageMeasure = { articles: parsed, articlesPerSecond: parsed / wall, articlesPerCpuSecond: parsed / cpuS, cpuMsPerArticle: (cpuS * 1000) / parsed };

  const items = Array.from({ length: count }, (_, i) => feedItemOf(spec, i));
  const extractions: Extraction[] = [];
  const extract = measure(count, () => {
    for (const it of items) extractions.push(extractFacts({ title: it.title, text: it.text, published: it.published!, timeZone: 'UTC' }));
  });

  const dir = mkdtempSync(join(tmpdir(), 'factfeed-bench-store-'));
  const store = openStore(join(dir, 'stage.db'));
  try {
    const added = store.sources.add({ tenant: 'local', url: 'http://127.0.0.1/stage.xml', kind: 'url' }, new Date());
    const source = store.feeds.get(added.feedId)!;
    let k = 0;
    const deps = { store, clock: { now: () => new Date() }, log: silentLogger, fetch: () => Promise.reject(new Error('no fetching here')), extract: () => extractions[k]! };
    // Chunks of STORE_CHUNK items per transaction, the way pollSource stores a feed.
    const stored = measure(count, () => {
      for (k = 0; k < items.length; ) {
        const end = Math.min(items.length, k + STORE_CHUNK);
        store.tx(() => {
          for (; k < end; k++) storeItem(deps, source, items[k]!);
        });
      }
    });
    const facts = extractions.reduce((n, e) => n + e.facts.length, 0);
    return { parse, extract, store: stored, factsPerArticle: facts / count };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
