import { parentPort } from 'node:worker_threads';
import { extractFacts } from '../extract/index.ts';
import type { ArticleInput } from '../extract/types.ts';

/**
 * One extraction thread of the pool (extract-pool.ts): runs the same extractor the main thread
 * would, one article per message. An article the extractor throws on comes back as an error
 * message, so the pool can store it the way the main thread would (without facts, with a warning).
 */
const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread of the extraction pool');
port.on('message', (job: { id: number; input: ArticleInput }) => {
  try {
    port.postMessage({ id: job.id, extraction: extractFacts(job.input) });
  } catch (err) {
    port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
