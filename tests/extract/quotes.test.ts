import { describe, expect, it } from 'vitest';
import { extract, quotes } from './helpers.ts';

describe('quotes', () => {
  it('reads a curly quote with the speaker after it', () => {
    expect(quotes('“We will hold the line for as long as it takes,” the defence ministry said.')).toEqual([
      expect.objectContaining({ text: 'We will hold the line for as long as it takes', speaker: 'defence ministry' }),
    ]);
  });

  it('reads a straight quote with "said X" after it', () => {
    expect(quotes('"The exchange went smoothly," said Olena Kovalenko.')[0]).toMatchObject({ speaker: 'Olena Kovalenko' });
  });

  it('reads a speaker introduced before the quote', () => {
    expect(quotes('The mayor told reporters: "Every family will be moved before winter."')[0]).toMatchObject({ speaker: 'mayor' });
  });

  it('reads "according to X" as the speaker of a quote', () => {
    expect(quotes('According to the governor, "three towns were shelled overnight."')[0]).toMatchObject({ speaker: 'governor' });
  });

  it('resolves "he said" to the most recently named person', () => {
    const text = 'President Volodymyr Zelensky visited the front on Friday.\n\n“The occupier can be beaten on its own soil,” he said.';
    expect(quotes(text)[0]).toMatchObject({ speaker: 'Volodymyr Zelensky' });
  });

  it('gives a quote that follows a reported sentence that sentence\'s speaker', () => {
    const text = 'Health minister Carla Voss opened the ward on Friday.\n\nShe added that waiting lists had fallen. "Half of our patients are now seen within a week, and the rest within a month."';
    expect(quotes(text)[0]).toMatchObject({ speaker: 'Carla Voss' });
  });

  it('leaves a quote with no speaker when the sentence before it reports no one', () => {
    const text = 'The ward opened on Friday. Waiting lists had fallen. "Half of our patients are now seen within a week."';
    expect(quotes(text)[0]?.speaker).toBeUndefined();
  });

  it('reads a reaction introduced by a name and a colon', () => {
    const found = quotes('- Rovers boss Tom Vale: "We had the better chances early on. "But we still made three clear openings after the break."');
    expect(found.map((q) => q.speaker)).toEqual(['Tom Vale', 'Tom Vale']);
    // A clause before the colon is no speaker.
    expect(quotes('The reason was simple: "nobody wanted to pay for the repairs."')[0]?.speaker).toBeUndefined();
  });

  it('gives the continuation of a quote the same speaker', () => {
    const found = quotes('“Our units held firm,” the General Staff said. “The campaign proved its worth to everyone.”');
    expect(found.map((q) => q.speaker)).toEqual(['General Staff', 'General Staff']);
  });

  it('handles a quote whose opening mark is missing', () => {
    expect(quotes('Only bold moves can beat a bigger enemy,” the General Staff said.')[0]).toMatchObject({ text: 'Only bold moves can beat a bigger enemy', speaker: 'General Staff' });
  });

  it('reads "X wrote in a post"', () => {
    expect(quotes('“No one will be left behind in captivity,” Zelensky wrote in a post.')[0]).toMatchObject({ speaker: 'Zelensky' });
  });

  it('drops scare quotes shorter than three words', () => {
    expect(quotes('Kyiv calls it an “exchange fund” of prisoners.')).toEqual([]);
  });
});

describe('a quote that runs over several sentences, each opened again', () => {
  it('keeps each opened sentence in the quote and gives every figure in it the speaker', () => {
    const text =
      'But Grant said: "We had 40 days together in camp. "The other side had 90 days. There is no way to close that gap." Later he spoke to reporters.\n\n' +
      '"Next season we will have 30 more days," the coach added.';
    const x = extract(text);
    const who = x.facts.filter((f) => f.kind === 'figure').map((f) => [f.raw, (f as { attribution?: string }).attribution ?? null]);
    expect(who).toEqual([
      ['40 days', 'Grant'],
      ['90 days', 'Grant'],
      ['30', 'coach'],
    ]);
    const quotes = x.facts.filter((f) => f.kind === 'quote').map((q) => (q as { text: string }).text);
    expect(quotes[0]).toBe('We had 40 days together in camp.'.replace(/\.$/, ''));
    expect(quotes[1]).toMatch(/^The other side had 90 days/);
  });
});

describe('a speech over several paragraphs', () => {
  it('gives a paragraph that opens with a quote and names no one the last speaker, and a plain paragraph breaks the chain', () => {
    const text =
      'Coach Ann Lee said: "We want to stay. "We like it here," she said.\n\n' +
      '"Our rivals had 60 days together. "We will have 12."\n\n' +
      'The board meets on Friday.\n\n' +
      '"Nobody had 30 days."';
    const who = extract(text).facts.filter((f) => f.kind === 'figure').map((f) => [f.raw, (f as { attribution?: string }).attribution ?? null]);
    expect(who).toEqual([
      ['60 days', 'Ann Lee'],
      ['12', 'Ann Lee'],
      ['30 days', null],
    ]);
  });
});
