import type { PgShared, PgSharedRun } from './pg-shared.ts';
import { fixed, table } from './stats.ts';

/** True when every feed was fetched and polled exactly once, by one process, and stored its article once. */
export function pollOnceHeld(r: PgSharedRun): boolean {
  return r.polledTwice === 0 && r.feedsPolled === r.feeds && r.fetches.feeds === r.feeds && r.fetches.total === r.feeds && r.stored.articles === r.stored.distinct && r.stored.feedsMarkedPolled === r.feeds;
}

const shares = (r: PgSharedRun): string => r.perProcess.map((p) => p.polled).join(' / ');

/** The shared poll cycle on PostgreSQL: 3 processes against 1, with the each-feed-once check. */
export function renderPgShared(s: PgShared): string {
  const row = (r: PgSharedRun): Array<string | number> => [
    r.processes,
    fixed(r.wallSeconds),
    fixed(r.articlesPerSecond),
    shares(r),
    `${r.fetches.total} (${r.fetches.feeds} feeds)`,
    r.fetches.repeatedFeeds + r.polledTwice,
    r.stored.articles,
    fixed(r.perProcess.reduce((n, p) => n + p.cpuSeconds, 0)),
    r.perProcess.map((p) => `${p.emptyTicks}/${p.ticks}`).join(' '),
    r.perProcess.reduce((n, p) => n + p.errors.length, 0),
  ];
  const t = table(
    `Poll cycle of ${s.feeds.toLocaleString('en-US')} feeds on one PostgreSQL database (first poll: one article each; ${s.concurrency} fetches per process)`,
    ['processes', 'wall s', 'articles/s', 'feeds per process', 'fetches', 'polled twice', 'articles', 'bot CPU s', 'empty claims', 'errors'],
    [row(s.three), row(s.one)],
  );
  const once = pollOnceHeld(s.three) && pollOnceHeld(s.one) ? 'every feed polled exactly once' : 'NOT every feed polled exactly once';
  const target = s.ratio >= 2 ? 'meets' : 'misses';
  return `${t}\n3 processes / 1: ${fixed(s.ratio, 2)}x the articles/s (${target} the target of 2x); ${once}.`;
}
