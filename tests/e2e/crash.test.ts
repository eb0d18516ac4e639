import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { startFeedServer, rss, type FeedServer } from '../deliver/helpers.ts';

const repo = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'factfeed-crash-'));
const dbPath = join(dir, 'bot.db');

interface Received {
  nonce: string;
  kind: string;
  channel: string;
  title: string;
}

let feed: FeedServer;
let webhook: http.Server;
let webhookUrl = '';
const received: Received[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  feed = await startFeedServer();
  feed.setFeed(
    rss([
      { guid: 'c1', title: 'Swap returns 150 prisoners of war', text: 'Ukraine said 150 prisoners of war came home on Saturday.', date: '2025-03-01T08:00:00Z' },
      { guid: 'c2', title: 'Kursk: 971 soldiers captured', text: 'The General Staff said 971 Russian soldiers had been captured since August.', date: '2025-03-02T08:00:00Z' },
      { guid: 'c3', title: 'Harbour dredging starts', text: 'Dredging worth about $3.2 million begins in April.', date: '2025-03-03T08:00:00Z' },
    ]),
  );
  webhook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const d = JSON.parse(body) as { nonce: string; kind: string; channel: string; reply: { title: string } };
      received.push({ nonce: d.nonce, kind: d.kind, channel: d.channel, title: d.reply.title });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/deliveries`;

  const store = openStore(dbPath);
  store.sources.add({ tenant: 'crash', url: feed.url, kind: 'url', title: 'Crash Wire' }, new Date());
  store.subscriptions.upsert({ tenant: 'crash', platform: 'console', channel: 'news' }, new Date());
  store.close();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await feed.close();
  webhook.closeAllConnections();
  await new Promise<void>((r) => webhook.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

/** The real bot in console mode; stdin stays open so it keeps running until killed. */
function startBot(sendDelayMs: number): ChildProcess {
  const child = spawn(process.execPath, ['bin/factfeed.js', 'start'], {
    cwd: repo,
    env: {
      ...process.env,
      FACTFEED_DB: dbPath,
      FACTFEED_ALLOW_PRIVATE: '1',
      FACTFEED_CONSOLE_WEBHOOK: webhookUrl,
      FACTFEED_SEND_DELAY_MS: String(sendDelayMs),
      FACTFEED_SAMPLE_FEED: join(dir, 'no-sample.xml'),
      FACTFEED_LOG_LEVEL: 'error',
      DISCORD_TOKEN: '',
      DISCORD_PUBLIC_KEY: '',
      SLACK_BOT_TOKEN: '',
    },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

function outbox(): { pending: number; sent: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) - COUNT(sent_at) AS pending, COUNT(sent_at) AS sent FROM outbox').get() as { pending: number; sent: number };
  } finally {
    db.close();
  }
}

async function waitFor(what: string, cond: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const kill9 = async (child: ChildProcess): Promise<void> => {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
};

describe('crash safety (kill -9)', () => {
  it('loses no delivery and sends none twice when killed between storing and sending, and mid-drain', async () => {
    // Sends are delayed, so the bot spends a while with posts stored but not yet sent.
    const first = startBot(1500);
    await waitFor('the poll has queued 3 posts', () => outbox().pending === 3);
    expect(received).toEqual([]);
    // Killed mid-drain: one post sent and marked, two stored and waiting.
    await waitFor('one post is marked sent', () => outbox().sent === 1);
    await kill9(first);
    expect(received).toHaveLength(1);
    expect(outbox()).toEqual({ pending: 2, sent: 1 });

    const second = startBot(0);
    await waitFor('every post is marked sent', () => outbox().sent === 3);
    await new Promise((r) => setTimeout(r, 300));
    await kill9(second);

    expect(received.map((r) => r.title)).toEqual(['Swap returns 150 prisoners of war', 'Kursk: 971 soldiers captured', 'Harbour dredging starts']);
    expect(new Set(received.map((r) => r.nonce)).size).toBe(3);
    expect(received.every((r) => r.kind === 'update' && r.channel === 'news')).toBe(true);
    expect(outbox()).toEqual({ pending: 0, sent: 3 });
    // The feed was fetched once: restarts did not poll the source again before its interval.
    expect(feed.hits).toHaveLength(1);
  }, 60_000);
});
