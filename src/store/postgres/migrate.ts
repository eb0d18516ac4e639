import { fileURLToPath } from 'node:url';
import { loadMigrations, type Migration } from '../migration-files.ts';
import { inTransaction, type Pool } from './pool.ts';
import { redactDatabaseUrl } from './url.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** PostgreSQL's own migrations, numbered apart from SQLite's: the dialects' histories differ. */
export const loadPostgresMigrations = (dir: string = migrationsDir): Migration[] => loadMigrations(dir);

/**
 * One number every factfeed process locks on while it migrates. Any constant would do; this one is
 * the first 8 bytes of sha256('factfeed schema migrations') as a signed bigint, so it is unlikely to
 * be another program's lock on a shared server.
 */
const MIGRATION_LOCK = '-7054935891956554689';

export class PostgresSchemaTooNewError extends Error {
  readonly code = 'SCHEMA_TOO_NEW';
  constructor(url: string, found: number, known: number) {
    super(
      `The database ${redactDatabaseUrl(url)} has PostgreSQL schema version ${found}, but this factfeed only knows up to ${known}. ` +
        'It was written by a newer factfeed: upgrade factfeed, or point FACTFEED_DATABASE_URL at another database.',
    );
    this.name = 'PostgresSchemaTooNewError';
  }
}

/**
 * Applies every migration the database lacks, forward only, all in one transaction: a failure
 * leaves the schema as it was. Processes that start at once queue on a transaction-scoped advisory
 * lock, taken before anything is read or created, so exactly one of them migrates and the others
 * then find nothing to do. Returns the versions this call applied.
 */
export async function migratePostgres(pool: Pool, url: string, migrations: Migration[] = loadPostgresMigrations()): Promise<number[]> {
  const known = migrations.at(-1)?.version ?? 0;
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = Number((await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
    if (current > known) throw new PostgresSchemaTooNewError(url, current, known);
    const applied: number[] = [];
    for (const m of migrations.filter((x) => x.version > current)) {
      try {
        await client.query(m.sql);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`Migration postgres/${m.version}_${m.name} failed on ${redactDatabaseUrl(url)}: ${why}; nothing was changed`, { cause: err });
      }
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
