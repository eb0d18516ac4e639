import type { Results } from './report.ts';
import type { PgIngestAndAnswers } from './postgres.ts';
import type { PgAnswers } from './pg-answers.ts';
import type { PgShared } from './pg-shared.ts';

const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');

/**
 * SQLite and PostgreSQL side by side: the same corpus ingested over HTTP, then the same answers at
 * that size, and at the big store's size when the bench built it (copied into PostgreSQL), and the
 * poll cycle shared by three processes (bench/pg-shared.ts; SQLite has one process by design). What
 * was not measured says so rather than be left out silently.
 */
export function renderPostgres(r: Results, pg: PgIngestAndAnswers, big?: PgAnswers, shared?: PgShared): string {
  const sqliteAnswers = r.answers[0];
  const sqliteBig = r.answers.find((a) => a.articles === big?.articles) ?? r.answers.at(-1);
  const at = (n: number): string => n.toLocaleString('en-US');
  const bigRows: Array<[string, string, string]> = big
    ? [
        [`/figures p50 / p99 at ${at(big.articles)} articles, ms`, `${f1(sqliteBig?.latency.figures.p50 ?? Number.NaN)} / ${f1(sqliteBig?.latency.figures.p99 ?? Number.NaN)}`, `${f1(big.latency.figures.p50)} / ${f1(big.latency.figures.p99)}`],
        [`/summary p50 / p99 at ${at(big.articles)} articles, ms`, `${f1(sqliteBig?.latency.summary.p50 ?? Number.NaN)} / ${f1(sqliteBig?.latency.summary.p99 ?? Number.NaN)}`, `${f1(big.latency.summary.p50)} / ${f1(big.latency.summary.p99)}`],
        [`known answers right at ${at(big.articles)} articles`, `${sqliteBig?.checks.filter((c) => c.ok).length ?? 0}/${sqliteBig?.checks.length ?? 0}`, `${big.answers.filter((c) => c.ok).length}/${big.answers.length}`],
      ]
    : [['answers at 100k articles', 'see above', 'not measured (no big store: --skip-100k or --quick)']];
  const rate = (m: { added: number; wallSeconds: number }): number => m.added / m.wallSeconds;
  const rows: Array<[string, string, string]> = [
    ['ingest end to end, articles/s', f1(r.ingest.endToEnd.articlesPerSecond), f1(rate(pg.ingest))],
    ['ingest CPU s (bot process)', f1(r.ingest.endToEnd.cpuSeconds), f1(pg.ingest.cpuSeconds)],
    ['unchanged poll cycle, s', f1(r.polling.unchanged.wallSeconds), f1(pg.unchanged.wallSeconds)],
    [`/figures p99 at ${pg.articles.toLocaleString('en-US')} articles, ms`, f1(sqliteAnswers?.latency.figures.p99 ?? Number.NaN), f1(pg.latency.figures.p99)],
    [`/summary p99 at ${pg.articles.toLocaleString('en-US')} articles, ms`, f1(sqliteAnswers?.latency.summary.p99 ?? Number.NaN), f1(pg.latency.summary.p99)],
    ['known answers right', `${sqliteAnswers?.checks.filter((c) => c.ok).length ?? 0}/${sqliteAnswers?.checks.length ?? 0}`, `${pg.answers.filter((c) => c.ok).length}/${pg.answers.length}`],
    ...bigRows,
    shared
      ? [`poll cycle of ${at(shared.feeds)} feeds by 3 processes, s`, 'n/a', `${f1(shared.three.wallSeconds)} (1 process: ${f1(shared.one.wallSeconds)}; ${shared.ratio.toFixed(2)}x the articles/s)`]
      : ['poll cycle of 10,000 feeds by 3 processes', 'n/a', 'not measured yet'],
  ];
  const width = (i: number): number => Math.max(...rows.map((row) => row[i]!.length), ['', 'SQLite', 'PostgreSQL'][i]!.length);
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(width(0)) : c.padStart(width(i)))).join('  ');
  return ['\nSQLite and PostgreSQL, the same corpus', line(['', 'SQLite', 'PostgreSQL']), ...rows.map(line)].join('\n');
}
