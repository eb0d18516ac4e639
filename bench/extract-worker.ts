import { parentPort, workerData } from 'node:worker_threads';
import { extractFacts } from '../src/extract/index.ts';
import type { CorpusSpec } from './corpus.ts';
import { feedItemOf } from './breakdown.ts';

/**
 * Extracts a slice of the corpus (every `step`-th article from `start`) for the bulk store build,
 * in batches; it stops after `credit` unacknowledged batches so a slow writer bounds its memory.
 */
interface Job {
  spec: CorpusSpec;
  start: number;
  end: number;
  step: number;
  batch: number;
}

const job = workerData as Job;
const port = parentPort!;
let credit = 4;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});

let batch: unknown[] = [];
for (let i = job.start; i < job.end; i += job.step) {
  const item = feedItemOf(job.spec, i);
  const extraction = extractFacts({ title: item.title, text: item.text, published: item.published!, timeZone: 'UTC' });
  batch.push({ item, extraction });
  if (batch.length >= job.batch || i + job.step >= job.end) {
    while (credit <= 0) await new Promise<void>((ok) => (wake = ok));
    credit--;
    port.postMessage(batch);
    batch = [];
  }
}
port.postMessage('done');
