import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/index.ts';
import type { Fetcher } from './ingest/types.ts';
import type { PageFetcher } from './ingest/pages.ts';
import type { ExtractPool } from './ingest/extract-pool.ts';

/** Everything a command handler or background service may use, passed in rather than imported. */
export interface Services<S extends Store = Store> {
  config: Config;
  /** SQLite or PostgreSQL (FACTFEED_DATABASE_URL); tools and tests that hold a SQLite store say so in S. */
  store: S;
  clock: Clock;
  log: Logger;
  fetch: Fetcher;
  /** Article pages, fetched politely per host (robots.txt, a few at a time, Retry-After); shared by every poll. */
  pages: PageFetcher;
  /** Extraction threads for ingest (FACTFEED_EXTRACT_THREADS); absent: extraction on this thread. */
  extractor?: ExtractPool | undefined;
}
