import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { pollSource } from '../../src/ingest/pipeline.ts';
import { fixture, testServices, type TestServices } from '../helpers/services.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let origin = '';
let failing = false;
let t: TestServices;

beforeAll(async () => {
  server = await startTestServer((_req, res) => {
    if (failing) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(readFileSync(fixture('feeds/rss2.xml')));
  });
  origin = server.origin;
  t = testServices();
});
afterAll(async () => {
  t.cleanup();
  await server.close();
});

describe('/source resume', () => {
  it('clears the failures of a source that works again and polls it at once', async () => {
    expect((await runLine(t, registry, `/source add ${origin}/feed.xml`)).kind).toBe('ok');
    const id = t.store.sources.list('local')[0]!.id;
    failing = true;
    await expect(pollSource(t, t.store.feeds.get(t.store.sources.get(id)!.feedId)!)).rejects.toThrow(/503/);
    expect(t.store.sources.get(id)!.consecutiveFailures).toBe(1);

    const stillDown = await runLine(t, registry, `/source resume ${id}`);
    expect(stillDown.kind).toBe('error');
    expect(stillDown.intro).toMatch(/still fails: .*503/);

    failing = false;
    const reply = await runLine(t, registry, `/source resume #${id}`);
    expect(reply.kind).toBe('ok');
    const after = t.store.sources.get(id)!;
    expect(after.consecutiveFailures).toBe(0);
    expect(after.pausedAt).toBeNull();
    expect(after.lastSuccessAt).not.toBeNull();
  });

  it('names an unknown source', async () => {
    expect((await runLine(t, registry, '/source resume 999')).intro).toMatch(/No source "999"/);
  });
});
