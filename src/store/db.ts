import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A connection's statements, each SQL text prepared once. Repositories call this on hot paths
 * (several times per stored article), where db.prepare would compile the same SQL every time.
 */
export function statements(db: Db): (sql: string) => Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  const known = byText;
  return (sql) => {
    let stmt = known.get(sql);
    if (!stmt) known.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
}

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date.
 * All pragmas live here so every connection behaves the same.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets readers (answers) run while the poller writes; NORMAL sync is durable across
    // process crashes in WAL mode, which is the failure the outbox must survive.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    // 16 MB of page cache instead of SQLite's 2 MB: storing an article touches the full-text
    // indexes' pages all over the file, and re-reading them through the OS was a visible part of
    // ingest time once the store held thousands of articles. 32 MB measured no faster and pushed
    // peak memory while ingesting close to the 300 MB budget (npm run bench).
    db.pragma('cache_size = -16384');
    // Checkpoint the WAL every ~40 MB instead of every 4 MB: each checkpoint fsyncs twice and copies
    // every page changed since the last one, and the full-text indexes rewrite the same pages often,
    // so fewer, larger checkpoints cost less per article stored (npm run bench).
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db, path);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
