import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { itemKey, parseFeed, readFeedFile } from '../../src/ingest/feed.ts';
import { FeedError } from '../../src/ingest/types.ts';

const FEEDS = join(import.meta.dirname, '../fixtures/feeds');
const fixture = (name: string): Promise<string> => readFeedFile(join(FEEDS, name));

async function feedError(xml: string): Promise<string> {
  try {
    await parseFeed(xml, 'test-source');
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    expect((err as Error).message).toContain('test-source');
    return (err as Error).message;
  }
  throw new Error('expected a FeedError');
}

const rss = (items: string, channel = ''): string =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://t.example/</link>${channel}${items}</channel></rss>`;

describe('parseFeed on the fixture feeds', () => {
  it('reads RSS 2.0 with content:encoded as full, non-teaser items', async () => {
    const feed = await parseFeed(await fixture('rss2.xml'), 'rss2.xml');
    expect(feed.title).toBe('Fixture Gazette (RSS 2.0)');
    expect(feed.items).toHaveLength(3);
    const [ferry, library, summaryOnly] = feed.items;
    expect(ferry).toMatchObject({
      guid: 'gazette-ferry-001',
      link: 'https://gazette.example.org/local/ferry-resumes',
      title: 'Harbour ferry service resumes after 40-day repair',
      author: 'Nadia Perez',
      isTeaser: false,
    });
    expect(ferry!.published?.toISOString()).toBe('2025-06-02T07:30:00.000Z');
    expect(ferry!.contentHtml).toContain('<p>The cross-harbour ferry');
    expect(ferry!.text).toBe(
      'The cross-harbour ferry returned to service on Monday after a 40-day repair to its hull.\n\n' +
        'The operator said about 2,300 passengers used the route on a typical weekday before the closure.',
    );
    expect(library!.guid).toBe('https://gazette.example.org/local/library-hours');
    // An escaped-HTML description becomes text, and a short one is a teaser.
    expect(summaryOnly!.text).toBe('Residents voted to keep the Saturday market in the old square, by 412 votes to 188.');
    expect(summaryOnly!.contentHtml).toBeUndefined();
    expect(summaryOnly!.isTeaser).toBe(true);
  });

  it('reads RSS 1.0 (RDF) with rdf:about as the guid and dc:date as the date', async () => {
    const feed = await parseFeed(await fixture('rss1.xml'), 'rss1.xml');
    expect(feed.title).toBe('Fixture Courier (RSS 1.0 / RDF)');
    const [comet, seeds] = feed.items;
    expect(comet).toMatchObject({
      guid: 'https://rdf.example.org/science/comet-sighting',
      title: 'Amateur astronomers report bright comet',
      author: 'Omar Haddad',
      text: 'More than 60 observers reported the comet within two hours.',
      isTeaser: true,
    });
    expect(comet!.published?.toISOString()).toBe('2025-03-14T21:10:00.000Z');
    expect(seeds!.text).toContain('bringing its collection to about 48,000');
    expect(seeds!.isTeaser).toBe(false);
  });

  it('reads Atom content, summary, id and updated', async () => {
    const feed = await parseFeed(await fixture('atom.xml'), 'atom.xml');
    expect(feed).toMatchObject({ title: 'Fixture Ledger (Atom)', link: 'https://atom.example.org/' });
    const [trains, bridge] = feed.items;
    expect(trains).toMatchObject({
      guid: 'urn:uuid:0b7d3a52-2f11-4c9e-b8a2-1d2e3f4a5b60',
      link: 'https://atom.example.org/transport/new-trains',
      author: 'Ines Moreau',
      text: 'The regional rail operator has ordered 24 new trains worth €410 million, it said on Wednesday.\n\nThe first units are due in 2027.',
      isTeaser: false,
    });
    expect(trains!.published?.toISOString()).toBe('2025-04-02T08:00:00.000Z');
    // No <published>: the <updated> date stands in.
    expect(bridge!.published?.toISOString()).toBe('2025-04-01T16:30:00.000Z');
    expect(bridge!.text).toBe('Repairs to the north bridge will now last until 18 April.');
    expect(bridge!.isTeaser).toBe(true);
  });

  it('marks the teaser feed items as teasers', async () => {
    const feed = await parseFeed(await fixture('teaser.xml'), 'teaser.xml');
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.every((i) => i.isTeaser)).toBe(true);
  });

  it('refuses the malformed fixture with the line of the error', async () => {
    const message = await feedError(await fixture('malformed.xml'));
    expect(message).toMatch(/malformed XML at line \d+/);
  });

  it('refuses an HTML page as not a feed', async () => {
    const html = await readFile(join(FEEDS, 'not-a-feed.html'), 'utf8');
    expect(await feedError(html)).toContain('not an RSS or Atom feed');
  });
});

describe('parseFeed on legacy encodings read from disk', () => {
  it('decodes windows-1251 by the XML declaration', async () => {
    const feed = await parseFeed(await fixture('windows-1251.xml'), 'windows-1251.xml');
    expect(feed.title).toBe('Новости региона');
    expect(feed.items[0]!.title).toBe('Обмен пленными: домой вернулись 150 военнослужащих');
    expect(feed.items[0]!.text).toContain('Объединённые Арабские Эмираты');
  });

  it('decodes ISO-8859-2 (Polish and Czech letters)', async () => {
    const feed = await parseFeed(await fixture('iso-8859-2.xml'), 'iso-8859-2.xml');
    expect(feed.items[0]!.title).toBe('Łódź: nowa linia tramwajowa kosztowała 214 mln zł');
    expect(feed.items[1]!.title).toBe('Brno: řidiči tramvají žádají vyšší mzdy');
  });

  it('decodes GB2312', async () => {
    const feed = await parseFeed(await fixture('gb2312.xml'), 'gb2312.xml');
    expect(feed.title).toBe('城市新闻');
    expect(feed.items[0]!.title).toBe('地铁新线路开通，首日客流超过十二万人次');
  });

  it('names the file when it cannot be read', async () => {
    await expect(readFeedFile(join(FEEDS, 'missing.xml'))).rejects.toThrow(/missing\.xml/);
  });
});

describe('parseFeed: items and edge cases', () => {
  it('decodes entities in titles and collapses their whitespace', async () => {
    const feed = await parseFeed(rss('<item><title>  Talks   in\n Istanbul &amp;amp; Ankara &#8211; day&#160;two </title><link>https://t.example/a</link></item>'), 's');
    expect(feed.items[0]!.title).toBe('Talks in Istanbul & Ankara – day two');
  });

  it('turns HTML bodies into paragraphs and drops scripts and styles', async () => {
    const body = '<![CDATA[<p>First &amp; foremost.</p><script>track()</script><style>p{}</style><div>Second<br><br>Third</div>]]>';
    const feed = await parseFeed(rss(`<item><title>x</title><content:encoded>${body}</content:encoded></item>`), 's');
    expect(feed.items[0]!.text).toBe('First & foremost.\n\nSecond\n\nThird');
  });

  it('gives an untitled item a title from its first words', async () => {
    const feed = await parseFeed(
      rss('<item><link>https://t.example/b</link><description>Both sides handed over 150 prisoners on Wednesday in an exchange brokered by the UAE.</description></item>'),
      's',
    );
    expect(feed.items[0]!.title).toBe('Both sides handed over 150 prisoners on Wednesday in an exchange brokered…');
  });

  it('keeps an item without guid or link and keys it by title', async () => {
    const feed = await parseFeed(rss('<item><title>Only a title</title><description>Some text.</description></item>'), 's');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.guid).toBeUndefined();
    expect(itemKey(feed.items[0]!)).toBe('title:only a title');
  });

  it('keys items by guid, else by the normalized link', () => {
    expect(itemKey({ guid: 'g-1', link: 'https://t.example/a', title: 't' })).toBe('g-1');
    expect(itemKey({ link: 'https://T.example/a/?utm_source=rss', title: 't' })).toBe('https://t.example/a');
  });

  it('leaves an unparsable date undefined instead of failing the feed', async () => {
    const feed = await parseFeed(rss('<item><title>a</title><pubDate>sometime soon</pubDate></item>'), 's');
    expect(feed.items[0]!.published).toBeUndefined();
    const atom = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>e</title><id>1</id><published>not a date</published><updated>2025-01-02T03:04:05Z</updated></entry></feed>',
      's',
    );
    expect(atom.items[0]!.published?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
  });

  it('parses an RFC 822 date whose weekday is not English', async () => {
    const feed = await parseFeed(rss('<item><title>a</title><pubDate>Ср, 05 Feb 2025 12:00:00 +0300</pubDate></item>'), 's');
    expect(feed.items[0]!.published?.toISOString()).toBe('2025-02-05T09:00:00.000Z');
  });

  it('keeps the name from an "email (Name)" author', async () => {
    const feed = await parseFeed(rss('<item><title>a</title><author>desk@t.example (Olena Marchuk)</author></item>'), 's');
    expect(feed.items[0]!.author).toBe('Olena Marchuk');
  });

  it('resolves relative links against the feed link', async () => {
    const feed = await parseFeed(rss('<item><title>a</title><link>/world/1</link></item>'), 's');
    expect(feed.items[0]!.link).toBe('https://t.example/world/1');
  });

  it('treats a summary ending in "Read more" or "[…]" as a teaser even when long', async () => {
    const long = 'Word '.repeat(200);
    const feed = await parseFeed(
      rss(`<item><title>a</title><description>${long} Read more</description></item><item><title>b</title><description>${long}</description></item><item><title>c</title><description>Short start […]</description></item>`),
      's',
    );
    expect(feed.items.map((i) => i.isTeaser)).toEqual([true, false, true]);
  });

  it('does not call a long full body a teaser because it ends with "Read more"', async () => {
    const body = '<p>' + 'Sentence of the article. '.repeat(100) + '</p><p>Read more</p>';
    const feed = await parseFeed(rss(`<item><title>a</title><content:encoded><![CDATA[${body}]]></content:encoded></item>`), 's');
    expect(feed.items[0]!.isTeaser).toBe(false);
  });

  it('reads an RSS document without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed('<rss><channel><title>T</title><item><title>x</title></item></channel></rss>', 's');
    expect(feed.items.map((i) => i.title)).toEqual(['x']);
  });

  it('reads a JSON Feed', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      home_page_url: 'https://j.example/',
      items: [{ id: '7', url: '/p/7', title: 'Seven', content_html: '<p>One.</p><p>Two.</p>', date_published: '2025-05-01T10:00:00Z', authors: [{ name: 'Ann' }] }],
    });
    const feed = await parseFeed(json, 's');
    expect(feed.items[0]).toMatchObject({ guid: '7', link: 'https://j.example/p/7', title: 'Seven', text: 'One.\n\nTwo.', author: 'Ann' });
  });

  it.each([
    ['', 'empty document'],
    ['   \n ', 'empty document'],
    ['{"status":"ok"}', 'not an RSS or Atom feed'],
    ['<!doctype html><html><body><p>Hi</body></html>', 'not an RSS or Atom feed'],
    ['<?xml version="1.0"?><sitemap><url/></sitemap>', 'root element is <sitemap>'],
    ['plain text, no markup', 'not an RSS or Atom feed'],
    ['<rss version="2.0"><channel>\n<title>a</title>\n<item><title>x</b></item></channel></rss>', 'malformed XML at line 3'],
  ])('refuses %j with a clear message', async (doc, expected) => {
    expect(await feedError(doc)).toContain(expected);
  });
});
