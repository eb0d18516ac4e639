import { describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../src/ingest/discover.ts';
import { parseOpml, toOpml } from '../../src/ingest/opml.ts';

describe('discoverFeeds', () => {
  const page = `<!doctype html><html><head>
    <link rel="stylesheet" href="/site.css">
    <link rel="alternate" type="application/rss+xml" title="Comments on all stories" href="/comments/feed/">
    <link rel="alternate" type="application/feed+json" href="feed.json">
    <link rel="alternate" hreflang="uk" href="/uk/">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://news.example.org/atom.xml">
    <link rel="alternate" type="application/rss+xml" href="/rss">
    <link rel="alternate" type="application/rss+xml" href="https://news.example.org/rss">
    <link rel="alternate" type="application/json" href="/wp-json/oembed/1.0/embed?url=x">
  </head><body><a href="/other.rss">not a link element</a></body></html>`;

  it('lists advertised feeds as absolute URLs, best first, without duplicates', () => {
    expect(discoverFeeds(page, 'https://news.example.org/world/story')).toEqual([
      'https://news.example.org/atom.xml',
      'https://news.example.org/rss',
      'https://news.example.org/world/feed.json',
      'https://news.example.org/comments/feed/',
    ]);
  });

  it('resolves against <base href> when the page has one', () => {
    const html = '<html><head><base href="https://cdn.example.org/site/"><link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>';
    expect(discoverFeeds(html, 'https://news.example.org/')).toEqual(['https://cdn.example.org/site/feed.xml']);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeeds('<html><head><title>x</title></head><body></body></html>', 'https://x.example/')).toEqual([]);
  });
});

describe('OPML', () => {
  it('round-trips sources through toOpml and parseOpml, escaping what needs it', () => {
    const sources = [
      { title: 'Kyiv & Kursk <daily> "news"', url: 'https://news.example.org/feed?lang=en&section=world' },
      { url: 'https://other.example.org/rss' },
    ];
    const xml = toOpml(sources, 'factfeed <sources> & more');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(xml).toContain('<title>factfeed &lt;sources&gt; &amp; more</title>');
    expect(xml).toContain('xmlUrl="https://news.example.org/feed?lang=en&amp;section=world"');
    expect(parseOpml(xml)).toEqual([sources[0], { title: 'https://other.example.org/rss', url: 'https://other.example.org/rss' }]);
  });

  it('finds feeds in nested folders and skips duplicates and folders themselves', () => {
    const xml = `<?xml version="1.0"?>
      <opml version="1.0"><head><title>Export</title></head><body>
        <outline text="News">
          <outline text="Gazette" type="rss" xmlUrl="https://gazette.example.org/rss"/>
          <outline text="Europe">
            <outline title="Courier" text="courier" type="rss" xmlUrl="https://courier.example.org/feed"/>
          </outline>
        </outline>
        <outline text="Gazette again" xmlUrl="https://gazette.example.org/rss"/>
      </body></opml>`;
    expect(parseOpml(xml)).toEqual([
      { title: 'Gazette', url: 'https://gazette.example.org/rss' },
      { title: 'Courier', url: 'https://courier.example.org/feed' },
    ]);
  });

  it('refuses a document that is not OPML', () => {
    expect(() => parseOpml('<rss version="2.0"><channel/></rss>')).toThrow(/not an OPML document/);
  });
});
