import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createSqliteServices } from '../../src/app.ts';
import { FakeClock, type Clock } from '../../src/clock.ts';
import { silentLogger, type Logger } from '../../src/log.ts';
import type { Fetcher } from '../../src/ingest/types.ts';
import type { Services } from '../../src/services.ts';
import type { SqliteStore } from '../../src/store/index.ts';

export interface TestServices extends Services<SqliteStore> {
  dir: string;
  cleanup(): void;
}

/**
 * Real services on a real SQLite file in a fresh temp folder. Private addresses are allowed so
 * tests can reach their own servers on 127.0.0.1; nothing else is reachable from tests anyway.
 */
export function testServices(opts: { env?: Record<string, string>; clock?: Clock; log?: Logger; fetch?: Fetcher } = {}): TestServices {
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-test-'));
  // Extraction on the test's own thread unless a test asks for threads: a thread per test file would
  // cost each one a second of start-up; tests/ingest/extract-pool.test.ts and the e2e runs cover them.
  const config = loadConfig({ FACTFEED_ALLOW_PRIVATE: '1', FACTFEED_SAMPLE_FEED: '', FACTFEED_DB: join(dir, 'factfeed.db'), FACTFEED_EXTRACT_THREADS: '0', ...opts.env });
  const services = createSqliteServices(config, {
    clock: opts.clock ?? new FakeClock('2025-06-15T12:00:00Z'),
    log: opts.log ?? silentLogger,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return {
    ...services,
    dir,
    cleanup() {
      void services.extractor?.close();
      services.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SAMPLE_FEED = new URL('../../data/sample-feed.xml', import.meta.url).pathname;
export const fixture = (rel: string): string => new URL(`../fixtures/${rel}`, import.meta.url).pathname;
