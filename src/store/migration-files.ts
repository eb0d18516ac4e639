import { readdirSync, readFileSync } from 'node:fs';

/** One forward-only migration of one dialect: the file NNN_name.sql, whose number is its version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Reads a dialect's migrations (SQLite's in ./migrations/, PostgreSQL's in ./postgres/migrations/),
 * each numbered on its own: a gap or a repeated number is refused, so two branches adding the same
 * version cannot both land unnoticed.
 */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f));
  const migrations = files
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(dir + file, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering gap or duplicate at ${m.version}_${m.name} in ${dir}`);
  });
  return migrations;
}
