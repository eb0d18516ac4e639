import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { fixture, testServices, type TestServices } from '../helpers/services.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let t: TestServices;
let served = 0;

// The feed answers the validating fetch and then goes away, as a host whose second DNS answer is
// private would: the first poll fails after validation passed.
beforeAll(async () => {
  server = await startTestServer((_req, res) => {
    served++;
    if (served > 1) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('gone');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(fixture('feeds/rss2.xml')));
  });
  t = testServices();
});
afterAll(async () => {
  t.cleanup();
  await server.close();
});

describe('/source add', () => {
  it('either succeeds or leaves nothing behind when the first poll fails', async () => {
    const reply = await runLine(t, registry, `/source add ${server.origin}/feed.xml`);
    expect(served).toBe(2);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(/503/);
    expect(t.store.sources.list('local')).toEqual([]);
    expect(t.store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
  });
});
