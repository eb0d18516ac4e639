import { openDatabase, type Db } from './db.ts';
import { SourceRepo } from './sources.ts';
import { FeedRepo } from './feeds.ts';
import { ArticleRepo } from './articles.ts';
import { FactRepo } from './facts.ts';
import { SettingsRepo } from './settings.ts';
import { SubscriptionRepo } from './subscriptions.ts';
import { OutboxRepo } from './outbox.ts';
import { SearchRepo } from './search.ts';

/** The one handle the rest of factfeed gets: repositories over a single SQLite connection. */
export interface Store {
  db: Db;
  path: string;
  feeds: FeedRepo;
  sources: SourceRepo;
  articles: ArticleRepo;
  facts: FactRepo;
  settings: SettingsRepo;
  subscriptions: SubscriptionRepo;
  outbox: OutboxRepo;
  search: SearchRepo;
  /** Runs fn in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  const facts = new FactRepo(db);
  const feeds = new FeedRepo(db);
  return {
    db,
    path,
    feeds,
    sources: new SourceRepo(db, feeds),
    articles: new ArticleRepo(db),
    facts,
    settings: new SettingsRepo(db),
    subscriptions: new SubscriptionRepo(db),
    outbox: new OutboxRepo(db),
    search: new SearchRepo(db, facts),
    tx: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => {
      if (db.open) db.close();
    },
  };
}

export type { Source, NewSource } from './sources.ts';
export type { Feed, FeedKey } from './feeds.ts';
export { DuplicateSourceError } from './sources.ts';
export type { Article, NewArticle } from './articles.ts';
export type { FactRow, FigureFilter } from './facts.ts';
export type { ArticleHit } from './search.ts';
export type { TenantSearch } from './tenant-search.ts';
export type { Subscription, NewSubscription } from './subscriptions.ts';
export type { OutboxRow, NewOutboxRow, OutboxKind } from './outbox.ts';
