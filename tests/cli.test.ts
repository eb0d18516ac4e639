import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from './helpers/services.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real bin as a user would, with a clean environment apart from what the test sets. */
function factfeed(args: string[], opts: { db?: string; input?: string; env?: Record<string, string> } = {}) {
  const res = spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], {
    cwd: root,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', FACTFEED_DB: opts.db ?? join(dir, 'default.db'), ...opts.env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

// Each run starts a real process (tsx compiles on start), so these get more time than unit tests.
describe('factfeed CLI', { timeout: 90_000 }, () => {
  it('starts the console on a fresh database, loads the sample feed and answers piped commands', () => {
    const db = join(dir, 'console.db');
    const out = factfeed([], { db, input: '/figures prisoners\n/summary kursk\n' });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Figures: prisoners/m);
    expect(out.stdout).toMatch(/971/);
    expect(out.stdout).toMatch(/^Summary: kursk/m);
    expect(out.stdout).toMatch(/\[1\] .+ <https:\/\/news\.example\.org\/(world|analysis)\//);
  });

  it('prints a reply as JSON with every figure field for `ask --json`', () => {
    const out = factfeed(['ask', '/figures prisoners', '--json'], { db: join(dir, 'json.db') });
    expect(out.code).toBe(0);
    const reply = JSON.parse(out.stdout) as { data: { figures: Record<string, unknown>[] } };
    expect(reply.data.figures.length).toBeGreaterThan(3);
    for (const f of reply.data.figures) {
      expect(typeof f.value).toBe('number');
      for (const key of ['qualifier', 'counted', 'event', 'date', 'period', 'attribution', 'sentence', 'title', 'url', 'published']) expect(f).toHaveProperty(key);
      expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('adds, lists and removes a source from a local file', () => {
    const db = join(dir, 'sources.db');
    const env = { FACTFEED_SAMPLE_FEED: '' };
    const added = factfeed(['sources', 'add', fixture('feeds/rss2.xml')], { db, env });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Added source #1/);
    expect(factfeed(['sources', 'list'], { db, env }).stdout).toMatch(/#1 .* 3 articles/);
    expect(factfeed(['sources', 'remove', '1'], { db, env }).stdout).toMatch(/Removed source #1/);
    expect(factfeed(['sources', 'list'], { db, env }).stdout).toMatch(/No sources yet/);
  });

  it('drops the sample feed once a user adds a source of their own, and says so', () => {
    const db = join(dir, 'sample-then-own.db');
    expect(factfeed(['ask', '/figures prisoners'], { db }).stdout).toMatch(/971/); // the sample answers a fresh install
    const added = factfeed(['sources', 'add', fixture('feeds/rss2.xml')], { db });
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Removed the bundled sample feed and its \d+ invented articles/);
    expect(factfeed(['sources', 'list'], { db }).stdout).not.toMatch(/sample/i);
    expect(factfeed(['ask', '/figures prisoners'], { db }).stdout).not.toMatch(/971/);
  });

  it('never loads the sample into a fresh store whose first act is adding a source', () => {
    const db = join(dir, 'own-first.db');
    expect(factfeed(['sources', 'add', fixture('feeds/rss2.xml')], { db }).code).toBe(0);
    expect(factfeed(['ask', '/figures prisoners'], { db }).stdout).not.toMatch(/971/);
    expect(factfeed(['sources', 'list'], { db }).stdout).toMatch(/^1 source\./m);
  });

  it('stops at start naming the PostgreSQL database it cannot reach, without falling back to the SQLite file', () => {
    const db = join(dir, 'never-created.db');
    const out = factfeed(['ask', '/sources'], { db, env: { FACTFEED_DATABASE_URL: 'postgres://ff:secret@127.0.0.1:1/factfeed' } });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/PostgreSQL store postgres:\/\/ff:\*\*\*@127\.0\.0\.1:1\/factfeed: .*ECONNREFUSED/);
    expect(out.stderr).not.toContain('secret');
    expect(existsSync(db)).toBe(false);
  });

  it('exits 1 with a message for a command that fails', () => {
    const out = factfeed(['ask', '/nonsense'], { db: join(dir, 'err.db'), env: { FACTFEED_SAMPLE_FEED: '' } });
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/Unknown command \/nonsense/);
  });

  it('exits 2 naming every bad setting', () => {
    const out = factfeed(['ask', '/help'], { env: { FACTFEED_TZ: 'Nowhere/Land', FACTFEED_MAX_BYTES: 'lots' } });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/FACTFEED_TZ/);
    expect(out.stderr).toMatch(/FACTFEED_MAX_BYTES/);
  });

  it('exits 2 with the usage for an unknown verb or flag', () => {
    expect(factfeed(['frobnicate']).code).toBe(2);
    const flag = factfeed(['ask', '--colour', 'red']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Usage:/);
  });
});
