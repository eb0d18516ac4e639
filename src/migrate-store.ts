import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Config } from './config.ts';
import { openDatabase } from './store/db.ts';
import { openPool } from './store/postgres/pool.ts';
import { migratePostgres, PostgresSchemaTooNewError } from './store/postgres/migrate.ts';
import { copySqliteToPostgres, TargetNotEmptyError } from './store/postgres/copy-sqlite.ts';
import { redactDatabaseUrl } from './store/postgres/url.ts';

const USAGE = 'factfeed migrate-store: give the target, e.g. factfeed migrate-store --to postgres://user@host:5432/factfeed (or set FACTFEED_DATABASE_URL)';

/**
 * `factfeed migrate-store --to postgres://…`: copies the SQLite store (--db or FACTFEED_DB) into an
 * empty PostgreSQL database, first migrated to the current PostgreSQL schema, and prints each
 * table's row count once they match. Exit codes as the CLI's: 0 copied, 1 refused or failed, 2 bad usage.
 */
export async function migrateStoreCommand(config: Config, to: string | undefined, io: { stdout: Writable; stderr: Writable }): Promise<number> {
  const url = to ?? config.databaseUrl;
  if (!url) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    io.stderr.write(`factfeed migrate-store: --to must be a postgres:// address (got ${redactDatabaseUrl(url)})\n`);
    return 2;
  }
  // Opening a path that does not exist would create an empty store and copy nothing.
  if (config.dbPath === ':memory:' || !existsSync(config.dbPath)) {
    io.stderr.write(`factfeed migrate-store: no SQLite store at ${config.dbPath} (choose one with --db PATH or FACTFEED_DB)\n`);
    return 2;
  }
  const target = redactDatabaseUrl(url);
  // Opening brings an older file up to the current SQLite schema first, which the copy is written against.
  const db = openDatabase(config.dbPath);
  const pool = openPool(url, { max: 2, applicationName: 'factfeed migrate-store' });
  try {
    await migratePostgres(pool, url);
    const counts = await copySqliteToPostgres(db, pool, url);
    const width = Math.max(...counts.map((c) => c.table.length));
    io.stdout.write(`Copied ${config.dbPath} into ${target}:\n`);
    for (const c of counts) io.stdout.write(`  ${c.table.padEnd(width)}  ${c.rows}\n`);
    io.stdout.write("Every table's row count matches the SQLite store.\n");
    return 0;
  } catch (err) {
    const known = err instanceof TargetNotEmptyError || err instanceof PostgresSchemaTooNewError;
    const why = err instanceof Error ? err.message : String(err);
    io.stderr.write(`factfeed migrate-store: ${known || why.includes(target) ? why : `${target}: ${why}`}\n`);
    return 1;
  } finally {
    db.close();
    await pool.end();
  }
}
