import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { loadMigrations, migrate, SchemaTooNewError } from '../../src/store/migrate.ts';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-migrate-'));
  dirs.push(dir);
  return join(dir, 'nested', 'factfeed.db');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates a new database file (and its folder) with every migration recorded', () => {
    const path = tempDb();
    const store = openStore(path);
    const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(loadMigrations().map((m) => m.version));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('reopening an existing file applies nothing and keeps its data', () => {
    const path = tempDb();
    const a = openStore(path);
    a.sources.add({ tenant: 'local', url: 'https://example.org/feed', kind: 'url' }, new Date('2025-01-01T00:00:00Z'));
    a.close();
    const b = openStore(path);
    expect(migrate(b.db, path)).toEqual([]);
    expect(b.sources.list('local').map((s) => s.url)).toEqual(['https://example.org/feed']);
    b.close();
  });

  it('upgrades a database left at an older version by applying only the newer migrations', () => {
    tempDb();
    const all = loadMigrations();
    const old = new Database(join(dirs.at(-1)!, 'old.db'));
    migrate(old, 'old.db', all.slice(0, 1));
    old.prepare("INSERT INTO sources (tenant, url, kind, added_at) VALUES ('local', 'https://a.example/feed', 'url', '2025-01-01')").run();
    expect(migrate(old, 'old.db', all)).toEqual(all.slice(1).map((m) => m.version));
    expect(old.prepare('SELECT COUNT(*) FROM sources').pluck().get()).toBe(1);
    old.close();
  });

  it('refuses a database written by a newer factfeed with a message saying what to do', () => {
    const path = tempDb();
    openStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')").run();
    raw.close();
    expect(() => openStore(path)).toThrow(SchemaTooNewError);
    expect(() => openStore(path)).toThrow(/version 999.*newer factfeed/);
  });
});
