import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.ts';
import { loadPostgresMigrations, migratePostgres, PostgresSchemaTooNewError } from '../../../src/store/postgres/migrate.ts';
import { COPIED_TABLES } from '../../../src/store/postgres/copy-sqlite.ts';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const dbs: TestDatabase[] = [];
const fresh = async (migrated = false): Promise<TestDatabase> => {
  const db = await freshDatabase({ migrated });
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.drop();
});

describe('PostgreSQL migration files', () => {
  it('are numbered from 001 without gaps, apart from SQLite’s', () => {
    const ms = loadPostgresMigrations();
    expect(ms.map((m) => m.version)).toEqual(ms.map((_, i) => i + 1));
    expect(ms[0]!.name).toBe('init');
  });
});

describePg('PostgreSQL migrations', () => {
  let sqliteDir: string;
  beforeAll(() => {
    sqliteDir = mkdtempSync(join(tmpdir(), 'factfeed-pgschema-'));
  });
  afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

  it('give every table the SQLite store holds data in a column for each of its columns', async () => {
    const db = await fresh(true);
    const sqlite = openStore(join(sqliteDir, 'schema.db'));
    const pool = db.pool();
    for (const { name } of COPIED_TABLES) {
      const want = (sqlite.db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
      const { rows } = await pool.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [name]);
      expect(want.length, name).toBeGreaterThan(1);
      expect(rows.map((r) => r.column_name), name).toEqual(expect.arrayContaining(want));
    }
    sqlite.close();
  });

  it('let several processes start at once and migrate exactly once', async () => {
    const db = await fresh();
    const results = await Promise.all(Array.from({ length: 6 }, () => migratePostgres(db.pool(1), db.url)));
    const all = loadPostgresMigrations().map((m) => m.version);
    expect(results.filter((r) => r.length > 0)).toEqual([all]);
    expect(results.filter((r) => r.length === 0)).toHaveLength(5);
    const { rows } = await db.pool().query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('apply nothing the second time', async () => {
    const db = await fresh(true);
    expect(await migratePostgres(db.pool(), db.url)).toEqual([]);
  });

  it('refuse a database written by a newer factfeed, naming the setting to change', async () => {
    const db = await fresh(true);
    await db.pool().query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
    const err = await migratePostgres(db.pool(), db.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PostgresSchemaTooNewError);
    expect(String(err)).toMatch(/schema version 999.*FACTFEED_DATABASE_URL/);
  });

  it('leave the schema untouched when one of them fails, naming it', async () => {
    const db = await fresh();
    const known = loadPostgresMigrations();
    const broken = [...known, { version: known.length + 1, name: 'broken', sql: 'CREATE TABLE nope (x no_such_type)' }];
    await expect(migratePostgres(db.pool(), db.url, broken)).rejects.toThrow(/postgres\/\d+_broken failed on postgres:\/\/.*no_such_type.*nothing was changed/);
    const { rows } = await db.pool().query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    expect(rows[0].n).toBe(0);
  });

  it('index articles for English full-text search that stems words and matches phrases', async () => {
    const db = await fresh(true);
    const pool = db.pool();
    const now = '2025-06-15T12:00:00.000Z';
    await pool.query("INSERT INTO feeds (id, url, url_key, created_at) VALUES (1, 'https://example.org/feed', 'https://example.org/feed', $1)", [now]);
    const article = (id: number, title: string, text: string) =>
      pool.query(
        `INSERT INTO articles (id, feed_id, guid, title, text, published_at, fetched_at, content_hash, title_hash) VALUES ($1, 1, $2, $3, $4, $5, $5, 'c', 't')`,
        [id, `g${id}`, title, text, now],
      );
    await article(1, 'Swap agreed', 'Ukraine and Russia exchanged prisoners of war on Friday, 95 on each side.');
    await article(2, 'Prisoner numbers', 'The exchange of letters between the prisoner and the court continued.');
    await article(3, 'Weather', 'Rain is expected in Kyiv.');
    const match = async (query: string): Promise<number[]> =>
      (await pool.query<{ id: number }>(`SELECT id FROM articles WHERE search @@ ${query} ORDER BY id`)).rows.map((r) => r.id);
    expect(await match("websearch_to_tsquery('english', 'prisoner')")).toEqual([1, 2]);
    expect(await match("phraseto_tsquery('english', 'exchange prisoners')")).toEqual([1]);
    expect(await match("websearch_to_tsquery('english', '\"prisoner exchange\"')")).toEqual([]);
    const plan = (await pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_search'")).rows[0].indexdef;
    expect(plan).toMatch(/USING gin \(search\)/);
  });

  it('keep fact documents as JSONB that queries can look inside', async () => {
    const db = await fresh(true);
    const pool = db.pool();
    const now = '2025-06-15T12:00:00.000Z';
    await pool.query("INSERT INTO feeds (id, url, url_key, created_at) VALUES (1, 'u', 'u', $1)", [now]);
    await pool.query("INSERT INTO articles (id, feed_id, title, text, published_at, fetched_at, content_hash, title_hash) VALUES (7, 1, 't', 'x', $1, $1, 'c', 't')", [now]);
    const doc = { s: { '0': '95 prisoners were freed.' }, f: [['figure', 0, '95', null, 95]] };
    await pool.query('INSERT INTO article_facts (article_id, figures) VALUES (7, $1)', [JSON.stringify(doc)]);
    const { rows } = await pool.query("SELECT jsonb_typeof(figures) AS t, (figures->'f'->0->>4)::numeric AS value, figures FROM article_facts WHERE figures->'s' ? '0'");
    expect(rows).toEqual([{ t: 'object', value: '95', figures: doc }]);
  });
});
