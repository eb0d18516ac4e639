import type { Results } from './report.ts';
import type { PgIngestAndAnswers } from './postgres.ts';

const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');

/**
 * SQLite and PostgreSQL side by side: the same corpus ingested over HTTP, then the same answers at
 * that size. The 100k-article answers and the poll cycle shared by three processes are not measured
 * on PostgreSQL yet, and the table says so rather than leave them out silently.
 */
export function renderPostgres(r: Results, pg: PgIngestAndAnswers): string {
  const sqliteAnswers = r.answers[0];
  const rate = (m: { added: number; wallSeconds: number }): number => m.added / m.wallSeconds;
  const rows: Array<[string, string, string]> = [
    ['ingest end to end, articles/s', f1(r.ingest.endToEnd.articlesPerSecond), f1(rate(pg.ingest))],
    ['ingest CPU s (bot process)', f1(r.ingest.endToEnd.cpuSeconds), f1(pg.ingest.cpuSeconds)],
    ['unchanged poll cycle, s', f1(r.polling.unchanged.wallSeconds), f1(pg.unchanged.wallSeconds)],
    [`/figures p99 at ${pg.articles.toLocaleString('en-US')} articles, ms`, f1(sqliteAnswers?.latency.figures.p99 ?? Number.NaN), f1(pg.latency.figures.p99)],
    [`/summary p99 at ${pg.articles.toLocaleString('en-US')} articles, ms`, f1(sqliteAnswers?.latency.summary.p99 ?? Number.NaN), f1(pg.latency.summary.p99)],
    ['known answers right', `${sqliteAnswers?.checks.filter((c) => c.ok).length ?? 0}/${sqliteAnswers?.checks.length ?? 0}`, `${pg.answers.filter((c) => c.ok).length}/${pg.answers.length}`],
    ['answers p99 at 100k articles', 'see above', 'not measured yet'],
    ['poll cycle of 10,000 feeds by 3 processes', 'n/a', 'not measured yet'],
  ];
  const width = (i: number): number => Math.max(...rows.map((row) => row[i]!.length), ['', 'SQLite', 'PostgreSQL'][i]!.length);
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(width(0)) : c.padStart(width(i)))).join('  ');
  return ['\nSQLite and PostgreSQL, the same corpus', line(['', 'SQLite', 'PostgreSQL']), ...rows.map(line)].join('\n');
}
