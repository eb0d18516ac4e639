import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { loadMigrations as loadFrom, type Migration } from './migration-files.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export type { Migration };

/** SQLite's migrations: forward-only files named NNN_name.sql in ./migrations/. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return loadFrom(dir);
}

export class SchemaTooNewError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `The database ${path} has schema version ${found}, but this factfeed only knows up to ${known}. ` +
        'It was written by a newer factfeed: upgrade factfeed, or point FACTFEED_DB at another file.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Applies every migration not yet recorded, each in its own transaction. Re-running is a no-op. */
export function migrate(db: Database.Database, path: string, migrations: Migration[] = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) throw new SchemaTooNewError(path, current, known);
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return applied;
  // Changing a column's foreign key means rebuilding its table, and with enforcement on, dropping the
  // old table would cascade into every row that points at it. SQLite's documented procedure runs
  // the rebuild with enforcement off; foreign_key_check then stands in for it before each commit.
  // The setting cannot change inside a transaction, so it is switched here and restored after.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        if (dangling.length > 0) {
          const first = dangling[0]!;
          throw new Error(`Migration ${m.version}_${m.name} of ${path} would leave ${dangling.length} rows pointing at missing rows (first: ${first.table} row ${first.rowid} → ${first.parent}); nothing was changed`);
        }
        record.run(m.version, m.name, new Date().toISOString());
      })();
      applied.push(m.version);
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return applied;
}
