import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbcArticles, haveShared } from '../helpers/shared.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-corpus-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One RSS file, written at test time, holding a whole section of the corpus with full text. */
function sectionFeed(section: string): { path: string; distinct: number } {
  const items: string[] = [];
  // The corpus repeats some stories word for word; factfeed stores a repeat once, by design.
  const distinct = new Set<string>();
  for (const a of bbcArticles()) {
    if (a.section !== section) continue;
    distinct.add(`${a.title}\n${a.text}`.toLowerCase().replace(/\s+/g, ' '));
    const day = new Date(Date.UTC(2005, 0, 1) + items.length * 3_600_000).toUTCString();
    const html = a.text.split(/\n\s*\n/).map((p) => `<p>${xml(p)}</p>`).join('');
    items.push(`<item><title>${xml(a.title)}</title><guid>bbc-${a.file}</guid><pubDate>${day}</pubDate>` +
      `<content:encoded>${xml(html)}</content:encoded></item>`);
  }
  const path = join(dir, `${section}.xml`);
  writeFileSync(path, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>BBC ${section}</title>${items.join('')}</channel></rss>`);
  return { path, distinct: distinct.size };
}

// The entertainment section holds the article (a dashed list of court terms) that used to stop its feed.
describe.skipIf(!haveShared('corpora/bbc'))('a real section of news as one local feed', () => {
  it('adds the whole entertainment section from the CLI, storing every article', () => {
    const { path, distinct } = sectionFeed('entertainment');
    expect(distinct).toBeGreaterThan(350);
    const env = { PATH: process.env.PATH ?? '', FACTFEED_DB: join(dir, 'corpus.db'), FACTFEED_SAMPLE_FEED: '' };
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/factfeed.js'), ...args], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
    const added = run(['sources', 'add', path]);
    expect(added.stderr).not.toMatch(/Cannot read properties/);
    expect(added.status).toBe(0);
    expect(run(['sources', 'list']).stdout).toMatch(new RegExp(`#1 .* ${distinct} articles`));
  }, 150_000);
});
