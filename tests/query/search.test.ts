import { describe, it, expect } from 'vitest';
import { mayMentionTopic, mentionsTopic, topicFragments, topicQuery } from '../../src/query/search.ts';
import { splitSentences } from '../../src/extract/sentences.ts';
import { corpusSpec, topicQueries } from '../../bench/corpus.ts';
import { feedItemOf } from '../../bench/breakdown.ts';

const may = (text: string, topic: string): boolean => mayMentionTopic(text, topicFragments(topicQuery(topic)));

describe('mayMentionTopic', () => {
  it('passes a topic word only where it starts a word', () => {
    expect(may('Officials said 40 trucks crossed.', 'aid')).toBe(false);
    expect(may('A raid on the depot.', 'aid')).toBe(false);
    expect(may('Aid reached the town.', 'aid')).toBe(true);
    expect(may('More “aid” arrived; 40 aids', 'aid')).toBe(true);
    expect(may('Rents rose 4% in the capital.', 'rents')).toBe(true);
    expect(may('Prices of houses.', 'rents')).toBe(false);
  });

  it('passes a JSON document whose text has the word after an escape, or after any non-ASCII character', () => {
    expect(may(JSON.stringify({ s: { 1: 'Line one\naid arrived' } }), 'aid')).toBe(true);
    expect(may(JSON.stringify({ s: { 1: 'Tab\taid' } }), 'aid')).toBe(true);
    expect(may(JSON.stringify({ s: { 1: 'Bell\u0007aid' } }), 'aid')).toBe(true);
    expect(may(JSON.stringify({ s: { 1: 'He said so' } }), 'aid')).toBe(false);
    expect(may('Café·aid', 'aid')).toBe(true);
  });

  it('never rules out a text that names the topic (every sentence of a hundred bench articles)', () => {
    const spec = corpusSpec(100);
    const sentences = Array.from({ length: 100 }, (_, i) => feedItemOf(spec, i)).flatMap((item) => [item.title, ...splitSentences(item.text)]);
    let named = 0;
    for (const topic of [...topicQueries(), 'oil prices', 'companies', 'policy']) {
      const q = topicQuery(topic);
      const fragments = topicFragments(q);
      for (const s of sentences) {
        if (!mentionsTopic(s, q)) continue;
        named++;
        expect(mayMentionTopic(s, fragments), `${topic}: ${s}`).toBe(true);
        expect(mayMentionTopic(JSON.stringify({ s: { 1: s } }), fragments), `${topic} in JSON: ${s}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(500);
  });
});
