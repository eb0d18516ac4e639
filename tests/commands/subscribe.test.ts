import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import type { Invocation } from '../../commands/types.ts';
import type { Services } from '../../src/services.ts';
import { renderText } from '../../src/reply/text.ts';
import { useApp, startFeedServer, rss, type FeedServer } from '../deliver/helpers.ts';

const app = useApp();
const discordAdmin: Invocation = { platform: 'discord', tenant: 'guild-a', channel: '111', user: 'u1', isAdmin: true, allowLocalFiles: false };
const run = (s: Services, line: string, inv: Invocation = discordAdmin) => runLine(s, registry, line, inv);

describe('/subscribe and /unsubscribe', () => {
  it('subscribes a channel with include and exclude terms, scoped to the tenant and platform', async () => {
    const { services } = app();
    const reply = await run(services, '/subscribe <#222> include:"kursk, prisoner exchange" exclude:sport');
    expect(reply.kind).toBe('ok');
    expect(renderText(reply)).toContain('"prisoner exchange"');
    const sub = services.store.subscriptions.find('guild-a', 'discord', '222')!;
    expect(sub).toMatchObject({ include: ['kursk', 'prisoner exchange'], exclude: ['sport'], disabledAt: null });
    expect(services.store.subscriptions.list('guild-b')).toEqual([]);
  });

  it('refuses people who are not admins', async () => {
    const { services } = app();
    const reply = await run(services, '/subscribe 222', { ...discordAdmin, isAdmin: false });
    expect(reply.kind).toBe('error');
    expect(services.store.subscriptions.list('guild-a')).toEqual([]);
  });

  it('replaces the filters and switches a disabled subscription back on when run again', async () => {
    const { services, clock } = app();
    await run(services, '/subscribe 222 include:kursk');
    const sub = services.store.subscriptions.find('guild-a', 'discord', '222')!;
    services.store.subscriptions.disable(sub.id, 'Missing Permissions', clock.now());
    await run(services, '/subscribe 222');
    expect(services.store.subscriptions.get(sub.id)).toMatchObject({ include: [], disabledAt: null, disabledReason: null });
  });

  it('unsubscribes only the tenant’s own channel, with a clear error when there is none', async () => {
    const { services } = app();
    await run(services, '/subscribe 222');
    const other = await run(services, '/unsubscribe 222', { ...discordAdmin, tenant: 'guild-b' });
    expect(other.kind).toBe('error');
    expect(other.intro).toContain('not subscribed');
    expect((await run(services, '/unsubscribe 222')).kind).toBe('ok');
    expect(services.store.subscriptions.list('guild-a')).toEqual([]);
  });

  it('files CLI subscriptions under the console, which is where their posts are printed', async () => {
    const { services } = app();
    await run(services, '/subscribe #news', { platform: 'cli', tenant: 'local', isAdmin: true, allowLocalFiles: true });
    expect(services.store.subscriptions.find('local', 'console', 'news')).toBeDefined();
  });
});

describe('/source import', () => {
  let server: FeedServer;
  afterEach(async () => server?.close());

  const opml = (urls: string[]) =>
    `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="News">${urls
      .map((u, i) => `<outline type="rss" text="Feed ${i + 1}" xmlUrl="${u}"/>`)
      .join('')}</outline></body></opml>`;

  it('adds each feed of an OPML file after fetching it, reporting duplicates and failures without stopping', async () => {
    const { services } = app();
    server = await startFeedServer();
    server.setFeed(rss([{ guid: 'a', title: 'A', text: 'Text.', date: '2025-03-01T00:00:00Z' }], 'Imported Wire'));
    const dir = mkdtempSync(join(tmpdir(), 'factfeed-opml-'));
    const file = join(dir, 'list.opml');
    writeFileSync(file, opml([server.url, `${server.url}?second`, `${server.origin}/missing.xml`, '/etc/passwd']));
    const cli: Invocation = { platform: 'cli', tenant: 'local', isAdmin: true, allowLocalFiles: true };
    const reply = await run(services, `/source import url:${file}`, cli);
    const text = renderText(reply);
    expect(reply.intro).toBe('Imported 2 of 4 feeds from the OPML list.');
    expect(text).toMatch(/Not added — Feed 3: .*404/);
    expect(text).toMatch(/Not added — Feed 4: not an http\(s\) feed address/);
    expect(services.store.sources.list('local').map((s) => s.title)).toEqual(['Imported Wire', 'Imported Wire']);
    const again = await run(services, `/source import url:${file}`, cli);
    expect(renderText(again)).toContain('Already followed: 2');
  });

  it('reads an OPML attachment by URL in chat, and refuses a local path there', async () => {
    const { services } = app();
    server = await startFeedServer();
    server.setFeed(opml([]));
    const refused = await run(services, '/source import url:/tmp/list.opml');
    expect(refused.intro).toMatch(/not a web address/);
    const empty = await run(services, `/source import file:${server.url}`);
    expect(empty.intro).toMatch(/lists no feeds/);
  });
});
