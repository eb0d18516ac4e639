import type { Store } from '../store/index.ts';

/**
 * Topic suggestions for autocomplete: the tenant's most frequent article topics that contain
 * what was typed so far. Looks at recent articles only, so it stays fast on a large store.
 */
export async function suggestTopics(store: Store, tenant: string, typed: string, limit = 25): Promise<{ name: string; value: string }[]> {
  const counts = await store.search.topicCounts(tenant, 1000);
  const needle = typed.trim().toLowerCase();
  return [...counts.entries()]
    .filter(([t]) => needle === '' || t.includes(needle))
    .sort((a, b) => Number(b[0].startsWith(needle)) - Number(a[0].startsWith(needle)) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([t]) => ({ name: t, value: t }));
}
