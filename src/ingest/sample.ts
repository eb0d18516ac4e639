import type { Store } from '../store/index.ts';

/** Who the sample source is added by; how it is recognised later. */
export const SAMPLE_ADDED_BY = 'factfeed (sample)';

/**
 * Removes the tenant's sample source and its articles once a source of the user's own is added, so
 * invented sample figures are never cited beside real reporting. Returns how many articles went.
 */
export async function dropSampleSource(store: Store, tenant: string): Promise<{ removed: boolean; articles: number }> {
  const sample = (await store.sources.list(tenant)).find((s) => s.addedBy === SAMPLE_ADDED_BY);
  if (!sample) return { removed: false, articles: 0 };
  // A local file is never shared, so the sample's articles are this tenant's alone and go with it.
  const articles = await store.articles.countForFeed(sample.feedId);
  await store.sources.remove(tenant, sample.id);
  return { removed: true, articles };
}
