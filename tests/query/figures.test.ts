import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { describeStores, type OpenStore } from '../helpers/stores.ts';
import { storeItem } from '../../src/ingest/pipeline.ts';
import { findFigures } from '../../src/query/figures.ts';
import { silentLogger } from '../../src/log.ts';
import type { Extraction, FigureFact } from '../../src/extract/types.ts';

let store: Store;

const figure = (over: Partial<FigureFact>): FigureFact => ({
  kind: 'figure',
  sentenceIndex: 1,
  sentence: 'Ukraine said its forces captured 909 Russian soldiers in the prisoner campaign.',
  raw: '909',
  value: 909,
  counted: 'Russian soldiers',
  countedKey: 'russian soldier',
  event: 'captured',
  date: '2025-02-06',
  ...over,
});

async function storeWith(open: OpenStore, facts: FigureFact[]): Promise<void> {
  store = await open();
  const source = await store.sources.add({ tenant: 'local', url: 'https://wire.example/feed', kind: 'url' }, new Date('2025-02-06T00:00:00Z'));
  const extraction: Extraction = { sentences: [], facts, topics: ['prisoner of war'] };
  const deps = { store, clock: { now: () => new Date('2025-02-06T12:00:00Z') }, log: silentLogger, fetch: () => Promise.reject(new Error('offline')), extract: () => extraction };
  await storeItem(deps, (await store.feeds.get(source.feedId))!, { guid: 'g1', title: 'Prisoners captured', text: 'body', published: new Date('2025-02-06T10:00:00Z'), isTeaser: false });
}

describeStores('findFigures', (open) => {
  it('leaves out a bare "one" and denied figures', async () => {
    await storeWith(open, [
      figure({}),
      figure({ raw: 'one', value: 1, counted: 'prisoner exchange', countedKey: 'prisoner exchange', sentence: 'It was one more prisoner exchange.' }),
      figure({ raw: '300', value: 300, negated: true, counted: 'prisoners', countedKey: 'prisoner', sentence: 'Moscow denied that 300 prisoners were captured.' }),
    ]);
    expect((await findFigures(store, { tenant: 'local', topic: 'prisoners' })).map((p) => p.value)).toEqual([909]);
  });

  it('drops a counted phrase that starts with a relative word rather than show it as a label', async () => {
    await storeWith(open, [figure({ raw: 'more than 900', value: 900, counted: 'which the General Staff', countedKey: 'staff', sentence: 'A figure of more than 900 captured prisoners, which the General Staff put out.' })]);
    const [p] = await findFigures(store, { tenant: 'local', topic: 'prisoners' });
    expect(p).toMatchObject({ value: 900, counted: null, countedKey: null });
  });
});
