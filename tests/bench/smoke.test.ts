import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleAt, articleText, corpusSpec, feedItems, indexRange, knownAnswers, newItemIndexes, topicQueries } from '../../bench/corpus.ts';
import { startFeedServer, type FeedServer } from '../../bench/server.ts';
import { addSources, benchServices, databaseBytes, pollCycle, type PollMeasure } from '../../bench/ingest.ts';
import { checkAnswers, measureQueries } from '../../bench/queries.ts';
import { stageBreakdown } from '../../bench/breakdown.ts';
import { MB, latency } from '../../bench/stats.ts';
import { renderResults, targetsOf, type Results } from '../../bench/report.ts';
import type { Services } from '../../src/services.ts';
import type { SqliteStore } from '../../src/store/index.ts';

// A few hundred articles through the real server, fetcher, parser, extractor, store and commands:
// the benchmark at a size that runs inside `npm test`, so it cannot rot. No timing assertions.
const spec = corpusSpec(200);

describe('bench corpus', () => {
  it('rebuilds the same article from the same seed and index, and a different one from another seed', () => {
    expect(articleAt(spec, 17)).toEqual(articleAt(spec, 17));
    expect(articleText(articleAt({ ...spec, seed: 7 }, 17))).not.toBe(articleText(articleAt(spec, 17)));
  });

  it('writes articles of 600 to 900-odd words that report their topic figure in the first paragraph', () => {
    for (const i of [0, 50, 199]) {
      const a = articleAt(spec, i);
      expect(a.words).toBeGreaterThanOrEqual(600);
      expect(a.words).toBeLessThan(1000);
      expect(a.paragraphs[0]).toContain(/\d[\d,.]*/.exec(a.lead.raw)![0]);
    }
  });

  it('spreads articles over the sources and gives each later generation one newer item', () => {
    expect(feedItems(spec, 3, 0)).toEqual([3, 23, 43, 63, 83, 103, 123, 143, 163, 183]);
    expect(feedItems(spec, 3, 2).slice(-2)).toEqual([203, 223]);
  });

  it('takes the known answer from the most recently published stored article, across specs and past the corpus', () => {
    const topic = topicQueries()[0]!;
    const inCorpus = knownAnswers([{ spec, indexes: indexRange(0, spec.articles) }], [topic]);
    expect(inCorpus).toHaveLength(2);
    expect(inCorpus[0]!.articleIndex).toBeLessThan(spec.articles);
    // A store topped up past the corpus holds newer articles; the answer must come from them.
    const toppedUp = knownAnswers([{ spec, indexes: indexRange(0, spec.articles + 100) }], [topic]);
    expect(toppedUp[0]!.articleIndex).toBeGreaterThanOrEqual(spec.articles);
    // A larger spec spreads the same span over more articles, so its article 300 is older than this one's 199.
    const big = corpusSpec(2000);
    const mixed = knownAnswers([{ spec, indexes: indexRange(0, spec.articles) }, { spec: big, indexes: indexRange(0, 300) }], [topic]);
    expect(mixed[0]!.articleIndex).toBe(inCorpus[0]!.articleIndex);
    expect(newItemIndexes(spec, 0.1)).toEqual([200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300, 310, 320, 330, 340, 350, 360, 370, 380, 390].slice(0, spec.sources / 10));
  });
});

describe('bench run at 200 articles', () => {
  let server: FeedServer;
  let services: Services<SqliteStore>;
  let dir: string;
  let first: PollMeasure;

  beforeAll(async () => {
    server = await startFeedServer(spec);
    dir = mkdtempSync(join(tmpdir(), 'factfeed-bench-test-'));
    services = benchServices(join(dir, 'bench.db'));
    addSources(services, Array.from({ length: spec.sources }, (_, s) => server.feedUrl(s)));
    first = await pollCycle(services);
  }, 60_000);

  afterAll(async () => {
    services?.store.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ingests every article over loopback HTTP without errors', () => {
    expect(first.errors).toEqual([]);
    expect(first.added).toBe(200);
    expect(first.peakRssBytes).toBeGreaterThan(0);
  });

  it('answers /figures and /summary with the figure the newest article on each known topic reports', async () => {
    const checks = await checkAnswers(services, knownAnswers([{ spec, indexes: indexRange(0, spec.articles) }], ['prisoners', 'casualties', 'kursk']));
    expect(checks).toHaveLength(6);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('gets 304s for every unchanged feed, then new items from the tenth of feeds that changed', async () => {
    const unchanged = await pollCycle(services);
    expect(unchanged).toMatchObject({ sources: 20, notModified: 20, added: 0, errors: [] });
    expect(server.addNewItems(0.1)).toBe(2);
    const withNew = await pollCycle(services);
    expect(withNew).toMatchObject({ notModified: 18, added: 2, errors: [] });
  });

  it('measures query latency with ordered percentiles and answers for every topic', async () => {
    const q = await measureQueries(services, topicQueries(), 20);
    for (const l of [q.figures, q.summary]) {
      expect(l.n).toBe(20);
      expect(l.p50).toBeLessThanOrEqual(l.p95);
      expect(l.p95).toBeLessThanOrEqual(l.p99);
    }
    expect(q.empty).toBe(0);
  });

  it('reports results as tables with a PASS or FAIL line per target', async () => {
    const stages = await stageBreakdown(spec, 10);
    expect(stages.extract.articles).toBe(10);
    expect(stages.factsPerArticle).toBeGreaterThan(5);
    const dbBytes = databaseBytes(services);
    const articles = services.store.articles.countForTenant('local');
    const lat = { figures: latency([1, 2, 3]), summary: latency([2, 3, 4]), empty: 0 };
    const partial: Omit<Results, 'targets' | 'totalSeconds'> = {
      generatedAt: 'now',
      command: 'test',
      machine: { cpus: 2, cpuModel: 'test', node: process.version, platform: 'test', loadAverageAtStart: [0, 0, 0] },
      corpus: { articles: 200, sources: 20, seed: spec.seed, itemsPerFeed: 10 },
      ingest: { endToEnd: { ...first, peakRssBytes: 100 * MB, articles: 200, articlesPerSecond: 300, articlesPerCpuSecond: 300, cpuMsPerArticle: 3 }, stages },
      answers: [{ articles, latency: lat, checks: [], steadyRssBytes: 1 }],
      polling: { unchanged: { ...first, wallSeconds: 6 }, withNew: { ...first, changedFeeds: 2 } },
      storage: [{ articles, facts: 1, dbBytes, bytesPerArticle: dbBytes / articles }],
    };
    const targets = targetsOf(partial);
    expect(targets.map((t) => t.pass)).toEqual([true, true, true, false, true, dbBytes / articles <= 20 * 1024, true]);
    const text = renderResults({ ...partial, targets, totalSeconds: 1 });
    expect(text).toMatch(/\/summary p99 at \d+ articles +≤ 50 ms +4\.0 ms +PASS/);
    expect(text).toContain('1. Ingest');
  });
});
