import { parseHtmlDocument } from './htmltext.ts';

/** Feed URLs a page advertises with <link rel="alternate">, best first, as absolute URLs. */

// Lower rank is better: XML feeds carry the most readers' expectations, JSON Feed is rarer.
const FEED_TYPES: Record<string, number> = {
  'application/rss+xml': 0,
  'application/atom+xml': 0,
  'application/rdf+xml': 1,
  'application/feed+json': 2,
  'application/json': 3,
};

/** Comment feeds and per-tag feeds are feeds, but not the one a user means by "this site". */
const SECONDARY = /comment|replies|\/tag\/|\/category\//i;

export function discoverFeeds(html: string, pageUrl: string): string[] {
  const doc = parseHtmlDocument(html);
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href') ?? undefined;
  const base = absolute(baseHref, pageUrl) ?? pageUrl;
  const found: { url: string; rank: number; order: number }[] = [];
  const seen = new Set<string>();
  Array.from(doc.querySelectorAll('link[rel][href]')).forEach((link, order) => {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const typeRank = FEED_TYPES[type];
    if (!rels.includes('alternate') || typeRank === undefined) return;
    // application/json alternates are usually oEmbed or API links, not feeds.
    if (type === 'application/json' && !/feed/i.test(link.getAttribute('href') ?? '')) return;
    const url = absolute(link.getAttribute('href') ?? '', base);
    if (url === undefined || seen.has(url)) return;
    seen.add(url);
    const secondary = SECONDARY.test(url) || SECONDARY.test(link.getAttribute('title') ?? '');
    found.push({ url, rank: typeRank + (secondary ? 10 : 0), order });
  });
  return found.sort((a, b) => a.rank - b.rank || a.order - b.order).map((f) => f.url);
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href || href.trim() === '') return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
