/**
 * `npm run eval`: scores the extractor and /figures against the hand-annotated gold set (tests/gold)
 * and writes tests/gold/results.json. `--details` also prints each article's misses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFacts } from '../src/extract/index.ts';
import type { Accuracy, PRF } from './eval-lib.ts';
import { evaluateExtraction, GOLD_DIR, loadGoldArticles, loadGoldQueries, type ExtractionReport } from './eval-data.ts';
import { evaluateQueries, type QueryOutcome } from './eval-queries.ts';
import { evaluateReal, haveCorpus, loadRealGold, REAL_TARGETS, type RealReport, type Split } from './eval-real.ts';
import { printReal } from './eval-real-print.ts';

/** What the project must eventually reach on this gold set. */
const TARGETS = { figureF1: 0.95, fieldAccuracy: 0.9, precisionAt10: 0.9 };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const prfLine = (name: string, s: PRF) =>
  `${name.padEnd(22)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
const accLine = (name: string, a: Accuracy, target?: number) =>
  `  ${name.padEnd(20)} ${pct(a.accuracy)}   (${a.correct}/${a.total})${target !== undefined && a.accuracy < target ? `  below target ${pct(target).trim()}` : ''}`;

function printExtraction(r: ExtractionReport, details: boolean): void {
  console.log(`Gold set: ${r.articles} articles\n`);
  console.log(prfLine('Figure values', r.figures.values) + (r.figures.values.f1 < TARGETS.figureF1 ? `  below target ${pct(TARGETS.figureF1).trim()}` : ''));
  console.log(`  spurious figures the gold set lists as not-figures: ${r.notFigureHits}`);
  console.log('Field accuracy among matched figures:');
  for (const [field, acc] of Object.entries(r.figures.fields)) {
    const target = ['counted', 'date', 'attribution'].includes(field) ? TARGETS.fieldAccuracy : undefined;
    console.log(accLine(field, acc, target));
  }
  console.log(prfLine('Quotes', r.quotes.quotes));
  console.log(accLine('speaker', r.quotes.speaker));
  console.log(prfLine('Claims', r.claims.claims));
  console.log(accLine('stance', r.claims.stance));
  if (!details) return;
  for (const a of r.perArticle) {
    if (a.missed.length + a.spurious.length + a.fieldMisses.length === 0) continue;
    console.log(`\n${a.id}  figures F1 ${pct(a.figures.f1).trim()}`);
    if (a.missed.length) console.log(`  missed:   ${a.missed.join(' | ')}`);
    if (a.spurious.length) console.log(`  spurious: ${a.spurious.join(' | ')}`);
    for (const m of a.fieldMisses) console.log(`  ${m.raw} — ${m.field}: gold ${JSON.stringify(m.gold)}, got ${JSON.stringify(m.pred)}`);
  }
}

function printQueries(q: QueryOutcome): void {
  console.log('');
  if ('skipped' in q) {
    console.log(`Query eval skipped: ${q.skipped}`);
    return;
  }
  console.log('Queries (/figures <topic>, top 10):');
  for (const s of q.queries) {
    console.log(`  ${s.topic.padEnd(16)} P@10 ${pct(s.precisionAt10)}  must ${s.mustFound}  returned ${s.returned}  errors ${s.errors}  mustNot hits ${s.mustNotHits}`);
  }
  const below = q.meanPrecisionAt10 < TARGETS.precisionAt10 ? `  below target ${pct(TARGETS.precisionAt10).trim()}` : '';
  console.log(`Mean precision@10 ${pct(q.meanPrecisionAt10)}${below}   mean must-recall ${pct(q.meanMustRecall)}`);
}

// `--dev` scores only the real-news development split (what a rule is tuned against); `--details`
// lists misses, for tests/gold and the development split only: the held-out split is for reporting.
const details = process.argv.includes('--details');
const devOnly = process.argv.includes('--dev');
let extraction: ReturnType<typeof evaluateExtraction> | undefined;
let queries: QueryOutcome | undefined;
if (!devOnly) {
  console.log('== tests/gold (our own articles) ==');
  const articles = loadGoldArticles();
  extraction = evaluateExtraction(articles, extractFacts);
  printExtraction(extraction, details);
  queries = await evaluateQueries(articles, loadGoldQueries());
  printQueries(queries);
}

const real: Partial<Record<Split, RealReport>> = {};
if (!haveCorpus()) console.log('\nReal-news gold skipped: ../shared/corpora/bbc is absent.');
else {
  for (const split of devOnly ? (['dev'] as const) : (['dev', 'heldout'] as const)) {
    real[split] = evaluateReal(split, loadRealGold(split), extractFacts);
    printReal(real[split], REAL_TARGETS[split], details && split === 'dev');
  }
}

if (!devOnly) {
  const out = join(GOLD_DIR, 'results.json');
  const compact = (r: RealReport | undefined) => r && { total: r.total, bySection: r.bySection };
  writeFileSync(out, JSON.stringify({ targets: TARGETS, extraction, queries, realNews: { dev: compact(real.dev), heldout: compact(real.heldout) } }, null, 2) + '\n');
  console.log(`\nResults written to ${out}`);
}
