import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { collapseWhitespace, htmlToText, inlineText, nodeToText, parseHtmlDocument } from '../../src/ingest/htmltext.ts';
import { simpleHtmlText } from '../../src/ingest/simplehtml.ts';
import { readFeedFile } from '../../src/ingest/feed.ts';

/** What linkedom alone makes of a fragment: the reference the fast path must match exactly. */
const viaLinkedom = (html: string): string => {
  const doc = parseHtmlDocument(html);
  return nodeToText(doc.body ?? doc.documentElement);
};
const inlineViaLinkedom = (s: string): string => collapseWhitespace(parseHtmlDocument(`<p>${s}</p>`).body?.textContent ?? s);

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const feedFiles = [
  ...readdirSync(`${fixtures}feeds`).filter((f) => f.endsWith('.xml') && f !== 'malformed.xml').map((f) => `${fixtures}feeds/${f}`),
  new URL('../../data/sample-feed.xml', import.meta.url).pathname,
];

/** Every string field of every item and channel of a feed, as rss-parser hands them over. */
async function fragmentsOf(path: string): Promise<string[]> {
  const feed = await new Parser().parseString(await readFeedFile(path));
  const out: string[] = [String(feed.title ?? '')];
  for (const item of feed.items) for (const v of Object.values(item)) if (typeof v === 'string') out.push(v);
  return out;
}

/** Deterministic pseudo-random fragments built from the markup feeds use and some they should not. */
function fuzzFragments(count: number): string[] {
  const parts = [
    '<p>', '</p>', '<P class="lead">', '<br>', '<br/>', '<BR />', '</br>', '<a href="https://x.example/?a=1&amp;b=2">', "<a title='x>y'>", '</a>',
    '<em>', '</em>', '<strong>', '</strong>', '<span data-x=1>', '</span>', '<b>', '<i>', '</i>', '<div>', '</div>', '<ul><li>', '<script>x</script>',
    '&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&#8217;', '&#x2014;', '&#128;', '&#0;', '&rsquo;', '&hellip;', '&copy', '&notin;', '&zwnj;', '&',
    ' & ', 'AT&T', '< 5', '<3', '<!-- note -->', '<!---->', '<!-->', '<table><tr><td>', 'Word', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', 'More than 900.',
  ];
  let seed = 20250525;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 8;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 14) }, () => parts[next() % parts.length]!).join(''));
}

describe('simple HTML fast path', () => {
  it('gives exactly the text linkedom gives for every fragment of the feed fixtures and the sample feed', async () => {
    let fast = 0;
    for (const path of feedFiles) {
      for (const html of await fragmentsOf(path)) {
        if (simpleHtmlText(html, 'blocks') !== undefined) fast++;
        expect(htmlToText(html), `${path}: ${html.slice(0, 80)}`).toBe(viaLinkedom(html));
        expect(inlineText(html), `${path}: ${html.slice(0, 80)}`).toBe(inlineViaLinkedom(html));
      }
    }
    expect(fast).toBeGreaterThan(20);
  });

  it('gives exactly the text linkedom gives for the article pages', () => {
    for (const f of readdirSync(`${fixtures}pages`)) {
      const html = readFileSync(`${fixtures}pages/${f}`, 'utf8');
      expect(htmlToText(html)).toBe(viaLinkedom(html));
    }
  });

  it('matches linkedom on thousands of generated fragments, falling back where it is unsure', () => {
    let fast = 0;
    for (const html of fuzzFragments(2500)) {
      if (simpleHtmlText(html, 'blocks') !== undefined) fast++;
      expect(htmlToText(html), JSON.stringify(html)).toBe(viaLinkedom(html));
      expect(inlineText(html), JSON.stringify(html)).toBe(inlineViaLinkedom(html));
    }
    // The generator mixes in enough unsupported markup that about half of the fragments fall back.
    expect(fast).toBeGreaterThan(250);
  });

  it('keeps paragraphs and line breaks apart and decodes entities', () => {
    expect(htmlToText('<p>First &amp; <a href="/x">second</a>.</p><p>Third<br>line&nbsp;two &#8217;ok&#x2019;</p>')).toBe(
      'First & second.\n\nThird\nline two \u2019ok\u2019',
    );
  });

  it('leaves scripts, tables, unknown entities and bare ampersands before letters to linkedom', () => {
    for (const html of ['<p>a</p><script>b</script>', '<p>a</p><!-->', '<table><tr><td>a</td></tr></table>', '<p>&notin; x</p>', '<p>AT&T</p>', '<div>a</div>', '<p>a < b</p>']) {
      expect(simpleHtmlText(html, 'blocks'), html).toBeUndefined();
    }
  });
});

describe('collapseWhitespace', () => {
  // It rewrites only runs that are not already one plain space; the result must equal the plain
  // "every run becomes one space" rule on any input.
  const naive = (s: string): string => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  it('gives one space for every run of whitespace, including odd and mixed runs', () => {
    const cases = ['a b', 'a  b', 'a\tb', 'a \n b', '\n\na', 'x\u200b y', ' \u00a0 ', 'a\u00a0b', 'a\u200b\u200bb', '\u200b', 'a \u200b', 'p\r\nq', 'tab\t\t end ', '\u2003em\u2003space'];
    for (const c of cases) expect(collapseWhitespace(c), JSON.stringify(c)).toBe(naive(c));
    expect(collapseWhitespace(' Kursk \u00a0 region\u200b\tfighting ')).toBe('Kursk region fighting');
  });

  it('agrees with the plain rule on random strings of letters and whitespace', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u2009', '.'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: 1 + Math.floor(next() * 20) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(collapseWhitespace(s), JSON.stringify(s)).toBe(naive(s));
    }
  });
});
