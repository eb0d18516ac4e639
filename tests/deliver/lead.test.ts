import { describe, expect, it } from 'vitest';
import { leadOf } from '../../src/deliver/updates.ts';

const lead = (text: string, max?: number) => leadOf({ teaser: null, text }, max);
const paired = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('the lead of an update post', () => {
  it('never cuts inside a number', () => {
    expect(lead('Inflation rose to 2.7% in May, the statistics office said. Fuel was the main cause.')).toMatch(/^Inflation rose to 2\.7% in May/);
  });

  it('never cuts after an exclamation mark inside a name', () => {
    expect(lead('Yahoo! agreed to buy the startup for $1.2 billion, the firms said. The deal closes in June.')).toMatch(/^Yahoo! agreed to buy the startup for \$1\.2 billion/);
  });

  it('keeps abbreviations whole', () => {
    expect(lead('Mr. Smith of the U.S. Treasury met Dr. Jones on Friday. They spoke for an hour.')).toMatch(/^Mr\. Smith of the U\.S\. Treasury met Dr\. Jones/);
  });

  it('cuts an overlong sentence on a grapheme boundary, never leaving half an emoji or an accent', () => {
    const emoji = '👍🏽';
    const combined = 'e\u0301';
    for (let pad = 0; pad < 12; pad++) {
      const text = 'x'.repeat(pad) + `${emoji}${combined}`.repeat(60);
      const out = lead(text, 40);
      expect(paired(out), `pad ${pad}`).toBe(true);
      expect(out.endsWith('\u0301…') || !out.includes('e…'), `pad ${pad}: ${out}`).toBe(true);
      expect([...new Intl.Segmenter().segment(out)].length).toBeLessThanOrEqual(40);
    }
  });
});
