import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { fixture, testServices, type TestServices } from '../helpers/services.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let origin = '';
let t: TestServices;
let hits: string[] = [];

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/teaser.xml':
        return send(200, 'application/rss+xml', readFileSync(fixture('feeds/teaser.xml'), 'utf8').replaceAll('https://teaser.example.org', origin));
      case '/articles/kursk-captives.html':
        return send(200, 'text/html; charset=utf-8', readFileSync(fixture('pages/kursk-captives.html'), 'utf8'));
      case '/articles/istanbul-talks.html':
        return send(200, 'text/html; charset=utf-8', readFileSync(fixture('pages/istanbul-talks.html'), 'utf8'));
      case '/malformed.xml':
        return send(200, 'application/rss+xml', readFileSync(fixture('feeds/malformed.xml'), 'utf8'));
      case '/page.html':
        return send(200, 'text/html', readFileSync(fixture('feeds/not-a-feed.html'), 'utf8'));
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  origin = server.origin;
  hits = server.hits;
  t = testServices();
});
afterAll(async () => {
  t.cleanup();
  await server.close();
});

describe('a teaser-only feed served over HTTP', () => {
  it('fetches each article page and stores its main text instead of the teaser', async () => {
    const reply = await runLine(t, registry, `/source add ${origin}/teaser.xml`);
    expect(reply.kind).toBe('ok');
    expect(hits).toContain('/articles/kursk-captives.html');
    expect(hits).toContain('/articles/istanbul-talks.html');
    const rows = t.store.db.prepare('SELECT title, text, full_text_fetched AS full FROM articles ORDER BY id').all() as { title: string; text: string; full: number }[];
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.full).toBe(1);
    const kursk = rows.find((r) => r.text.includes('971'))!;
    expect(kursk.text).toMatch(/303 prisoners of war/);
    expect(kursk.text).not.toMatch(/Top 10 stories|3,400 shares|250,000 readers|cookie/i);
  });

  it('extracts the article figures and none of the numbers in the page chrome', async () => {
    const ids = t.store.db.prepare('SELECT id FROM articles').pluck().all() as number[];
    const values = t.store.facts.forArticles(ids, ['figure']).map((f) => f.value!).sort((a, b) => a - b);
    expect(values).toEqual(expect.arrayContaining([303, 971, 1000]));
    for (const chrome of [187, 24, 64.2, 3400, 12, 48, 250000, 1250, 27, 120, 0.42, 21]) expect(values).not.toContain(chrome);
  });
});

describe('bad sources get a clear error and change nothing', () => {
  const snapshot = () => ({
    sources: t.store.db.prepare('SELECT COUNT(*) FROM sources').pluck().get(),
    articles: t.store.db.prepare('SELECT COUNT(*) FROM articles').pluck().get(),
    facts: t.store.db.prepare('SELECT COUNT(*) FROM article_facts').pluck().get(),
  });

  it('refuses a malformed feed', async () => {
    const before = snapshot();
    const reply = await runLine(t, registry, `/source add ${origin}/malformed.xml`);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/malformed|XML/i);
    expect(reply.intro).toContain('/malformed.xml');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a web page that is not a feed and links to none', async () => {
    const before = snapshot();
    const reply = await runLine(t, registry, `/source add ${origin}/page.html`);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/not an RSS or Atom feed/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a feed URL with a user name and password before fetching it, and never shows the password', async () => {
    const before = snapshot();
    const seen = hits.length;
    const reply = await runLine(t, registry, `/source add ${origin.replace('http://', 'http://ann:s3cret@')}/teaser.xml`);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/user name or password/);
    expect(JSON.stringify(reply)).not.toContain('s3cret');
    expect(JSON.stringify(reply)).toContain('ann:***@');
    expect(hits.length).toBe(seen);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a 404 naming the status and the address', async () => {
    const reply = await runLine(t, registry, `/source add ${origin}/missing.xml`);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/404/);
    expect(reply.intro).toContain('/missing.xml');
  });

  it('refuses the same feed twice', async () => {
    const reply = await runLine(t, registry, `/source add ${origin}/teaser.xml`);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/already a source/);
  });

  it('refuses a local file path from a chat platform', async () => {
    const reply = await runLine(t, registry, `/source add ${fixture('feeds/rss2.xml')}`, {
      platform: 'discord',
      tenant: 'g1',
      isAdmin: true,
      allowLocalFiles: false,
    });
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/not a web address/);
    expect(t.store.sources.list('g1')).toEqual([]);
  });

  it('answers an unknown command and a missing option with a message', async () => {
    expect((await runLine(t, registry, '/frobnicate now')).intro).toBe('Unknown command /frobnicate.');
    expect((await runLine(t, registry, '/figures')).intro).toMatch(/needs topic/);
  });
});

describe('private addresses', () => {
  it('are refused when FACTFEED_ALLOW_PRIVATE is off', async () => {
    const strict = testServices({ env: { FACTFEED_ALLOW_PRIVATE: '0' } });
    try {
      const reply = await runLine(strict, registry, `/source add ${origin}/teaser.xml`);
      expect(reply.kind).toBe('error');
      expect(reply.intro).toMatch(/private or local network address/);
      expect(strict.store.sources.list('local')).toEqual([]);
    } finally {
      strict.cleanup();
    }
  });
});
