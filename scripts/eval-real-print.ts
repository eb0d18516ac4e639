/** Prints a real-news split's scores: totals against the targets, a row per section, and misses. */
import type { RealReport, RealScores, REAL_TARGETS } from './eval-real.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const mark = (ok: boolean) => (ok ? '' : '  below target');

export function printReal(r: RealReport, t: (typeof REAL_TARGETS)['dev'], details: boolean): void {
  const s = r.total;
  console.log(`\n== Real news, ${r.split} split: ${s.articles} BBC articles ==`);
  const v = s.values;
  console.log(`Figure values        P ${pct(v.precision)}  R ${pct(v.recall)}  F1 ${pct(v.f1)}   (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})${mark(v.f1 >= t.valueF1)}`);
  const target: Record<string, number> = { unit: t.unit, counted: t.counted, change: t.change, attribution: t.attribution };
  console.log('Field accuracy among matched figures:');
  for (const [field, acc] of Object.entries(s.fields)) {
    const goal = target[field];
    console.log(`  ${field.padEnd(20)} ${pct(acc.accuracy)}   (${acc.correct}/${acc.total})${goal === undefined ? '' : mark(acc.accuracy >= goal)}`);
  }
  console.log(`False figures (names, labels, years, times, dates): ${s.falseFigures}, ${s.falseFiguresPer10.toFixed(2)} per 10 articles${mark(s.falseFiguresPer10 <= t.falsePer10)}`);
  console.log('By section:            articles   F1   unit  counted  change  attrib  false/10');
  for (const [name, x] of Object.entries(r.bySection)) console.log(sectionRow(name, x));
  if (!details) return;
  for (const a of r.perArticle) {
    if (a.missed.length + a.spurious.length + a.fieldMisses.length === 0) continue;
    console.log(`\n${a.file}  F1 ${pct(a.scores.values.f1).trim()}`);
    if (a.missed.length) console.log(`  missed:   ${a.missed.join(' | ')}`);
    if (a.spurious.length) console.log(`  spurious: ${a.spurious.join(' | ')}`);
    for (const m of a.fieldMisses) console.log(`  ${m.raw} — ${m.field}: gold ${JSON.stringify(m.gold)}, got ${JSON.stringify(m.pred)}`);
  }
}

function sectionRow(name: string, x: RealScores): string {
  const f = x.fields;
  return `  ${name.padEnd(20)} ${String(x.articles).padStart(5)} ${pct(x.values.f1)}${pct(f.unit.accuracy)}${pct(f.counted.accuracy)}${pct(f.change.accuracy)}${pct(f.attribution.accuracy)}   ${x.falseFiguresPer10.toFixed(2)}`;
}
