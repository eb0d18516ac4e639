import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { fixture, testServices } from '../helpers/services.ts';
import { startTestServer } from '../helpers/server.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-full-'));
const mounted: string[] = [];
afterAll(() => {
  for (const at of mounted) spawnSync('umount', [at]);
  rmSync(dir, { recursive: true, force: true });
});

// A tiny filesystem needs root; without it the CLI test is skipped and says so.
let mounts = 0;
function tinyFilesystem(size = '100k'): string | undefined {
  const at = join(dir, `tiny${mounts++}`);
  try {
    execFileSync('mkdir', ['-p', at]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'ignore' });
    mounted.push(at);
    return at;
  } catch {
    console.warn('[skip] cannot mount a tmpfs here (needs root): the full-disk CLI test is skipped');
    return undefined;
  }
}

describe('a full disk', () => {
  it('gets a plain message naming the database from /source add, and commands still answer', async () => {
    const at = tinyFilesystem('600k');
    if (!at) return;
    // A feed far bigger than the space left: storing it fills the disk part way through.
    const items = Array.from({ length: 400 }, (_, i) => `<item><title>Harbour report ${i}</title><guid>h${i}</guid>` +
      `<description>${`The harbour handled ${1000 + i} containers on day ${i}, the port authority said. `.repeat(30)}</description></item>`);
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>${items.join('')}</channel></rss>`;
    const server = await startTestServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
    const t = testServices({ env: { FACTFEED_DB: join(at, 'factfeed.db') } });
    try {
      const reply = await runLine(t, registry, `/source add ${server.origin}/feed.xml`);
      expect(reply.kind).toBe('error');
      expect(`${reply.title} ${reply.intro}`).toMatch(/disk holding .*factfeed\.db is full.*factfeed poll/);
      expect(JSON.stringify(reply)).not.toMatch(/SqliteError|failed unexpectedly/);
      expect((await runLine(t, registry, '/figures containers')).kind).not.toBe('error');
    } finally {
      t.store.close();
      await server.close();
    }
  }, 60_000);

  it('gets a plain message from every CLI command, never a stack trace', () => {
    const at = tinyFilesystem();
    if (!at) return;
    const env = { PATH: process.env.PATH ?? '', FACTFEED_DB: join(at, 'factfeed.db'), FACTFEED_SAMPLE_FEED: '' };
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    for (const args of [['sources', 'add', fixture('feeds/rss2.xml')], ['ask', '/figures prisoners'], ['sources', 'list']]) {
      const out = run(args);
      expect(out.status, args.join(' ')).toBe(1);
      expect(out.stderr).toMatch(/The disk holding .*factfeed\.db is full\. Free some space and run factfeed poll/);
      expect(out.stderr).not.toMatch(/SqliteError|\n\s+at /);
    }
  }, 120_000);
});
