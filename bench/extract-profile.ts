import { writeFileSync } from 'node:fs';
import { extractFacts } from '../src/extract/index.ts';
import { corpusSpec } from './corpus.ts';
import { feedItemOf } from './breakdown.ts';

/**
 * Times extractFacts alone over synthetic articles, for profiling with --cpu-prof.
 * Usage: node --import tsx bench/extract-profile.ts [count] [rounds] [dump.json]
 * With a dump path, the extractions are written out so two versions can be diffed.
 */
const count = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 3);
const dump = process.argv[4];
const spec = corpusSpec(1000);
const items = Array.from({ length: count }, (_, i) => feedItemOf(spec, i));
const inputs = items.map((it) => ({ title: it.title, text: it.text, published: it.published!, timeZone: 'UTC' }));
const words = inputs.reduce((n, a) => n + a.text.split(/\s+/).length, 0) / count;

for (const a of inputs.slice(0, 50)) extractFacts(a); // warm up the JIT
for (let r = 0; r < rounds; r++) {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (const a of inputs) extractFacts(a);
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  console.log(`round ${r + 1}: ${((used.user + used.system) / 1000 / count).toFixed(3)} ms CPU/article, ${(wall / count).toFixed(3)} ms wall (${count} articles, ${words.toFixed(0)} words avg)`);
}
if (dump) writeFileSync(dump, JSON.stringify(inputs.map((a) => extractFacts(a))));
