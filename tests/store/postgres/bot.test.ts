import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePg, freshDatabase, type TestDatabase } from '../../helpers/postgres.ts';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-pg-bot-'));

/** The real bin, as a user runs it, on the store the environment names. */
function factfeed(args: string[], env: Record<string, string>, input = '') {
  const res = spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', FACTFEED_DB: join(dir, 'unused.db'), ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describePg('the bot on a PostgreSQL store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each run starts a real process (tsx compiles on start), so this gets more time than unit tests.
  it('runs the console on an empty database: migrates it, loads the sample feed, and answers as it does on SQLite', { timeout: 120_000 }, () => {
    const lines = '/figures prisoners\n/summary kursk\n/sources\n';
    const onPg = factfeed([], { FACTFEED_DATABASE_URL: db.url }, lines);
    expect(onPg.stderr).not.toMatch(/error/i);
    expect(onPg.code).toBe(0);
    expect(onPg.stdout).toMatch(/^Figures: prisoners/m);
    expect(onPg.stdout).toMatch(/971/);
    // The SQLite file was never touched: the store is the database the URL names.
    expect(existsSync(join(dir, 'unused.db'))).toBe(false);
    const onSqlite = factfeed([], { FACTFEED_DB: join(dir, 'same.db') }, lines);
    expect(onSqlite.code).toBe(0);
    expect(onPg.stdout).toBe(onSqlite.stdout);
    // A second start finds the schema and the sample in place and answers the same.
    expect(factfeed(['ask', '/figures prisoners'], { FACTFEED_DATABASE_URL: db.url }).stdout).toMatch(/971/);
  });
});
