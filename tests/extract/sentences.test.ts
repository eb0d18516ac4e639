import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.ts';

describe('splitSentences', () => {
  it('splits ordinary sentences', () => {
    expect(splitSentences('Kyiv spoke first. Moscow answered later.')).toEqual(['Kyiv spoke first.', 'Moscow answered later.']);
  });

  it('does not split after titles and month abbreviations', () => {
    const s = splitSentences('Mr. Brown met Gen. Syrskyi on Jan. 5 in the capital. Talks followed.');
    expect(s).toEqual(['Mr. Brown met Gen. Syrskyi on Jan. 5 in the capital.', 'Talks followed.']);
  });

  it('keeps U.S. inside a sentence unless a sentence opener follows', () => {
    expect(splitSentences('The U.S. Senate voted on aid. It passed.')).toHaveLength(2);
    expect(splitSentences('Aid came from the U.S. The vote was close.')).toEqual(['Aid came from the U.S.', 'The vote was close.']);
  });

  it('keeps decimals such as 1.2bn intact', () => {
    expect(splitSentences('The fund holds $1.2bn in reserve. Officials confirmed it.')).toEqual([
      'The fund holds $1.2bn in reserve.',
      'Officials confirmed it.',
    ]);
  });

  it('ends a sentence after a quoted attribution and keeps the next opening quote with the next sentence', () => {
    const s = splitSentences('“We held the line,” the commander said. “Next we push forward.”');
    expect(s).toEqual(['“We held the line,” the commander said.', '“Next we push forward.”']);
  });

  it('splits after a closing quote that ends a sentence', () => {
    expect(splitSentences('He said "the swap is done." Then he left.')).toEqual(['He said "the swap is done."', 'Then he left.']);
  });

  it('treats paragraph breaks and headings without full stops as boundaries', () => {
    const s = splitSentences('Prisoners Return Home\n\nThe exchange ended on Friday.\nA Second Heading\nMore text here.');
    expect(s).toEqual(['Prisoners Return Home', 'The exchange ended on Friday.', 'A Second Heading', 'More text here.']);
  });

  it('joins a line wrapped in the middle of a sentence', () => {
    expect(splitSentences('The army said it had captured more than\n900 soldiers.')).toEqual(['The army said it had captured more than 900 soldiers.']);
  });
});

describe('splitSentences on run-on text', () => {
  it('cuts an overlong run-on "sentence" (a flattened table) into pieces at commas', () => {
    const table = Array.from({ length: 200 }, (_, i) => `row ${i}, value ${i * 3}`).join(', ');
    const parts = splitSentences(table);
    expect(parts.length).toBeGreaterThan(5);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(600);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(table);
  });
});
