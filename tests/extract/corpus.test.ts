import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { bbcArticles, haveShared } from '../helpers/shared.ts';

// Real articles find shapes our own samples never have; none of them may make the extractor throw,
// since one throwing item used to block its whole feed.
describe.skipIf(!haveShared('corpora/bbc'))('the extractor on every article of the BBC corpus', () => {
  it('extracts all 2,225 articles without throwing, and every figure names a finite value', () => {
    const failures: string[] = [];
    let articles = 0;
    let figures = 0;
    for (const a of bbcArticles()) {
      articles++;
      try {
        const x = extractFacts({ title: a.title, text: a.text, published: new Date('2005-03-01T12:00:00Z') });
        for (const f of x.facts) {
          if (f.kind !== 'figure') continue;
          figures++;
          if (!Number.isFinite(f.value)) failures.push(`${a.file}: figure "${f.raw}" has value ${f.value}`);
          if (f.counted !== undefined && !/\p{L}/u.test(f.counted)) failures.push(`${a.file}: figure "${f.raw}" counts "${f.counted}"`);
        }
      } catch (err) {
        failures.push(`${a.file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(articles).toBe(2225);
    expect(figures).toBeGreaterThan(10_000);
  }, 60_000);
});
