import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './shared.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SeedArticle {
  slug: string;
  title: string;
  published: string;
  /** Paragraphs of the page, chrome lines included, as a reader's browser would get them. */
  paragraphs: string[];
}

/**
 * The two seed articles as a publisher would serve them: 000 (no date line; published 26 May 2025,
 * the day after the statement it reports) and 004 (its first line carries "date 2025-02-06"). 004 has
 * no headline of its own, so it gets one in our words.
 */
export function seedArticles(): SeedArticle[] {
  const lines = (f: string) => readFileSync(join(SEEDS_DIR, f), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const a = lines('000_3cfe998d9931a718.txt');
  const b = lines('004_72abcde973f23b3d.txt');
  const first = b[0]!.replace(/^date \d{4}-\d{2}-\d{2}\s*/, '');
  return [
    { slug: '004', title: 'Ukraine says Kursk push took over 900 Russian prisoners', published: '2025-02-06T15:00:00Z', paragraphs: [first, ...b.slice(1)] },
    { slug: '000', title: a[1]!, published: '2025-05-26T09:00:00Z', paragraphs: a.slice(2) },
  ];
}

/** A teaser feed: each item carries its first paragraph only, so factfeed must fetch the page. */
export function teaserFeed(origin: string, articles: readonly SeedArticle[]): string {
  const items = articles.map((a) => `<item><title>${esc(a.title)}</title><link>${origin}/news/${a.slug}.html</link><guid>${origin}/news/${a.slug}</guid>` +
    `<pubDate>${new Date(a.published).toUTCString()}</pubDate><description>${esc(a.paragraphs[0]!)}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Seed wire</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

/** The article page: a plain news page with a header, the article and a footer. */
export function articlePage(a: SeedArticle): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)}</title></head><body>` +
    `<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>` +
    `<main><article><h1>${esc(a.title)}</h1><time datetime="${a.published}"></time>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></main>` +
    `<footer>© Seed wire</footer></body></html>`;
}
