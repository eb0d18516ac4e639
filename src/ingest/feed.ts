import { readFile } from 'node:fs/promises';
import Parser from 'rss-parser';
import { decodeBody } from './charset.ts';
import { htmlToText, inlineText } from './htmltext.ts';
import { isTeaser, parseDate, resolveLink, titleFromText } from './feeditem.ts';
import { parseJsonFeed } from './jsonfeed.ts';
import { FeedError } from './types.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

export { isTeaser, itemKey, parseDate } from './feeditem.ts';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom to FeedItems. rss-parser takes a string, so bytes must be
 * decoded first: FetchResult.text() does it for fetched feeds, readFeedFile() for local files.
 */

type Format = 'rss' | 'rdf' | 'atom';

interface RawItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  'rdf:about'?: unknown;
  published?: unknown;
  updated?: unknown;
  isoDate?: unknown;
  pubDate?: unknown;
  date?: unknown;
  creator?: unknown;
  author?: unknown;
  content?: unknown;
  summary?: unknown;
  'content:encoded'?: unknown;
}

function makeParser(): Parser<Record<string, unknown>, RawItem> {
  const parser = new Parser<Record<string, unknown>, RawItem>({
    customFields: { item: ['published', 'updated'] },
    defaultRSS: 2,
  });
  // rss-parser calls toISOString() on Atom dates and throws for one bad date, losing the whole
  // feed; drop unparsable dates from the entry first (published stays as a raw custom field).
  const p = parser as unknown as { parseItemAtom(entry: Record<string, unknown>): RawItem };
  const original = p.parseItemAtom.bind(parser);
  p.parseItemAtom = (entry) => {
    const safe = { ...entry };
    for (const key of ['published', 'updated']) {
      const v = firstString(safe[key]);
      if (v !== undefined && parseDate(v) === undefined) delete safe[key];
    }
    return { ...original(safe), published: firstString(entry.published), updated: firstString(entry.updated) };
  };
  return parser;
}

/** Reads a feed file from disk, decoding it by its XML declaration (UTF-8 when there is none). */
export async function readFeedFile(path: string): Promise<string> {
  try {
    return decodeBody(await readFile(path));
  } catch (err) {
    throw new FeedError(path, `cannot read the feed file: ${(err as Error).message}`);
  }
}

/** Parses an RSS, RDF, Atom or JSON Feed document; throws FeedError for anything else. */
export async function parseFeed(xml: string, source: string): Promise<ParsedFeed> {
  const doc = xml.replace(/^\uFEFF/, '');
  if (doc.trim() === '') throw new FeedError(source, 'empty document: not an RSS or Atom feed');
  if (/^\s*[[{]/.test(doc)) return parseJsonFeed(doc, source);
  const format = detectFormat(doc, source);

  let raw: Parser.Output<RawItem> & Record<string, unknown>;
  try {
    raw = await makeParser().parseString(doc);
  } catch (err) {
    throw new FeedError(source, describeXmlError(err));
  }
  const feedLink = firstString(raw.link)?.trim();
  const base = absoluteBase(feedLink, source);
  const items = raw.items.map((item) => toFeedItem(item, format, base)).filter((i): i is FeedItem => i !== undefined);
  const title = firstString(raw.title);
  return { title: title ? inlineText(title) || undefined : undefined, link: feedLink || undefined, items };
}

/** What the document's root element says it is; anything but rss, rdf:RDF or feed is refused. */
function detectFormat(doc: string, source: string): Format {
  // Skip the XML declaration, comments, doctype and processing instructions before the root.
  const body = doc.replace(/^(\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)*/i, '');
  const root = body.match(/^<([\w:.-]+)/)?.[1];
  if (root === undefined) throw new FeedError(source, 'not an RSS or Atom feed: no XML root element');
  const local = root.toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'feed' || local.endsWith(':feed')) return 'atom';
  if (local.endsWith(':rdf') || local === 'rdf') return 'rdf';
  if (local === 'html') throw new FeedError(source, 'not an RSS or Atom feed: this is an HTML page (look for a feed link on it)');
  throw new FeedError(source, `not an RSS or Atom feed: the root element is <${root}>`);
}

function describeXmlError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.match(/Line:\s*(\d+)/)?.[1];
  const what = message.split('\n')[0]?.trim() || 'unreadable XML';
  // sax counts lines from 0; editors count from 1.
  return line !== undefined ? `malformed XML at line ${Number(line) + 1}: ${what}` : `malformed XML: ${what}`;
}

function toFeedItem(item: RawItem, format: Format, base: string | undefined): FeedItem | undefined {
  const full = nonEmpty(format === 'atom' ? item.content : item['content:encoded']);
  const summary = nonEmpty(format === 'atom' ? item.summary : (item.content ?? item.summary));
  const fullText = full !== undefined ? htmlToText(full) : '';
  const text = fullText !== '' ? fullText : summary !== undefined ? htmlToText(summary) : '';

  const guid = nonEmpty(item.guid ?? item.id ?? item['rdf:about'])?.trim();
  let link = resolveLink(nonEmpty(item.link)?.trim(), base);
  if (link === undefined && guid !== undefined && /^https?:\/\//i.test(guid)) link = guid;

  const rawTitle = nonEmpty(item.title);
  const title = (rawTitle !== undefined ? inlineText(rawTitle) : '') || titleFromText(text);
  if (title === '' && link === undefined) return undefined;

  return {
    guid,
    link,
    title: title || link || '',
    published: firstDate(item.published, item.isoDate, item.pubDate, item.date, item.updated),
    author: authorName(nonEmpty(item.creator ?? item.author)),
    contentHtml: full,
    text,
    isTeaser: isTeaser(fullText, text),
  };
}

/** RSS <author> is usually "email (Name)"; keep the name. */
function authorName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = inlineText(raw);
  const inParens = text.match(/^\S+@\S+\s*\(([^)]+)\)$/)?.[1];
  return (inParens ?? text) || undefined;
}

function firstDate(...candidates: unknown[]): Date | undefined {
  for (const c of candidates) {
    const s = firstString(c);
    const d = s !== undefined ? parseDate(s) : undefined;
    if (d !== undefined) return d;
  }
  return undefined;
}

function absoluteBase(feedLink: string | undefined, source: string): string | undefined {
  for (const candidate of [feedLink, source]) {
    if (candidate && /^https?:\/\//i.test(candidate)) return candidate;
  }
  return undefined;
}

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return firstString(v[0]);
  if (v && typeof v === 'object' && typeof (v as { _?: unknown })._ === 'string') return (v as { _: string })._;
  return undefined;
}

function nonEmpty(v: unknown): string | undefined {
  const s = firstString(v);
  return s !== undefined && s.trim() !== '' ? s : undefined;
}
