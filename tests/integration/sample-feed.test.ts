import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { addSource } from '../../src/ingest/add-source.ts';
import { pollSource } from '../../src/ingest/pipeline.ts';
import { renderText } from '../../src/reply/text.ts';
import { summarize } from '../../src/query/summary.ts';
import { SAMPLE_FEED, testServices, type TestServices } from '../helpers/services.ts';

interface FigureJson {
  value: number;
  qualifier: string | null;
  counted: string | null;
  event: string | null;
  date: string;
  period: { start: string | null; end: string | null } | null;
  attribution: string | null;
  sentence: string;
  title: string;
  url: string | null;
  published: string;
}

/** The Kursk story's articles live under /world/ and /analysis/; the unrelated ones elsewhere. */
const KURSK_STORY = /^https:\/\/news\.example\.org\/(world|analysis)\//;

let t: TestServices;
beforeAll(async () => {
  t = testServices();
  const { source } = await addSource(t, { tenant: 'local', input: SAMPLE_FEED, allowLocalFiles: true });
  const polled = await pollSource(t, t.store.feeds.get(source.feedId)!);
  expect(polled.added).toBe(14);
});
afterAll(() => t.cleanup());

const figuresFor = async (topic: string): Promise<FigureJson[]> => {
  const reply = await runLine(t, registry, `/figures ${topic}`);
  expect(reply.kind).toBe('answer');
  return (reply.data as { figures: FigureJson[] }).figures;
};

describe('from the sample feed to /figures prisoners', () => {
  it('finds the captured-soldier counts with their dates, periods and attributions', async () => {
    const figs = await figuresFor('prisoners');
    const k8 = figs.find((f) => f.value === 971 && f.url === 'https://news.example.org/world/2025/05/25/kursk-971-prisoners' && f.counted === 'Russian soldiers');
    expect(k8).toMatchObject({ counted: expect.stringMatching(/Russian (soldiers|prisoners)/), attribution: expect.stringMatching(/General Staff/), published: '2025-05-25T14:20:00.000Z' });
    const k5 = figs.find((f) => f.value === 909 && f.url === 'https://news.example.org/world/2025/02/06/kursk-909-captives');
    expect(k5).toMatchObject({ counted: 'Russian servicemen', date: '2025-02-06', attribution: expect.stringMatching(/military/i) });
    expect(k5?.period?.start).toBe('2024-08-06');
    const k3 = figs.find((f) => f.value === 700 && f.title.startsWith('Ukraine says more than 700'));
    expect(k3).toMatchObject({ qualifier: 'more than', counted: expect.stringMatching(/Russian (troops|soldiers)/) });
  });

  it('includes the exchanges: 303 prisoners of war returned on 24 May 2025 and 150 released on 5 Feb 2025', async () => {
    const figs = await figuresFor('prisoners');
    expect(figs.find((f) => f.value === 303)).toMatchObject({ counted: expect.stringMatching(/prisoners of war/), date: '2025-05-24' });
    expect(figs.find((f) => f.value === 150)).toMatchObject({ counted: 'prisoners of war', date: '2025-02-05' });
  });

  it('lists figures newest first and leaves the unrelated articles out', async () => {
    const figs = await figuresFor('prisoners');
    const dates = figs.map((f) => f.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const unrelated = /football|tech-|nbu-rate|city-budget|flood/;
    expect(figs.filter((f) => unrelated.test(f.url ?? ''))).toEqual([]);
  });

  it('shows how the Russian-soldier count changed over time: 700+ → 909 → 971', async () => {
    const reply = await runLine(t, registry, '/figures prisoners');
    const text = renderText(reply);
    const timeline = text.split('\n').find((l) => l.startsWith('- Over time:') && l.includes('971'));
    expect(timeline).toBeDefined();
    const i700 = timeline!.indexOf('700+');
    const i909 = timeline!.indexOf('909');
    const i971 = timeline!.indexOf('971');
    expect(i700).toBeGreaterThan(-1);
    expect(i700).toBeLessThan(i909);
    expect(i909).toBeLessThan(i971);
  });

  it('cites every figure line to an article listed under Sources', async () => {
    const reply = await runLine(t, registry, '/figures prisoners');
    const cited = reply.sections.flatMap((s) => s.lines.flatMap((l) => l.cites ?? []));
    expect(cited.length).toBeGreaterThan(0);
    const numbers = reply.citations.map((c) => c.n);
    for (const n of cited) expect(numbers).toContain(n);
    for (const c of reply.citations) expect(c.url).toMatch(KURSK_STORY);
  });
});

describe('/summary kursk from the sample feed', () => {
  it('gives dated lines in date order, each cited to a Kursk article', async () => {
    const reply = await runLine(t, registry, '/summary kursk');
    expect(reply.kind).toBe('answer');
    const happened = reply.sections.find((s) => s.heading === 'What happened');
    expect(happened!.lines.length).toBeGreaterThanOrEqual(4);
    const dates = (reply.data as { lines: { date: string }[] }).lines.map((l) => l.date);
    expect(dates).toEqual([...dates].sort());
    for (const line of happened!.lines) {
      expect(line.text).toMatch(/^\d{1,2} [A-Z][a-z]{2} 20\d\d: /);
      expect(line.cites!.length).toBeGreaterThan(0);
    }
    for (const c of reply.citations) expect(c.url).toMatch(KURSK_STORY);
  });

  it('leads with key figures, including the newest captured-soldier count', async () => {
    const reply = await runLine(t, registry, '/summary kursk');
    expect(reply.sections[0]!.heading).toBe('Key figures');
    expect(reply.sections[0]!.lines.map((l) => l.text).join('\n')).toMatch(/971/);
  });

  it('treats "Kursk Oblast" and "the Kursk region" as the same topic as kursk', async () => {
    const ids = async (topic: string) => (await runLine(t, registry, `/summary ${topic}`)).citations.map((c) => c.url).sort();
    const kursk = await ids('kursk');
    expect(await ids('Kursk Oblast')).toEqual(kursk);
    expect(await ids('the Kursk region')).toEqual(kursk);
  });

  it('drops the oldest lines, never the newest, when the summary must be short', async () => {
    const full = await summarize(t.store, { tenant: 'local', topic: 'kursk' });
    const short = await summarize(t.store, { tenant: 'local', topic: 'kursk', maxChars: 500 });
    expect(short.lines.length).toBeLessThan(full.lines.length);
    expect(short.lines.at(-1)).toEqual(full.lines.at(-1));
    expect(short.lines.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(500);
  });

  it('flags the dispute over who controls the Kursk region', async () => {
    const reply = await runLine(t, registry, '/summary kursk');
    const disputed = reply.sections.find((s) => s.heading === 'Disputed');
    expect(disputed).toBeDefined();
    const text = disputed!.lines.map((l) => l.text).join('\n');
    expect(text).toMatch(/Russia|Moscow|Kremlin/);
    expect(text).toMatch(/Ukrain|Kyiv/);
    const parties = (reply.data as { disputes: { sides: { party: string }[] }[] }).disputes.flatMap((d) => d.sides.map((s) => s.party));
    expect(parties).toEqual(expect.arrayContaining(['russia', 'ukraine']));
  });
});

describe('/claims kursk from the sample feed', () => {
  it('sets Russia’s claim to have liberated the region against Ukraine’s that fighting goes on', async () => {
    const reply = await runLine(t, registry, '/claims kursk');
    expect(reply.kind).toBe('answer');
    const disputes = (reply.data as { disputes: { subjectKey: string; sides: { party: string; text: string }[] }[] }).disputes;
    const control = disputes.find((d) => d.subjectKey.endsWith('control'));
    expect(control).toBeDefined();
    const parties = control!.sides.map((s) => s.party);
    expect(parties).toContain('russia');
    expect(parties).toContain('ukraine');
    expect(control!.sides.find((s) => s.party === 'russia')!.text).toMatch(/liberat|retaken|driven|out of/i);
    const lines = reply.sections.find((s) => s.heading === 'Disputed')!.lines;
    for (const l of lines) expect(l.cites!.length).toBe(1);
  });

  it('keeps claims from unrelated articles out', async () => {
    const reply = await runLine(t, registry, '/claims kursk');
    for (const c of reply.citations) expect(c.url).toMatch(KURSK_STORY);
  });
});

describe('restarts and re-ingest', () => {
  it('adds nothing when the same feed is ingested again', async () => {
    const source = t.store.sources.list('local')[0]!;
    const before = { articles: t.store.articles.countForFeed(source.feedId), facts: t.store.facts.countForTenant('local') };
    const again = await pollSource(t, t.store.feeds.get(source.feedId)!);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 14 });
    expect(t.store.articles.countForFeed(source.feedId)).toBe(before.articles);
    expect(t.store.facts.countForTenant('local')).toBe(before.facts);
  });
});
