import { openDatabase, type Db } from './db.ts';
import { SourceRepo } from './sources.ts';
import { FeedRepo } from './feeds.ts';
import { ArticleRepo } from './articles.ts';
import { FactRepo } from './facts.ts';
import { SettingsRepo } from './settings.ts';
import { SubscriptionRepo } from './subscriptions.ts';
import { OutboxRepo } from './outbox.ts';
import { SearchRepo } from './search.ts';
import { SqliteWrites } from './writes.ts';
import { SqliteWork } from './work.ts';
import type { Store } from './types.ts';

/**
 * The SQLite store: the Store every other part of factfeed uses, answering synchronously. Tests and
 * tools that need the file itself (raw SQL, pragmas) use this type; the bot uses Store.
 */
export interface SqliteStore extends Store {
  readonly dialect: 'sqlite';
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
  writes: SqliteWrites;
  work: SqliteWork;
  /** Runs fn in one transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
  close(): void;
}

export function openStore(path: string): SqliteStore {
  const db = openDatabase(path);
  const facts = new FactRepo(db);
  const feeds = new FeedRepo(db);
  const repos = {
    feeds,
    sources: new SourceRepo(db, feeds),
    articles: new ArticleRepo(db),
    facts,
    settings: new SettingsRepo(db),
    subscriptions: new SubscriptionRepo(db),
    outbox: new OutboxRepo(db),
  };
  return {
    dialect: 'sqlite',
    db,
    path,
    ...repos,
    search: new SearchRepo(db, facts),
    writes: new SqliteWrites(db, repos),
    work: new SqliteWork(repos.outbox),
    tx: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => {
      if (db.open) db.close();
    },
  };
}

export type { Store, Awaitable, Repo, TenantSearchApi, SearchApi, Writes, ArticleWrite, WriteOutcome, FailureDecision } from './types.ts';
export type { MatchQuery } from './match.ts';
export type { Source, NewSource } from './sources.ts';
export type { Feed, FeedKey } from './feeds.ts';
export { dueAt } from './feeds.ts';
export { DuplicateSourceError } from './sources.ts';
export type { Article, NewArticle } from './articles.ts';
export type { FactRow, FigureFilter } from './facts.ts';
export type { ArticleHit } from './search.ts';
export type { TenantSearch } from './tenant-search.ts';
export type { Subscription, NewSubscription } from './subscriptions.ts';
export type { OutboxRow, NewOutboxRow, OutboxKind } from './outbox.ts';
