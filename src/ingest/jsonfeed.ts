import { htmlToText, inlineText } from './htmltext.ts';
import { isTeaser, parseDate, resolveLink, titleFromText } from './feeditem.ts';
import { FeedError } from './types.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

/** JSON Feed 1.x (https://jsonfeed.org), which sites advertise as application/feed+json. */

interface JsonItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  author?: { name?: unknown };
  authors?: { name?: unknown }[];
}

export function parseJsonFeed(doc: string, source: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(doc);
  } catch (err) {
    throw new FeedError(source, `not an RSS or Atom feed, and not valid JSON either: ${(err as Error).message}`);
  }
  const feed = data as { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  if (typeof feed !== 'object' || feed === null || !str(feed.version)?.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedError(source, 'not an RSS or Atom feed: this is JSON but not a JSON Feed');
  }
  const base = str(feed.home_page_url) ?? (/^https?:/i.test(source) ? source : undefined);
  const items = (Array.isArray(feed.items) ? (feed.items as JsonItem[]) : [])
    .map((item) => toItem(item, base))
    .filter((i): i is FeedItem => i !== undefined);
  return { title: str(feed.title), link: str(feed.home_page_url), items };
}

function toItem(item: JsonItem, base: string | undefined): FeedItem | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const html = str(item.content_html);
  const fullText = html !== undefined ? htmlToText(html) : (str(item.content_text) ?? '');
  const summary = str(item.summary);
  const text = fullText !== '' ? fullText : summary !== undefined ? htmlToText(summary) : '';
  const link = resolveLink(str(item.url) ?? str(item.external_url), base);
  const title = (str(item.title) !== undefined ? inlineText(str(item.title)!) : '') || titleFromText(text);
  if (title === '' && link === undefined) return undefined;
  const dateRaw = str(item.date_published) ?? str(item.date_modified);
  const author = str(item.authors?.[0]?.name) ?? str(item.author?.name);
  return {
    guid: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined),
    link,
    title: title || link || '',
    published: dateRaw !== undefined ? parseDate(dateRaw) : undefined,
    author,
    contentHtml: html,
    text,
    isTeaser: isTeaser(fullText, text),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
