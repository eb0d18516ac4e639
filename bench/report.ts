import type { StageMeasure } from './breakdown.ts';
import type { BuildMeasure } from './build.ts';
import type { PollMeasure } from './ingest.ts';
import type { AnswerCheck, QueryLatency } from './queries.ts';
import type { SharedAnswers, SharedMeasure } from './shared.ts';
import { MB, fixed, table } from './stats.ts';

/** Everything one run measured; written to bench/results.json and printed as tables. */
export interface Results {
  generatedAt: string;
  command: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverageAtStart: number[] };
  corpus: { articles: number; sources: number; seed: number; itemsPerFeed: number };
  ingest: {
    endToEnd: PollMeasure & { articles: number; articlesPerSecond: number; articlesPerCpuSecond: number; cpuMsPerArticle: number };
    stages: { parse: StageMeasure; extract: StageMeasure; store: StageMeasure; factsPerArticle: number };
    build100k?: BuildMeasure & { articlesPerSecond: number };
    /** More articles stored one at a time (extraction in the same thread, as the bot does) into the 100k store. */
    topUp?: BuildMeasure & { articlesPerSecond: number };
  };
  answers: { articles: number; latency: QueryLatency; checks: AnswerCheck[]; steadyRssBytes: number }[];
  polling: { unchanged: PollMeasure; withNew: PollMeasure & { changedFeeds: number } };
  storage: { articles: number; facts: number; dbBytes: number; bytesPerArticle: number }[];
  /** Many servers following overlapping feeds: polling cost and answers for a random server. */
  shared?: { poll: SharedMeasure; answers: SharedAnswers };
  targets: Target[];
  totalSeconds: number;
}

export interface Target {
  name: string;
  goal: string;
  actual: string;
  pass: boolean;
}

const mb = (b: number): string => `${fixed(b / MB, 0)} MB`;
const ms = (v: number): string => fixed(v, 1);

export function targetsOf(r: Omit<Results, 'targets' | 'totalSeconds'>): Target[] {
  const e2e = r.ingest.endToEnd;
  const big = r.answers.at(-1);
  const at = big ? ` at ${big.articles.toLocaleString('en-US')} articles` : '';
  const top = r.ingest.topUp;
  // The bot's own single-threaded ingest: into the 100k store when there is one, else the HTTP ingest.
  const peak = Math.max(e2e.peakRssBytes, top?.peakRssBytes ?? 0);
  const peakWhat = top ? `ingesting over HTTP and into the ${r.storage.at(-1)?.articles.toLocaleString('en-US')}-article store` : `ingesting ${e2e.articles.toLocaleString('en-US')} over HTTP`;
  const perArticle = r.storage.at(-1)?.bytesPerArticle ?? Number.NaN;
  return [
    { name: 'ingest, end to end (wall clock, one process)', goal: '≥ 200 articles/s', actual: `${fixed(e2e.articlesPerSecond)} articles/s (${fixed(e2e.articlesPerCpuSecond)} per CPU-second)`, pass: e2e.articlesPerSecond >= 200 },
    { name: `/figures p99${at}`, goal: '≤ 50 ms', actual: `${ms(big?.latency.figures.p99 ?? Number.NaN)} ms`, pass: (big?.latency.figures.p99 ?? Infinity) <= 50 },
    { name: `/summary p99${at}`, goal: '≤ 50 ms', actual: `${ms(big?.latency.summary.p99 ?? Number.NaN)} ms`, pass: (big?.latency.summary.p99 ?? Infinity) <= 50 },
    { name: `poll cycle, ${r.polling.unchanged.sources} unchanged sources`, goal: '≤ 5 s', actual: `${fixed(r.polling.unchanged.wallSeconds, 2)} s`, pass: r.polling.unchanged.wallSeconds <= 5 && r.polling.unchanged.errors.length === 0 },
    { name: `peak RSS ${peakWhat}`, goal: '≤ 300 MB', actual: mb(peak), pass: peak <= 300 * MB },
    { name: 'store size per article', goal: '≤ 20 KB', actual: `${fixed(perArticle / 1024)} KB`, pass: perArticle <= 20 * 1024 },
    ...sharedTargets(r.shared),
    { name: 'known answers', goal: 'all found', actual: `${r.answers.flatMap((a) => a.checks).filter((c) => c.ok).length}/${r.answers.flatMap((a) => a.checks).length}`, pass: r.answers.every((a) => a.checks.every((c) => c.ok)) },
  ];
}

function sharedTargets(shared: Results['shared']): Target[] {
  if (!shared) return [];
  const { poll, answers } = shared;
  const cycles = poll.cycles.slice(1);
  const at = `${answers.servers.toLocaleString('en-US')} servers, ${answers.articles.toLocaleString('en-US')} articles`;
  return [
    {
      name: `shared feeds: fetches per poll cycle (${poll.follows.toLocaleString('en-US')} follows of ${poll.feeds} feeds)`,
      goal: `${poll.feeds} (one per feed)`,
      actual: cycles.map((c) => c.fetches).join(', '),
      pass: cycles.every((c) => c.fetches === poll.feeds && c.errors.length === 0),
    },
    { name: 'shared feeds: articles stored per new item', goal: '1', actual: fixed(poll.articlesPerNewItem, 2), pass: poll.articlesPerNewItem === 1 },
    { name: `/figures p99, random server (${at})`, goal: '≤ 50 ms', actual: `${ms(answers.figures.p99)} ms`, pass: answers.figures.p99 <= 50 },
    { name: `/summary p99, random server (${at})`, goal: '≤ 50 ms', actual: `${ms(answers.summary.p99)} ms`, pass: answers.summary.p99 <= 50 },
  ];
}

function sharedTables(shared: NonNullable<Results['shared']>): string[] {
  const { poll, answers } = shared;
  const row = (c: SharedMeasure['cycles'][number]): (string | number)[] => [c.name, c.fetches, c.notModified, c.added, c.outboxRows, fixed(c.wallSeconds, 2), fixed(c.cpuSeconds, 2), c.errors.length];
  return [
    table(
      `5. Shared feeds: ${poll.servers.toLocaleString('en-US')} servers, ${poll.follows.toLocaleString('en-US')} follows of ${poll.feeds} feeds`,
      ['cycle', 'fetches', '304s', 'new articles', 'outbox rows', 'wall s', 'CPU s', 'errors'],
      poll.cycles.map(row),
    ),
    `articles stored per new item: ${fixed(poll.articlesPerNewItem, 2)} (${poll.storedArticles.toLocaleString('en-US')} stored in all); peak RSS ${mb(poll.peakRssBytes)}`,
    table(
      `Answers for a random server (${answers.servers.toLocaleString('en-US')} servers, ${answers.follows.toLocaleString('en-US')} follows, ${answers.articles.toLocaleString('en-US')} articles), ms`,
      ['query', 'n', 'p50', 'p95', 'p99', 'max'],
      (['figures', 'summary'] as const).map((c) => [`/${c} TOPIC`, answers[c].n, ms(answers[c].p50), ms(answers[c].p95), ms(answers[c].p99), ms(answers[c].max)]),
    ),
    // A server following 20 feeds has far fewer articles to answer from, so some topics find nothing there.
    `replies without an answer (nothing on the topic in that server's feeds): ${answers.empty} of ${answers.figures.n + answers.summary.n}`,
  ];
}

const stageRow = (name: string, s: { articles: number; articlesPerSecond: number; articlesPerCpuSecond: number; cpuMsPerArticle: number }): (string | number)[] => [
  name,
  s.articles,
  fixed(s.articlesPerSecond),
  fixed(s.articlesPerCpuSecond),
  fixed(s.cpuMsPerArticle, 2),
];

export function renderResults(r: Results): string {
  const out: string[] = [];
  const { endToEnd: e2e, stages, build100k } = r.ingest;
  out.push(
    table('1. Ingest (parse → extract → store)', ['stage', 'articles', 'articles/s', 'per CPU-s', 'CPU ms/article'], [
      stageRow('end to end: 1 poll over HTTP (pollAll)', e2e),
      stageRow('feed parse only (XML + HTML→text)', stages.parse),
      stageRow('extraction only (extractFacts)', stages.extract),
      stageRow('store only (storeItem in chunks of 50, facts given)', stages.store),
      ...[build100k && ['bulk build via storeItem, extraction in threads', build100k] as const, r.ingest.topUp && ['more into the 100k store, one thread', r.ingest.topUp] as const]
        .filter((x) => !!x)
        .map(([name, b]) => stageRow(name, { ...b, articlesPerCpuSecond: b.articles / b.cpuSeconds, cpuMsPerArticle: (b.cpuSeconds * 1000) / b.articles })),
    ]),
    `facts per article: ${fixed(stages.factsPerArticle)}`,
  );
  out.push(
    table(
      '2. Answers (command dispatch → rendered text), ms',
      ['query', 'stored articles', 'n', 'p50', 'p95', 'p99', 'max'],
      r.answers.flatMap((a) =>
        (['figures', 'summary'] as const).map((c) => [`/${c} TOPIC`, a.articles, a.latency[c].n, ms(a.latency[c].p50), ms(a.latency[c].p95), ms(a.latency[c].p99), ms(a.latency[c].max)]),
      ),
    ),
  );
  const poll = (name: string, p: PollMeasure): (string | number)[] => [name, p.sources, p.notModified, p.added, fixed(p.wallSeconds, 2), fixed(p.cpuSeconds, 2), p.errors.length];
  out.push(table('3. Poll cycle over the local feed server', ['cycle', 'sources', '304s', 'new articles', 'wall s', 'CPU s', 'errors'], [poll('all unchanged', r.polling.unchanged), poll(`${r.polling.withNew.changedFeeds} feeds with a new item`, r.polling.withNew)]));
  out.push(
    table('4. Memory and storage', ['measure', 'value'], [
      [`peak RSS, HTTP ingest of ${e2e.articles.toLocaleString('en-US')} articles`, mb(e2e.peakRssBytes)],
      ...(build100k ? [[`peak RSS, bulk build (${build100k.threads} extraction threads, bench only)`, mb(build100k.peakRssBytes)]] : []),
      ...(r.ingest.topUp ? [[`peak RSS, bot ingesting into the ${r.storage.at(-1)?.articles.toLocaleString('en-US')}-article store`, mb(r.ingest.topUp.peakRssBytes)]] : []),
      ...r.answers.map((a) => [`steady RSS, bot with ${a.articles.toLocaleString('en-US')} articles after ${a.latency.figures.n * 2} queries`, mb(a.steadyRssBytes)]),
      ...r.storage.map((s) => [`DB size per 1,000 articles (${s.articles.toLocaleString('en-US')} stored, ${fixed(s.facts / s.articles)} facts each)`, `${fixed((s.bytesPerArticle * 1000) / MB, 1)} MB`]),
    ]),
  );
  if (r.shared) out.push(...sharedTables(r.shared));
  out.push(table('Known answers', ['query', 'stored', 'expected', 'result'], r.answers.flatMap((a) => a.checks.map((c) => [`${c.command} ${c.topic}`, a.articles, c.expected, c.ok ? 'ok' : `MISSING: ${c.detail}`]))));
  out.push(table('Targets', ['target', 'goal', 'actual', ''], r.targets.map((t) => [t.name, t.goal, t.actual, t.pass ? 'PASS' : 'FAIL'])));
  return out.join('\n');
}
