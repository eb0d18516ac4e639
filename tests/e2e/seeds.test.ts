import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { renderText } from '../../src/reply/text.ts';
import { testServices, type TestServices } from '../helpers/services.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { haveShared } from '../helpers/shared.ts';
import { articlePage, seedArticles, teaserFeed } from '../helpers/seed-feed.ts';

let server: TestServer;
let t: TestServices;
const ask = async (line: string) => renderText(await runLine(t, registry, line));

describe.skipIf(!haveShared('seeds'))('the seed articles as a teaser feed, added alone', () => {
  beforeAll(async () => {
    const seeds = seedArticles();
    server = await startTestServer((req, res, origin) => {
      const page = seeds.find((a) => req.url === `/news/${a.slug}.html`);
      if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(teaserFeed(origin, seeds));
      else if (page) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(page));
      else res.writeHead(404).end();
    });
    t = testServices();
    const added = await runLine(t, registry, `/source add ${server.origin}/feed.xml`);
    expect(added.kind).toBe('ok');
  });
  afterAll(async () => {
    t?.cleanup();
    await server?.close();
  });

  it('/figures prisoners leads with the General Staff’s 971 in one captured-soldiers series, and one exchange group', async () => {
    const text = await ask('/figures prisoners');
    const sections = text.split(/^## /m).slice(1);
    const captured = sections.filter((s) => /captured/.test(s.split('\n')[0]!));
    expect(captured).toHaveLength(1);
    expect(sections[0]).toBe(captured[0]);
    expect(captured[0]).toContain('Over time: 700+ (Dec 2024) → 909 (6 Feb 2025) → 971 (25 May 2025)');
    expect(captured[0]!.split('\n').find((l) => l.startsWith('- ') && !l.startsWith('- Over time'))).toMatch(/^- 971 Russian soldiers captured/);
    expect(sections.filter((s) => /exchange|swap|releas/.test(s.split('\n')[0]!))).toHaveLength(1);
    // The headline's rounded 1,000 is a rounding of 971: it leads nothing and is no point of a series.
    expect(text).not.toMatch(/^- 1,000 Russian Soldiers/m);
    expect(text).not.toMatch(/→ 1,000 \(/);
  });

  it('/summary kursk gives 971 as its first key figure, with the earlier counts as its history', async () => {
    const text = await ask('/summary kursk');
    const key = text.split('## Key figures\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(key[0]).toMatch(/^- 971 Russian soldiers captured .*\(was 700\+ \(Dec 2024\) → 909 \(6 Feb 2025\)\)/);
    expect(key.join('\n')).not.toMatch(/1,000 Russian/);
  });

  it('dates, events and vague counts of the seed read right in --json', async () => {
    const reply = await runLine(t, registry, '/figures prisoners');
    const figs = (reply.data as { figures: Array<Record<string, unknown>> }).figures;
    const mariupol = figs.find((f) => f.value === 70)!;
    expect(mariupol.date).not.toMatch(/^2022/);
    expect(figs.find((f) => f.value === 303)!.event).toBe('returned');
    const hundreds = figs.filter((f) => /^hundreds of$/i.test(String(f.raw)));
    expect(hundreds.length).toBeGreaterThan(0);
    for (const h of hundreds) expect(h).toMatchObject({ value: 200, valueHigh: 999, vague: true });
    expect(figs.find((f) => f.value === 1000 && f.unit === null)?.roundingOf).toBe(971);
  });
});
