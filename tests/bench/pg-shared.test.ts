import { beforeAll, expect, it } from 'vitest';
import { pgSharedPhase, type PgShared } from '../../bench/pg-shared.ts';
import { pollOnceHeld, renderPgShared } from '../../bench/report-pg-shared.ts';
import { renderPostgres } from '../../bench/report-postgres.ts';
import type { Results } from '../../bench/report.ts';
import type { PgIngestAndAnswers } from '../../bench/postgres.ts';
import { describePg, PG_URL } from '../helpers/postgres.ts';

const FEEDS = 60;

describePg(`bench --postgres: a poll cycle of ${FEEDS} feeds shared by 3 bot processes, then by 1`, () => {
  let run: PgShared;

  beforeAll(async () => {
    run = await pgSharedPhase({ pgServer: PG_URL!, feeds: FEEDS, concurrency: 4 });
  }, 180_000);

  it('polls each feed exactly once across the three processes, and each stores its article once', () => {
    const r = run.three;
    expect(r.perProcess).toHaveLength(3);
    expect(r.perProcess.flatMap((p) => p.errors)).toEqual([]);
    expect(r.perProcess.reduce((n, p) => n + p.polled, 0)).toBe(FEEDS);
    expect(r.polledTwice).toBe(0);
    expect(r.feedsPolled).toBe(FEEDS);
    expect(r.fetches).toEqual({ total: FEEDS, feeds: FEEDS, repeated: [], repeatedFeeds: 0 });
    expect(r.stored).toEqual({ articles: FEEDS, distinct: FEEDS, feedsMarkedPolled: FEEDS });
    expect(r.perProcess.reduce((n, p) => n + p.added, 0)).toBe(FEEDS);
    expect(pollOnceHeld(r)).toBe(true);
  });

  it('shares the work: more than one process polled feeds', () => {
    expect(run.three.perProcess.filter((p) => p.polled > 0).length).toBeGreaterThan(1);
  });

  it('polls the same corpus with one process, once each, and compares the rates', () => {
    const r = run.one;
    expect(r.perProcess).toHaveLength(1);
    expect(r.perProcess[0]!.polled).toBe(FEEDS);
    expect(r.fetches.total).toBe(FEEDS);
    expect(pollOnceHeld(r)).toBe(true);
    expect(run.ratio).toBeCloseTo(run.three.articlesPerSecond / run.one.articlesPerSecond, 10);
    for (const x of [run.three, run.one]) {
      expect(x.wallSeconds).toBeGreaterThan(0);
      expect(x.articlesPerSecond).toBeCloseTo(FEEDS / x.wallSeconds, 6);
      for (const p of x.perProcess) expect(p.cpuSeconds).toBeGreaterThan(0);
    }
  });

  it('reports wall time, shares, fetches and the ratio, and puts the cycle beside SQLite', () => {
    const text = renderPgShared(run);
    expect(text).toMatch(new RegExp(`Poll cycle of ${FEEDS} feeds`));
    expect(text).toMatch(/^3 +\d+\.\d +\d+\.\d +\d+ \/ \d+ \/ \d+ +60 \(60 feeds\) +0 +60 /m);
    expect(text).toMatch(/^1 +\d+\.\d +\d+\.\d +60 +60 \(60 feeds\) +0 +60 /m);
    expect(text).toMatch(/3 processes \/ 1: \d+\.\d\dx the articles\/s \((meets|misses) the target of 2x\); every feed polled exactly once\./);
    const sqlite = {
      ingest: { endToEnd: { articlesPerSecond: 150, cpuSeconds: 1.5 } },
      polling: { unchanged: { wallSeconds: 0.3 } },
      answers: [{ latency: { figures: { p99: 12 }, summary: { p99: 20 } }, checks: [{ ok: true }] }],
    } as unknown as Results;
    const pg = { ingest: { added: 10, wallSeconds: 1, cpuSeconds: 1 }, unchanged: { wallSeconds: 0.1 }, articles: 10, answers: [], latency: { figures: { p99: 1 }, summary: { p99: 1 } } } as unknown as PgIngestAndAnswers;
    expect(renderPostgres(sqlite, pg, undefined, run)).toMatch(/poll cycle of 60 feeds by 3 processes, s +n\/a +\d+\.\d \(1 process: \d+\.\d; \d\.\d\dx the articles\/s\)/);
  });

  it('fails the each-feed-once check when a feed was fetched twice', () => {
    const twice = { ...run.three, fetches: { ...run.three.fetches, total: FEEDS + 1, repeated: [{ feed: 3, times: 2 }], repeatedFeeds: 1 } };
    expect(pollOnceHeld(twice)).toBe(false);
    expect(renderPgShared({ ...run, three: twice })).toMatch(/NOT every feed polled exactly once/);
  });
});
