import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stripControls } from '../../src/controls.ts';
import { renderDiscord } from '../../src/reply/discord.ts';
import { renderSlack } from '../../src/reply/slack.ts';
import type { Reply } from '../../src/reply/model.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ESC sequences, a C1 CSI, DEL, a right-to-left override and an isolate: every class the issue names.
const ESC = '\u001b';
const HOSTILE = `${ESC}[31mRED${ESC}[0m \u009b31m\u007f \u202egnp.exe\u202c \u2066iso\u2069 ${ESC}]0;title\u0007`;
// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileFeed(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${esc(`Harbour ${HOSTILE} wire`)}</title>
    <item><title>${esc(`Port ${HOSTILE} update`)}</title><guid>h1</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
    <description>${esc(`The harbour handled 4,200 containers ${HOSTILE} on Monday, the port authority said.`)}</description></item>
  </channel></rss>`;
}

describe('control and bidi characters in a hostile feed', () => {
  it('strips escape sequences whole and every control and bidi character', () => {
    expect(stripControls(`a${ESC}[31mb${ESC}[0mc`)).toBe('abc');
    expect(stripControls(`x\u009b1;31my \u202eevil\u202c\tok\n`)).toBe('xy evil\tok\n');
    expect(stripControls('plain text stays the same object')).toBe('plain text stays the same object');
  });

  it('never reaches the terminal through poll, sources list, sources export, ask or ask --json', () => {
    const feed = join(dir, 'hostile.xml');
    writeFileSync(feed, hostileFeed());
    const env = { PATH: process.env.PATH ?? '', FACTFEED_DB: join(dir, 'hostile.db'), FACTFEED_SAMPLE_FEED: '' };
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    const outputs = [
      run(['sources', 'add', feed]),
      run(['poll']),
      run(['sources', 'list']),
      run(['sources', 'export']),
      run(['ask', '/figures containers']),
      run(['ask', '/figures containers', '--json']),
      run(['ask', '/summary harbour']),
    ];
    for (const o of outputs) {
      expect(o.status, o.stderr).toBe(0);
      expect(BAD.test(o.stdout), JSON.stringify(o.stdout.match(BAD))).toBe(false);
      expect(BAD.test(o.stderr)).toBe(false);
    }
    expect(outputs[0]!.stdout + outputs[2]!.stdout).toMatch(/Harbour RED/);
    expect(outputs[5]!.stdout).toMatch(/4200/);
    // Cleaned once at ingest: nothing stored carries them, so no escape code can become a "figure".
    const db = new Database(join(dir, 'hostile.db'), { readonly: true });
    const stored = db.prepare('SELECT title || text AS t FROM articles UNION ALL SELECT coalesce(title, \'\') FROM feeds').pluck().all() as string[];
    db.close();
    expect(stored.length).toBeGreaterThan(1);
    for (const t of stored) expect(BAD.test(t)).toBe(false);
    const exported = run(['sources', 'export', join(dir, 'out.opml')]);
    expect(exported.status).toBe(0);
    expect(BAD.test(readFileSync(join(dir, 'out.opml'), 'utf8'))).toBe(false);
  }, 120_000);

  it('never reaches Discord or Slack, in text or in a link label', () => {
    const reply: Reply = {
      kind: 'answer', title: `Title ${HOSTILE}`, intro: `Intro ${HOSTILE}`,
      sections: [{ heading: `Head ${HOSTILE}`, lines: [{ text: `Line ${HOSTILE}`, cites: [1] }] }],
      citations: [{ n: 1, title: `Cited ${HOSTILE}`, url: 'https://example.org/a', source: `Src ${HOSTILE}`, published: '2025-03-03T10:00:00Z' }],
    } as unknown as Reply;
    expect(BAD.test(JSON.stringify(renderDiscord(reply)).replace(/\\u[0-9a-f]{4}/gi, (m) => String.fromCharCode(parseInt(m.slice(2), 16))))).toBe(false);
    expect(BAD.test(JSON.stringify(renderSlack(reply)).replace(/\\u[0-9a-f]{4}/gi, (m) => String.fromCharCode(parseInt(m.slice(2), 16))))).toBe(false);
  });
});
