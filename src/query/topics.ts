import type { Store } from '../store/index.ts';

/**
 * Topic suggestions for autocomplete: the tenant's most frequent article topics that contain
 * what was typed so far. Looks at recent articles only, so it stays fast on a large store.
 */
export function suggestTopics(store: Store, tenant: string, typed: string, limit = 25): { name: string; value: string }[] {
  const rows = store.db
    .prepare(
      `SELECT a.topics FROM articles a
       WHERE EXISTS (SELECT 1 FROM sources s WHERE s.feed_id = a.feed_id AND s.tenant = ?) AND a.topics != '' ORDER BY a.published_at DESC LIMIT 1000`,
    )
    .all(tenant) as { topics: string }[];
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r.topics.split('|')) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  const needle = typed.trim().toLowerCase();
  return [...counts.entries()]
    .filter(([t]) => needle === '' || t.includes(needle))
    .sort((a, b) => Number(b[0].startsWith(needle)) - Number(a[0].startsWith(needle)) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([t]) => ({ name: t, value: t }));
}
