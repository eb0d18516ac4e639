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
