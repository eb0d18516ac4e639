import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusSpec } from '../../bench/corpus.ts';
import { startFeedServer, type FeedServer } from '../../bench/server.ts';
import { followedBy, sharedFeedsPhase } from '../../bench/shared.ts';

// The shared-feeds phase of `npm run bench` at a size that runs inside `npm test`: 30 servers each
// following 10 of 20 feeds over the real loopback server. No timing assertions.
const spec = corpusSpec(60, { sources: 20 });

describe('bench shared-feeds phase at 30 servers', () => {
  let server: FeedServer;
  let dir: string;
  beforeAll(async () => {
    server = await startFeedServer(spec);
    dir = mkdtempSync(join(tmpdir(), 'factfeed-bench-shared-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks distinct feeds per server, the same on every run', () => {
    const picks = followedBy(7, 20, 5);
    expect(new Set(picks).size).toBe(5);
    expect(followedBy(7, 20, 5)).toEqual(picks);
  });

  it('fetches each feed once per cycle however many servers follow it, and stores one article per new item', async () => {
    const r = await sharedFeedsPhase({ dbPath: join(dir, 'shared.db'), serverUrl: server.url, feeds: 20, servers: 30, perServer: 10, fraction: 0.1 });
    expect(r.follows).toBe(300);
    expect(r.feeds).toBe(20);
    expect(r.cycles.map((c) => c.fetches)).toEqual([20, 20, 20]);
    expect(r.cycles[1]!.notModified).toBe(20);
    expect(r.cycles[0]!.added).toBe(60);
    expect(r.changedFeeds).toBe(2);
    expect(r.articlesPerNewItem).toBe(1);
    // Each new item reaches the one channel of every server following its feed.
    const followersOfChanged = [0, 10].map((f) => Array.from({ length: 30 }, (_, k) => followedBy(k, 20, 10)).filter((p) => p.includes(f)).length);
    expect(r.cycles[2]!.outboxRows).toBe(followersOfChanged[0]! + followersOfChanged[1]!);
  });
});
