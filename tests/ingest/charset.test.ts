import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectEncoding } from '../../src/ingest/charset.ts';
import { parseFeed } from '../../src/ingest/feed.ts';
import { testFetcher, useServers } from './server.ts';

const FEEDS = join(import.meta.dirname, '../fixtures/feeds');
const serve = useServers();

describe('decodeBody', () => {
  const word = 'Пленные';

  it('uses the Content-Type charset first', () => {
    const bytes = iconv.encode(`<p>${word}</p>`, 'windows-1251');
    expect(decodeBody(bytes, 'text/html; charset="Windows-1251"')).toBe(`<p>${word}</p>`);
  });

  it('falls back to the XML declaration, then to <meta charset>', () => {
    const xml = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><t>${word}</t>`, 'windows-1251');
    expect(decodeBody(xml, 'application/xml')).toContain(word);
    const html = iconv.encode(`<html><head><meta charset="koi8-r"></head><body>${word}</body></html>`, 'koi8-r');
    expect(decodeBody(html, 'text/html')).toContain(word);
    const equiv = iconv.encode(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>Łódź</p>`, 'iso-8859-2');
    expect(decodeBody(equiv)).toContain('Łódź');
  });

  it('decodes GB2312 through its GBK superset', () => {
    expect(detectEncoding(Buffer.from('<?xml version="1.0" encoding="GB2312"?>'))).toBe('gbk');
    expect(decodeBody(iconv.encode('城市新闻', 'gbk'), 'text/xml; charset=gb2312')).toBe('城市新闻');
  });

  it('reads latin1 labels as windows-1252, as browsers do', () => {
    expect(decodeBody(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'text/plain; charset=ISO-8859-1')).toBe('“hi”');
  });

  it('trusts a byte-order mark over the declared charset and strips it', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(word)]);
    expect(decodeBody(withBom, 'text/plain; charset=windows-1251')).toBe(word);
  });

  it('defaults to UTF-8 and ignores unknown charset labels', () => {
    expect(decodeBody(Buffer.from(word), undefined)).toBe(word);
    expect(decodeBody(Buffer.from(word), 'text/plain; charset=x-made-up')).toBe(word);
  });
});

describe('FetchResult.text() on legacy-encoded feeds', () => {
  it.each([
    ['windows-1251.xml', 'application/rss+xml; charset=windows-1251', 'Обмен пленными'],
    ['windows-1251.xml', 'application/rss+xml', 'Обмен пленными'],
    ['iso-8859-2.xml', 'text/xml', 'Łódź'],
    ['gb2312.xml', 'application/xml; charset=GB2312', '地铁新线路开通'],
  ])('decodes %s served as %s', async (file, contentType, expected) => {
    const bytes = await readFile(join(FEEDS, file));
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(bytes);
    });
    const feed = await parseFeed((await testFetcher()(s.url)).text(), s.url);
    expect(feed.items[0]!.title).toContain(expected);
  });
});
