import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExtractPool, type ExtractPool } from '../../src/ingest/extract-pool.ts';
import { pollSource, type IngestDeps } from '../../src/ingest/pipeline.ts';
import { extractFacts } from '../../src/extract/index.ts';
import type { ArticleInput } from '../../src/extract/types.ts';
import { openStore, type SqliteStore } from '../../src/store/index.ts';
import { silentLogger } from '../../src/log.ts';

const pools: ExtractPool[] = [];
const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const pool = (threads: number): ExtractPool => {
  const p = createExtractPool(threads);
  pools.push(p);
  return p;
};

const article = (i: number): ArticleInput => ({
  title: `Harbour ${i} reports a record season`,
  text: `Freight through harbour ${i} rose ${i + 2}% to ${i + 40} million tonnes last year, from ${i + 38} million, the port authority said.\n\n"We moved ${i * 100 + 5} ships in December alone," said harbourmaster Ada Brenn.`,
  published: new Date('2025-02-10T09:00:00Z'),
  timeZone: 'UTC',
});

describe('extraction threads', () => {
  it('extracts in a thread exactly what the main thread extracts', async () => {
    const input = article(1);
    expect(await pool(1).extract(input)).toEqual(extractFacts(input));
  });

  it('answers many articles in flight at once, each with its own extraction', async () => {
    const p = pool(2);
    const inputs = Array.from({ length: 12 }, (_, i) => article(i + 1));
    const out = await Promise.all(inputs.map((input) => p.extract(input)));
    out.forEach((x, i) => expect(x).toEqual(extractFacts(inputs[i]!)));
  });

  it('rejects work still queued when closed, and refuses new work after', async () => {
    const p = createExtractPool(1);
    const settling = Promise.allSettled(Array.from({ length: 5 }, (_, i) => p.extract(article(i))));
    await p.close();
    const settled = await settling;
    expect(settled.some((s) => s.status === 'rejected')).toBe(true);
    await expect(p.extract(article(9))).rejects.toThrow(/closed/);
  });

  it('refuses a thread count that is not a positive whole number', () => {
    expect(() => createExtractPool(0)).toThrow(/threads/);
    expect(() => createExtractPool(1.5)).toThrow(/threads/);
  });
});

function feedFile(n: number, changed = ''): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'factfeed-pool-'));
  dirs.push(dir);
  const items = Array.from({ length: n }, (_, i) => {
    const a = article(i + 1);
    return `<item><title>${a.title}</title><guid>h${i + 1}</guid><pubDate>${new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toUTCString()}</pubDate>
      <description>${(a.text + (i === 0 ? changed : '')).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description></item>`;
  });
  const path = join(dir, 'feed.xml');
  writeFileSync(path, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbours</title>${items.join('')}</channel></rss>`);
  return { dir, path };
}

type SqliteDeps = IngestDeps & { store: SqliteStore; sqlite: SqliteStore };

function depsFor(dir: string, extra: Partial<IngestDeps>): SqliteDeps {
  const store = openStore(join(dir, `db-${stores.length}.sqlite`));
  stores.push(store);
  const clock = { now: () => new Date('2025-02-20T00:00:00Z') };
  return { ...extra, store, sqlite: store, clock, log: silentLogger, fetch: () => Promise.reject(new Error('no fetching in this test')) };
}

/** Every figure stored for the feed, as the answers read them. */
const figuresOf = (deps: SqliteDeps, tenant: string): string[] =>
  deps.sqlite.search.recentFigures(tenant, { phrases: [['harbour']], together: [] }, 1000).map((f) => `${f.article.title}|${f.raw}|${f.value}|${f.counted ?? ''}|${f.refDate ?? ''}|${f.attribution ?? ''}`).sort();

describe('a poll with extraction threads', () => {
  it('stores the same facts as a poll that extracts on its own thread', async () => {
    const { dir, path } = feedFile(20);
    const threaded = depsFor(dir, { extractor: pool(2) });
    const inline = depsFor(dir, {});
    for (const deps of [threaded, inline]) {
      const added = deps.sqlite.sources.add({ tenant: 't', url: path, kind: 'file' }, deps.clock.now());
      expect((await pollSource(deps, deps.sqlite.feeds.get(added.feedId)!)).added).toBe(20);
    }
    const got = figuresOf(threaded, 't');
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(figuresOf(inline, 't'));
  });

  it('sends a known article to the threads again only when its text changed', async () => {
    const { dir, path } = feedFile(6);
    const real = pool(1);
    const sent: string[] = [];
    const counting: ExtractPool = { threads: 1, warm: () => real.warm(), close: () => real.close(), extract: (input) => (sent.push(input.title), real.extract(input)) };
    const deps = depsFor(dir, { extractor: counting });
    const added = deps.sqlite.sources.add({ tenant: 't', url: path, kind: 'file' }, deps.clock.now());
    await pollSource(deps, deps.sqlite.feeds.get(added.feedId)!);
    expect(sent).toHaveLength(6);
    sent.length = 0;
    const again = feedFile(6, ' The authority later revised one count.');
    writeFileSync(path, readFileSync(again.path, 'utf8'));
    const result = await pollSource(deps, deps.sqlite.feeds.get(added.feedId)!);
    expect(result.updated).toBe(1);
    expect(sent).toEqual(['Harbour 1 reports a record season']);
  });

  it('stores an article the threads could not extract without facts, with a warning naming it', async () => {
    const { dir, path } = feedFile(3);
    const real = pool(1);
    const failing: ExtractPool = {
      threads: 1,
      warm: () => real.warm(),
      close: () => real.close(),
      extract: (input) => (input.title.startsWith('Harbour 2 ') ? Promise.reject(new Error('extraction thread exited with code 1')) : real.extract(input)),
    };
    const deps = depsFor(dir, { extractor: failing });
    const added = deps.sqlite.sources.add({ tenant: 't', url: path, kind: 'file' }, deps.clock.now());
    const result = await pollSource(deps, deps.sqlite.feeds.get(added.feedId)!);
    expect(result.added).toBe(3);
    expect(result.warnings.join('\n')).toMatch(/Harbour 2 reports.*without facts.*exited with code 1/);
    const titles = new Set(figuresOf(deps, 't').map((f) => f.split('|')[0]));
    expect([...titles].sort()).toEqual(['Harbour 1 reports a record season', 'Harbour 3 reports a record season']);
  });
});
