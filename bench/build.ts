import { Worker } from 'node:worker_threads';
import { storeItem, type IngestDeps } from '../src/ingest/pipeline.ts';
import type { Extraction } from '../src/extract/types.ts';
import type { FeedItem } from '../src/ingest/types.ts';
import type { Services } from '../src/services.ts';
import type { SqliteStore } from '../src/store/index.ts';
import { LOCAL_TENANT } from '../src/app.ts';
import type { CorpusSpec } from './corpus.ts';
import { feedItemOf } from './breakdown.ts';
import { RssSampler, cpuSeconds } from './stats.ts';

// Worker threads do not inherit the tsx loader, so each one registers it before loading the TypeScript worker.
const TS_WORKER = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href)}); })`;

export interface BuildMeasure {
  articles: number;
  threads: number;
  wallSeconds: number;
  /** Whole process, extraction threads included. */
  cpuSeconds: number;
  peakRssBytes: number;
}

interface Extracted {
  item: FeedItem;
  extraction: Extraction;
}

/**
 * Adds articles [from, to) of the corpus straight through storeItem (no feed, no HTTP), the way
 * the 100k store is built in reasonable time: extraction runs in worker threads, this thread
 * stores, and each batch of articles shares one transaction (storeItem's own become savepoints).
 * Every article still goes through the real extractor and the real store code. threads = 0 runs
 * the bot's own single-threaded path instead.
 */
export async function buildStore(services: Services<SqliteStore>, spec: CorpusSpec, from: number, to: number, threads: number): Promise<BuildMeasure> {
  const sources = services.store.sources.list(LOCAL_TENANT).map((s) => services.store.feeds.get(s.feedId)!);
  const bySlot = new Map(sources.map((s, slot) => [slot, s]));
  const deps: IngestDeps = { ...services, timeZone: 'UTC' };
  const rss = new RssSampler().start();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let stored = 0;

  const store = (batch: Extracted[]): void => {
    services.store.tx(() => {
      for (const { item, extraction } of batch) {
        const index = Number(item.guid!.split('-').at(-1));
        const source = bySlot.get(index % spec.sources);
        if (!source) throw new Error(`bench build: no source for article ${index} (have ${sources.length})`);
        storeItem({ ...deps, extract: () => extraction }, source, item);
        stored++;
      }
    });
    rss.sample();
  };

  if (threads === 0) {
    // The bot's own path: one thread, extraction inside storeItem.
    for (let i = from; i < to; i++) {
      const item = feedItemOf(spec, i);
      storeItem(deps, bySlot.get(i % spec.sources)!, item);
      stored++;
      if (stored % 50 === 0) rss.sample();
    }
    return { articles: stored, threads: 0, wallSeconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSeconds(cpu), peakRssBytes: rss.stop() };
  }
  const n = threads;
  await Promise.all(
    Array.from(
      { length: n },
      (_, w) =>
        new Promise<void>((ok, fail) => {
          const worker = new Worker(TS_WORKER, { eval: true, workerData: { spec, start: from + w, end: to, step: n, batch: 50 } });
          worker.on('message', (msg: Extracted[] | 'done') => {
            if (msg === 'done') return void worker.terminate().then(() => ok());
            try {
              store(msg);
              worker.postMessage('more');
            } catch (err) {
              void worker.terminate();
              fail(err);
            }
          });
          worker.on('error', fail);
        }),
    ),
  );
  return { articles: stored, threads: n, wallSeconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSeconds(cpu), peakRssBytes: rss.stop() };
}
