import { describe, it, expect } from 'vitest';
import { registry } from '../../commands/index.ts';
import { runLine } from '../../src/platforms/console/index.ts';
import { storeItem } from '../../src/ingest/pipeline.ts';
import type { Invocation } from '../../commands/types.ts';
import type { Services } from '../../src/services.ts';
import { useApp } from '../deliver/helpers.ts';

const app = useApp();
const inv: Invocation = { platform: 'slack', tenant: 'T1', channel: 'C1', user: 'U1', isAdmin: true, allowLocalFiles: false };
const run = (s: Services, line: string, i: Invocation = inv) => runLine(s, registry, line, i);

describe('/digest', () => {
  it('sets a schedule on the current channel and says when the next one comes, in its zone and in UTC', async () => {
    const { services } = app('2025-03-29T12:00:00Z');
    await run(services, '/subscribe C1');
    const reply = await run(services, '/digest set "0 9 * * *" Europe/Kyiv');
    expect(reply.kind).toBe('ok');
    expect(reply.sections[0]!.lines[0]!.text).toBe('Next one: Sun 30 Mar, 09:00 Europe/Kyiv (06:00 UTC).');
    expect(services.store.subscriptions.find('T1', 'slack', 'C1')).toMatchObject({ digestCron: '0 9 * * *', digestTz: 'Europe/Kyiv', nextDigestAt: '2025-03-30T06:00:00.000Z' });
  });

  it('acts on the channel named in the option rather than the current one', async () => {
    const { services } = app();
    await run(services, '/subscribe C2');
    await run(services, '/digest set "0 18 * * 1-5" channel:C2');
    expect(services.store.subscriptions.find('T1', 'slack', 'C2')!.digestCron).toBe('0 18 * * 1-5');
  });

  it.each([
    ['/digest set "0 9 * *"', /needs 5: minute hour/],
    ['/digest set "0 25 * * *"', /not a valid cron expression/],
    ['/digest set "0 9 * * *" Europe/Kyyiv', /"Europe\/Kyyiv" is not a time zone/],
  ])('explains what is wrong with %s', async (line, message) => {
    const { services } = app();
    await run(services, '/subscribe C1');
    const reply = await run(services, line);
    expect(reply.kind).toBe('error');
    expect(reply.intro).toMatch(message);
    expect(services.store.subscriptions.find('T1', 'slack', 'C1')!.digestCron).toBeNull();
  });

  it('asks for /subscribe first on a channel without a subscription, and never sees another tenant’s', async () => {
    const { services } = app();
    await run(services, '/subscribe C1', { ...inv, tenant: 'T2' });
    const reply = await run(services, '/digest now');
    expect(reply.intro).toMatch(/C1 is not subscribed. Run \/subscribe C1 first/);
  });

  it('turns the digest off', async () => {
    const { services } = app();
    await run(services, '/subscribe C1');
    await run(services, '/digest set "0 9 * * *"');
    expect((await run(services, '/digest off')).kind).toBe('ok');
    expect(services.store.subscriptions.find('T1', 'slack', 'C1')).toMatchObject({ digestCron: null, nextDigestAt: null });
    expect((await run(services, '/digest off')).intro).toMatch(/no digest scheduled/);
  });

  it('/digest now queues one digest when there is news and says so when there is none', async () => {
    const { services, clock } = app();
    await run(services, '/subscribe C1');
    expect((await run(services, '/digest now')).intro).toMatch(/^Nothing new for #C1/);
    const source = services.store.sources.add({ tenant: 'T1', url: 'https://wire.example.org/feed', kind: 'url' }, clock.now());
    clock.advance(60_000);
    storeItem({ ...services, onNewArticle: () => undefined }, services.store.feeds.get(source.feedId)!, { guid: 'a', title: 'Swap: 150 prisoners home', text: 'Ukraine said 150 prisoners came home.', isTeaser: false });
    expect((await run(services, '/digest now')).intro).toMatch(/A digest of 1 new article .* is on its way to #C1/);
    const sub = services.store.subscriptions.find('T1', 'slack', 'C1')!;
    expect(services.store.outbox.forSubscription(sub.id).map((r) => r.kind)).toEqual(['digest']);
  });
});
