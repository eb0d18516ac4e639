import type { Services } from '../services.ts';
import { pollSource } from '../ingest/pipeline.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { createSender, type Sender } from './sender.ts';
import type { DeliverySink } from './types.ts';

export interface RunningDelivery {
  scheduler: Scheduler;
  sender: Sender;
  /** Stops polling and sending; waits for the send in flight and (briefly) for polls in flight. */
  stop(): Promise<void>;
}

/** Starts the background half of the bot: the scheduler (polls, digests) and the sender draining through `sink`. */
export function startDelivery(services: Services, sink: DeliverySink, options: { senderEveryMs?: number; stopGraceMs?: number } = {}): RunningDelivery {
  const { config, log } = services;
  // The threads load the extractor while the bot connects, not while the first poll waits.
  services.extractor?.warm();
  const scheduler = createScheduler({
    ...services,
    concurrency: config.pollConcurrency,
    poll: (feed, signal) => pollSource({ ...services, timeZone: config.timeZone }, feed, { signal }),
    stopGraceMs: options.stopGraceMs ?? 5000,
  });
  const sender = createSender({ ...services, sink, postsPerMinute: config.postsPerMinute, sendDelayMs: config.sendDelayMs });
  scheduler.start();
  sender.start(options.senderEveryMs ?? 1000);
  void Promise.resolve(services.store.feeds.list()).then(
    (feeds) => log.info('delivery started', { platform: sink.platform, feeds: feeds.length }),
    (err: unknown) => log.error('delivery started, but the store could not list its feeds', { platform: sink.platform, store: services.store.path, error: err instanceof Error ? err.message : String(err) }),
  );
  return {
    scheduler,
    sender,
    async stop() {
      await Promise.all([scheduler.stop(), sender.stop()]);
    },
  };
}
