import { describe, expect, it } from 'vitest';
import { claims } from './helpers.ts';
import { extractFacts } from '../../src/extract/index.ts';
import { subjectKeyFor } from '../../src/extract/claims.ts';

describe('claims', () => {
  it('reads "X says" as an asserted claim with a subject key', () => {
    const [c] = claims('Russia says it has liberated the Kursk region as of April 26.');
    expect(c).toMatchObject({ attribution: 'Russia', text: 'it has liberated the Kursk region as of April 26', stance: 'assert', subjectKey: 'kursk control' });
  });

  it('reads denials with stance deny', () => {
    const [c] = claims('Moscow denies that its troops have left the Kursk region.');
    expect(c).toMatchObject({ attribution: 'Moscow', stance: 'deny' });
    expect(c!.text).toBe('its troops have left the Kursk region');
  });

  it('gives conflicting claims about the same place the same subject key', () => {
    const text = 'The Kremlin says the Kursk region is fully under its control. Kyiv insists the campaign in the Kursk region is ongoing.';
    const found = claims(text);
    expect(found).toHaveLength(2);
    expect(found[0]!.subjectKey).toBe(found[1]!.subjectKey);
  });

  it('splits two claims in one sentence at the second source', () => {
    const found = claims('Despite Russian claims that it has retaken the Kursk region, Ukraine’s General Staff says fighting there is still active.');
    expect(found.map((c) => [c.attribution, c.text])).toEqual([
      ['Russia', 'it has retaken the Kursk region'],
      ['Ukraine’s General Staff', 'fighting there is still active'],
    ]);
  });

  it('does not read a direct quote attribution as a claim', () => {
    expect(claims('“We are advancing on all fronts,” the ministry said in a statement.')).toEqual([]);
  });

  it('does not read headings as claims', () => {
    expect(claims('Conflicting Claims Over Kursk Control')).toEqual([]);
  });
});

describe('claims reported before their source', () => {
  it('reads the clause before a closing ", X said" as the claim', () => {
    const [c] = claims('Home prices fell 1.2% in April, the Canadian Real Estate Association said on Wednesday.');
    expect(c).toMatchObject({ attribution: 'Canadian Real Estate Association', text: 'Home prices fell 1.2% in April', stance: 'assert' });
  });

  it('reads "X told Y that …" without the listener', () => {
    const [c] = claims('The commander told the president that the enemy had lost 700 troops.');
    expect(c!.text).toBe('the enemy had lost 700 troops');
  });

  it('does not turn the name after "said X" into a claim', () => {
    expect(claims('"Every family waited for this day," said Dmytro Lubinets, the rights commissioner.')).toEqual([]);
  });
});

describe('claim text clean-up', () => {
  const claimsOf = (text: string) =>
    extractFacts({ title: 'Talks', text, published: new Date('2025-05-17T10:00:00Z') }).facts.filter((f) => f.kind === 'claim');

  it('drops a conjunction left dangling where the claim was cut', () => {
    const [c] = claimsOf('Moscow says the whole district has been retaken, while Kyiv insists its units are still fighting there.');
    expect(c).toMatchObject({ attribution: 'Moscow', text: 'the whole district has been retaken' });
  });

  it('does not take a name with its title for a claim', () => {
    const texts = claimsOf('Ivan Petrov, the head of the trade delegation, said Minsk was pleased with the talks.').map((c) => c.kind === 'claim' && c.text);
    expect(texts).not.toContain('Ivan Petrov, the head of the trade delegation');
  });
});

describe('subjectKeyFor', () => {
  it('picks the first listed subject even when a later one comes first in the text', () => {
    expect(subjectKeyFor('sanctions and talks continued while captives were held in Kursk region', '', 'Kyiv', undefined)).toBe('kursk prisoners');
    expect(subjectKeyFor('peace talks stalled after the drone attack', '', 'Kyiv', 'kursk')).toBe('kursk attack');
  });

  it('reads the subject from the sentence only when the claim names none', () => {
    expect(subjectKeyFor('the situation is stable', 'Kyiv says the situation is stable despite the truce', 'Kyiv', 'sumy')).toBe('sumy ceasefire');
    expect(subjectKeyFor('the situation is stable', 'Kyiv says the situation is stable', 'Kyiv', 'sumy')).toBe('sumy');
  });
});
