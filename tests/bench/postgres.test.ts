import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../bench/server.ts';
import { corpusSpec, indexRange, knownAnswers, topicQueries } from '../../bench/corpus.ts';
import { pgIngestAndAnswers, type PgIngestAndAnswers } from '../../bench/postgres.ts';
import { renderPostgres } from '../../bench/report-postgres.ts';
import type { Results } from '../../bench/report.ts';
import { describePg, PG_URL } from '../helpers/postgres.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSources, benchServices } from '../../bench/ingest.ts';
import { buildStore } from '../../bench/build.ts';
import { pgAnswersFromSqlite } from '../../bench/pg-answers.ts';

const spec = corpusSpec(200);

describePg('bench --postgres at 200 articles', () => {
  let server: FeedServer;
  let run: PgIngestAndAnswers;

  beforeAll(async () => {
    server = await startFeedServer(spec);
    const known = knownAnswers([{ spec, indexes: indexRange(0, spec.articles) }], topicQueries().slice(0, 3));
    run = await pgIngestAndAnswers({ server: PG_URL!, serverUrl: server.url, sources: spec.sources, topics: topicQueries().slice(0, 3), total: 3, known });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('ingests every article over HTTP into PostgreSQL and answers the known figures right', () => {
    expect(run.ingest.errors).toEqual([]);
    expect(run.ingest.added).toBe(200);
    expect(run.articles).toBe(200);
    expect(run.unchanged.added).toBe(0);
    expect(run.answers.filter((a) => !a.ok)).toEqual([]);
    expect(run.latency.figures.n).toBe(3);
  });

  it('prints PostgreSQL beside SQLite, saying what it has not measured', () => {
    const sqlite = {
      ingest: { endToEnd: { articlesPerSecond: 150, cpuSeconds: 1.5 } },
      polling: { unchanged: { wallSeconds: 0.3 } },
      answers: [{ latency: { figures: { p99: 12 }, summary: { p99: 20 } }, checks: [{ ok: true }] }],
    } as unknown as Results;
    const text = renderPostgres(sqlite, run);
    expect(text).toMatch(/ingest end to end, articles\/s +150\.0 +\d+\.\d/);
    expect(text).toMatch(/poll cycle of 10,000 feeds by 3 processes +n\/a +not measured yet/);
    expect(text).toMatch(/answers at 100k articles +see above +not measured/);
  });

  it('answers the known figures right on a store the bench built and copied into PostgreSQL, and prints them beside SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factfeed-bench-copy-'));
    try {
      const services = benchServices(join(dir, 'built.db'));
      addSources(services, Array.from({ length: spec.sources }, (_, s) => `http://127.0.0.1:9/feeds/${s}.xml`));
      await buildStore(services, spec, 0, spec.articles, 0);
      services.store.close();
      const known = knownAnswers([{ spec, indexes: indexRange(0, spec.articles) }], topicQueries().slice(0, 3));
      const big = await pgAnswersFromSqlite({ server: PG_URL!, dbPath: join(dir, 'built.db'), topics: topicQueries().slice(0, 3), total: 3, known });
      expect(big.articles).toBe(200);
      expect(big.answers.filter((a) => !a.ok)).toEqual([]);
      const sqlite = {
        ingest: { endToEnd: { articlesPerSecond: 150, cpuSeconds: 1.5 } },
        polling: { unchanged: { wallSeconds: 0.3 } },
        answers: [{ articles: 200, latency: { figures: { p50: 5, p99: 12 }, summary: { p50: 6, p99: 20 } }, checks: [{ ok: true }] }],
      } as unknown as Results;
      expect(renderPostgres(sqlite, run, big)).toMatch(/\/figures p50 \/ p99 at 200 articles, ms +5\.0 \/ 12\.0 +\d+\.\d \/ \d+\.\d/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
