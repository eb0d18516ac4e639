import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

const INT8 = 20;
const TIMESTAMPTZ = 1184;

// A time as PostgreSQL writes it in a session whose time zone is UTC: "2025-05-25 06:00:00.5+00".
const UTC_TIMESTAMP = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as an ISO 8601 string in UTC, to the millisecond, as `new Date(v).toISOString()`
 * gives it. UTC times (the usual session time zone) are rewritten as text: an answer reads
 * hundreds of rows, and a Date per row cost more than the rest of turning them into matches.
 */
export function isoTimestamp(v: string): string {
  const m = UTC_TIMESTAMP.exec(v);
  if (!m) return new Date(v).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/**
 * Values come back as the SQLite store gives them, so both stores can serve one interface: ids and
 * counts (int8) as numbers, not strings (ids stay far below 2^53), and times as ISO 8601 strings in
 * UTC, not Dates. Set per pool, not on pg's global parsers, so nothing else in the process changes.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ) return isoTimestamp;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** Most connections this process holds open. */
  max?: number;
  /** Shown in pg_stat_activity, so an operator can tell factfeed's processes apart. */
  applicationName?: string;
  /** An idle connection that breaks (the server restarted) is reported here instead of crashing the process. */
  onError?: (err: Error) => void;
}

export function openPool(url: string, opts: PoolOptions = {}): Pool {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, application_name: opts.applicationName ?? 'factfeed', types });
  pool.on('error', opts.onError ?? (() => undefined));
  return pool;
}

/** Runs fn in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection cut while no query runs on it (the server restarted, an operator ended it) is
  // reported as an event; unheard, it would end the process. The next query fails anyway, and the
  // broken connection is then thrown away instead of going back to the pool.
  let broken: Error | undefined;
  const onError = (err: Error): void => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
      broken ??= rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
    });
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
