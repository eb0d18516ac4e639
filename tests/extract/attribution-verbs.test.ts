import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

// Who says so, in reporting shapes found in real news. Our own sentences.
const who = (text: string) => figures(text).map((f) => [f.raw, f.attribution ?? null]);

describe('sources named by less common reporting shapes', () => {
  it('takes "a report says" as the source when no one was named before', () => {
    expect(who('Rice output rose 12% last year, a report says.')).toEqual([['12%', 'report']]);
    expect(who('Broadband users will outnumber dial-up users in under two years, says a survey.')).toEqual([['under two years', 'survey']]);
  });

  it('reads a hope, a promise, a forecast in progress and a possessive announcement as a claim', () => {
    expect(who('The ministry hopes to raise the number of clinics to 4,000 by 2008.')).toEqual([['4,000', 'ministry']]);
    expect(who('Nokia has promised to have two million handsets in shops by March.')).toEqual([['two million', 'Nokia']]);
    expect(who('Grant Thornton is forecasting growth of 2.4% this year.')).toEqual([['2.4%', 'Grant Thornton']]);
    expect(who('It follows Minister Jane Orr\'s announcement in May that 9,000 posts would go.')).toEqual([['9,000', 'Minister Jane Orr']]);
  });

  it('reads "argue", "indicated" and "highlighted" as reporting verbs', () => {
    expect(who('The Greens argue they were right to call for a 2p rise in fuel duty.').map((r) => r[1])).toEqual(['Greens']);
    expect(who('The study indicated that about 15% of small firms export.')).toEqual([['about 15%', 'study']]);
  });

  it('does not take a hope without "to" or a passive for a source', () => {
    expect(who('Fans hoped for a 2-0 win.')).toEqual([['2-0', null]]);
    expect(who('The trial is expected to last three weeks.')).toEqual([['three weeks', null]]);
  });
});

describe('evidence that suggests, accusations and ages', () => {
  it('takes a poll or figures that "suggest" as the source, not speculation', () => {
    expect(who('A Sunday Herald poll suggests two-thirds back the plan.').map((r) => r[1])).toEqual(['Sunday Herald poll']);
    expect(who('Speculation suggests the bid could reach £2bn.')).toEqual([['£2bn', null]]);
  });

  it('reads "accuse … of" as a claim, and gives an age beside a name no source', () => {
    expect(who('The Greens accuse the council of raising fares 12 times.')).toEqual([['12', 'Greens']]);
    expect(who('Officials said Lee, 34, was released.')).toEqual([['34', null]]);
  });
});

describe('sources named before a participle', () => {
  it('takes "data published earlier this month showed" as the data', () => {
    expect(who('Data published earlier this month showed imports down 14%.')).toEqual([['14%', 'Data']]);
  });
});

describe('sources described with a number', () => {
  it('takes "A … poll of 1,200 people suggests" as the poll, and a quote with no speaker falls back on the sentence source', () => {
    expect(who('A Western Gazette poll of 1,200 people suggests two-thirds back the plan.').map((r) => r[1])).toContain('Western Gazette poll');
    expect(who('Minister Jo Brand spoke on Monday. He added the council had pledged "three hours of sport" a week.')).toEqual([['three hours', 'Jo Brand']]);
  });
});

describe('results and time words are no sources', () => {
  it('gives a match result reported beside a speaker no source, outside quotes', () => {
    expect(who('After their 2-0 win over Leeds, Smith said: "We played well."')).toEqual([['2-0', null]]);
  });

  it('does not take a time word before a name for part of it', () => {
    expect(who('Last month Wenger said he wanted 20 more goals from him.')).toEqual([['20', 'Wenger']]);
  });
});
