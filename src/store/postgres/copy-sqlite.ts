import type { Db } from '../db.ts';
import { inTransaction, type Pool, type PoolClient } from './pool.ts';
import { redactDatabaseUrl } from './url.ts';

/**
 * Every SQLite table that holds data, parents before children (foreign keys are checked as rows go
 * in), with the columns SQLite keeps as JSON text and PostgreSQL as jsonb. The full-text indexes and
 * schema_migrations are not copied: PostgreSQL builds its own.
 */
export const COPIED_TABLES: ReadonlyArray<{ name: string; json: readonly string[]; identity: boolean }> = [
  { name: 'feeds', json: [], identity: true },
  { name: 'sources', json: [], identity: true },
  { name: 'articles', json: [], identity: true },
  { name: 'article_facts', json: ['figures', 'others'], identity: false },
  { name: 'subscriptions', json: ['include_terms', 'exclude_terms'], identity: true },
  { name: 'outbox', json: ['payload'], identity: true },
  { name: 'settings', json: [], identity: false },
];

/** Rows per INSERT: large enough that round trips do not dominate, small enough to keep a batch of articles in memory. */
const BATCH = 500;

export interface TableCount {
  table: string;
  rows: number;
}

export class TargetNotEmptyError extends Error {
  readonly code = 'TARGET_NOT_EMPTY';
  constructor(url: string, filled: TableCount[]) {
    super(
      `${redactDatabaseUrl(url)} already holds data (${filled.map((t) => `${t.table}: ${t.rows} rows`).join(', ')}); ` +
        'migrate-store copies into an empty database only, so nothing was copied',
    );
    this.name = 'TargetNotEmptyError';
  }
}

async function countRows(client: Pool | PoolClient): Promise<TableCount[]> {
  const out: TableCount[] = [];
  for (const t of COPIED_TABLES) out.push({ table: t.name, rows: Number((await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`)).rows[0]!.n) });
  return out;
}

/** The SQLite table's stored columns, each of which must have a place in PostgreSQL (generated ones are computed there anew). */
async function columnsOf(db: Db, client: PoolClient, table: string, url: string): Promise<string[]> {
  const sqlite = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const { rows } = await client.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'",
    [table],
  );
  const pg = new Set(rows.map((r) => r.column_name));
  const missing = sqlite.filter((c) => !pg.has(c));
  if (missing.length > 0) {
    throw new Error(`${redactDatabaseUrl(url)} has no column for ${missing.map((c) => `${table}.${c}`).join(', ')}: the PostgreSQL migrations lag behind SQLite's; nothing was copied`);
  }
  return sqlite;
}

async function copyTable(db: Db, client: PoolClient, table: (typeof COPIED_TABLES)[number], url: string): Promise<void> {
  const columns = await columnsOf(db, client, table.name, url);
  const list = columns.map((c) => `"${c}"`).join(', ');
  const page = db.prepare(`SELECT rowid AS _rowid, ${list} FROM ${table.name} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`);
  // One JSON array per batch: jsonb_populate_recordset turns each value into its column's type
  // (ISO text into timestamptz, 0/1 into boolean), so one statement serves every table.
  const insert = `INSERT INTO ${table.name} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table.name}, $1::jsonb)`;
  for (let after = 0; ; ) {
    const rows = page.all(after) as Record<string, unknown>[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!._rowid as number;
    for (const r of rows) {
      delete r._rowid;
      for (const c of table.json) if (typeof r[c] === 'string') r[c] = JSON.parse(r[c]);
    }
    try {
      await client.query(insert, [JSON.stringify(rows)]);
    } catch (err) {
      throw new Error(`copying ${table.name} into ${redactDatabaseUrl(url)} failed near SQLite row ${after}: ${err instanceof Error ? err.message : String(err)}; nothing was copied`, {
        cause: err,
      });
    }
  }
  // Ids were copied as they were: the next id PostgreSQL hands out must come after them.
  if (table.identity) await client.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), max(id)) FROM ${table.name} HAVING max(id) IS NOT NULL`);
}

/**
 * Copies every table of an SQLite store into a PostgreSQL database already migrated to the current
 * schema, in one transaction: either all of it arrives or none. The target must be empty. Row
 * counts are compared table by table before committing; a mismatch rolls everything back. The
 * SQLite side is read in one read transaction, so a bot still writing to it cannot skew the counts.
 */
export async function copySqliteToPostgres(db: Db, pool: Pool, url: string): Promise<TableCount[]> {
  const filled = (await countRows(pool)).filter((t) => t.rows > 0);
  if (filled.length > 0) throw new TargetNotEmptyError(url, filled);
  db.exec('BEGIN');
  try {
    const expected = COPIED_TABLES.map((t) => ({ table: t.name, rows: (db.prepare(`SELECT count(*) AS n FROM ${t.name}`).get() as { n: number }).n }));
    return await inTransaction(pool, async (client) => {
      for (const t of COPIED_TABLES) await copyTable(db, client, t, url);
      const copied = await countRows(client);
      const wrong = copied.filter((c, i) => c.rows !== expected[i]!.rows);
      if (wrong.length > 0) {
        const detail = wrong.map((c) => `${c.table}: ${c.rows} copied of ${expected.find((e) => e.table === c.table)!.rows}`).join(', ');
        throw new Error(`row counts differ after copying into ${redactDatabaseUrl(url)} (${detail}); nothing was copied`);
      }
      return copied;
    });
  } finally {
    db.exec('ROLLBACK');
  }
}
