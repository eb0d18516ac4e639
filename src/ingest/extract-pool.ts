import { Worker } from 'node:worker_threads';
import type { ArticleInput, Extraction } from '../extract/types.ts';
import type { Logger } from '../log.ts';

/**
 * Extraction in worker threads. It costs about 5 ms of CPU per article, more than fetching,
 * parsing and storing together, and on the main thread it both caps ingest at one core and holds
 * up every interaction waiting behind a poll. The pool runs the same extractor on other cores;
 * the main thread only stores.
 */
export interface ExtractPool {
  readonly threads: number;
  /** Resolves to the article's extraction, or rejects with the extractor's (or the thread's) error. */
  extract(input: ArticleInput): Promise<Extraction>;
  /** Starts every thread now, so the first poll does not wait for them to load the extractor. */
  warm(): void;
  close(): Promise<void>;
}

// Worker threads do not inherit the tsx loader the bot runs under, so each registers it first.
const WORKER_SOURCE = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href)}); })`;

interface Job {
  id: number;
  input: ArticleInput;
  resolve: (x: Extraction) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  job: Job | undefined;
}

/** A pool of `threads` extraction threads, started on first use; close() ends them. */
export function createExtractPool(threads: number, log?: Logger): ExtractPool {
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`extraction pool: threads must be a positive integer, got ${threads}`);
  const queue: Job[] = [];
  const pool: Thread[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(WORKER_SOURCE, { eval: true }), job: undefined };
    thread.worker.unref();
    thread.worker.on('message', (m: { id: number; extraction?: Extraction; error?: string }) => {
      const job = thread.job;
      if (!job || job.id !== m.id) return;
      thread.job = undefined;
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.extraction!);
      dispatch();
    });
    // A thread that dies (out of memory, a crash in a native module) fails only its own article;
    // a fresh thread takes the rest of the queue.
    const lost = (err: Error): void => {
      const i = pool.indexOf(thread);
      if (i >= 0) pool.splice(i, 1);
      thread.job?.reject(err);
      thread.job = undefined;
      if (!closed) {
        log?.warn('an extraction thread stopped; starting another', { error: err.message });
        dispatch();
      }
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`extraction thread exited with code ${code}`)));
    pool.push(thread);
    return thread;
  };

  const dispatch = (): void => {
    while (queue.length > 0 && !closed) {
      const idle = pool.find((t) => t.job === undefined) ?? (pool.length < threads ? start() : undefined);
      if (!idle) break;
      const job = queue.shift()!;
      idle.job = job;
      idle.worker.postMessage({ id: job.id, input: job.input });
    }
    // A busy thread keeps the process alive (a one-off `factfeed poll` awaits it); an idle one does not.
    for (const t of pool) {
      if (t.job) t.worker.ref();
      else t.worker.unref();
    }
  };

  return {
    threads,
    extract(input) {
      if (closed) return Promise.reject(new Error('extraction pool is closed'));
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    warm() {
      while (!closed && pool.length < threads) start();
    },
    async close() {
      closed = true;
      const stopping = pool.splice(0);
      for (const job of queue.splice(0)) job.reject(new Error('extraction pool is closed'));
      for (const t of stopping) t.job?.reject(new Error('extraction pool is closed'));
      await Promise.all(stopping.map((t) => t.worker.terminate()));
    },
  };
}
