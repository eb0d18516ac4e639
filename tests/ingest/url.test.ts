import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/ingest/url.ts';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM/World/Story', 'https://news.example.com/World/Story'],
    ['https://news.example.com:443/a', 'https://news.example.com/a'],
    ['http://news.example.com:80/a', 'http://news.example.com/a'],
    ['http://news.example.com:8080/a', 'http://news.example.com:8080/a'],
    ['https://news.example.com/a#comments', 'https://news.example.com/a'],
    ['https://news.example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://news.example.com/a'],
    ['https://news.example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=tw&cmpid=5', 'https://news.example.com/a'],
    ['https://news.example.com/a?UTM_Source=x&id=9', 'https://news.example.com/a?id=9'],
    ['https://news.example.com/a?b=2&a=1&c=3', 'https://news.example.com/a?a=1&b=2&c=3'],
    ['https://news.example.com/a?tag=z&id=1&tag=a', 'https://news.example.com/a?id=1&tag=z&tag=a'],
    ['https://news.example.com/world/', 'https://news.example.com/world'],
    ['https://news.example.com/', 'https://news.example.com/'],
    ['https://news.example.com', 'https://news.example.com/'],
    ['https://news.example.com/a?', 'https://news.example.com/a'],
    ['  https://news.example.com/a  ', 'https://news.example.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps http and https apart', () => {
    expect(normalizeUrl('http://news.example.com/a')).not.toBe(normalizeUrl('https://news.example.com/a'));
  });

  it('spells the same article the same way however it was shared', () => {
    const a = normalizeUrl('https://News.example.com/kursk/?utm_source=newsletter#top');
    const b = normalizeUrl('https://news.example.com/kursk?fbclid=IwAR0');
    expect(a).toBe(b);
  });

  it('returns a string that is not an absolute URL trimmed but unchanged', () => {
    expect(normalizeUrl(' /relative/path ')).toBe('/relative/path');
  });
});

describe('credentials in a feed URL', () => {
  it('finds them and shows the password as ***', async () => {
    const { hasCredentials, redactUrl } = await import('../../src/ingest/url.ts');
    expect(hasCredentials('https://ann:s3cret@feeds.example.org/x.xml')).toBe(true);
    expect(hasCredentials('https://feeds.example.org/x.xml?token=abc')).toBe(false);
    expect(redactUrl('https://ann:s3cret@feeds.example.org/x.xml')).toBe('https://ann:***@feeds.example.org/x.xml');
    expect(redactUrl('https://:s3cret@feeds.example.org/x.xml')).toBe('https://***@feeds.example.org/x.xml');
    expect(redactUrl('https://feeds.example.org/x.xml')).toBe('https://feeds.example.org/x.xml');
  });
});
