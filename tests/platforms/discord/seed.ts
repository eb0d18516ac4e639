import { resolve } from 'node:path';
import { addSource } from '../../../src/ingest/add-source.ts';
import { pollSource } from '../../../src/ingest/pipeline.ts';
import type { Services } from '../../../src/services.ts';
import type { SqliteStore } from '../../../src/store/index.ts';

/** Ingests the bundled sample feed for one guild, through the real pipeline. */
export async function seedGuild(services: Services<SqliteStore>, guildId: string): Promise<void> {
  const { source } = await addSource(services, { tenant: guildId, input: resolve('data/sample-feed.xml'), allowLocalFiles: true, addedBy: 'test' });
  await pollSource({ ...services, timeZone: 'UTC' }, services.store.feeds.get(source.feedId)!);
}

