import { describe, expect, it } from 'vitest';
import { articleTopics, expandTopic, normalizeEntity } from '../../src/extract/topics.ts';

describe('normalizeEntity', () => {
  it('folds place name variants to one key', () => {
    expect(['Kursk Oblast', 'Kursk region', 'the Kursk area', 'Kursk'].map(normalizeEntity)).toEqual(['kursk', 'kursk', 'kursk', 'kursk']);
    expect(normalizeEntity('Kiev')).toBe('kyiv');
    expect(normalizeEntity('POWs')).toBe('prisoner of war');
  });
});

describe('expandTopic', () => {
  it('expands prisoners to capture and exchange vocabulary', () => {
    const terms = expandTopic('prisoners');
    for (const t of ['prisoner', 'prisoners of war', 'pow', 'captured', 'exchange', 'swap', 'exchange fund']) expect(terms).toContain(t);
  });

  it('expands casualties to killed and wounded', () => {
    expect(expandTopic('casualties')).toEqual(expect.arrayContaining(['killed', 'dead', 'wounded', 'injured', 'deaths']));
  });

  it('expands an unknown topic to itself and its singular and plural', () => {
    expect(expandTopic('tractors')).toEqual(expect.arrayContaining(['tractors', 'tractor']));
  });
});

describe('articleTopics', () => {
  it('finds places and topics an article is about', () => {
    const topics = articleTopics('Prisoner swap after Kursk fighting', 'Ukraine and Russia swapped prisoners of war captured in the Kursk region. More prisoners may follow.');
    expect(topics).toEqual(expect.arrayContaining(['kursk', 'prisoner of war', 'prisoner exchange']));
  });

  it('ignores a place mentioned once in passing', () => {
    expect(articleTopics('Budget vote', 'The budget passed. A minister from Poland attended.')).not.toContain('poland');
  });
});

describe('articleTopics word boundaries', () => {
  it('counts a possessive place name as the place', () => {
    expect(articleTopics('Note', "Kursk's governor spoke about Kursk's roads.")).toEqual(['kursk']);
  });

  it('does not count a place inside a longer word', () => {
    expect(articleTopics('Note', 'Kursk-based units, x-kursk, kurskaya and kursks were listed.')).toEqual([]);
  });

  it('counts a place after a leading hyphen but not one with a trailing quote mark', () => {
    expect(articleTopics('Note', "-Kursk and -Kursk.")).toEqual(['kursk']);
    expect(articleTopics('Note', "'Kursk' and 'Kursk'.")).toEqual([]);
  });

  it('matches a trigger phrase across punctuation between its words', () => {
    expect(articleTopics('Note', 'The prisoner. Exchange went ahead; a prisoner, exchange again.')).toContain('prisoner exchange');
    expect(articleTopics('', 'a drone\nattack, then a drone, attack')).toEqual(['attacks']);
  });

  it('matches hyphenated triggers and the three-word phrase at the end of the text', () => {
    expect(articleTopics('', 'an all-for-all swap, cease-fire and a Cease-Fire; all-for-all')).toEqual(['prisoner exchange', 'ceasefire']);
    expect(articleTopics('', 'talks on prisoners of war')).toEqual(['prisoner of war']);
  });
});
