import { describe, expect, it } from 'vitest';
import { findSources } from '../../src/extract/attribution.ts';
import { evidenceSubject } from '../../src/extract/evidence-subjects.ts';
import { figures } from './helpers.ts';

const who = (s: string) => findSources(s).map((x) => x.who);

describe('a survey, report or set of figures as the subject', () => {
  it('reads the evidence past the words that say which one it is', () => {
    expect(who('A poll for the charity suggests 61% of tenants are behind on rent.')).toEqual(['poll']);
    expect(who('Figures for the 2003 season suggest 18% of seats went unsold.')).toEqual(['Figures']);
    expect(who('A Quarry Street poll in the Evening Herald suggested 72% of readers agreed.')).toEqual(['Quarry Street poll']);
    expect(who('Investigations carried out after the flood found more than 3,000 homes had no cover.')).toEqual(['Investigations']);
    expect(who('The survey of more than 2,000 drivers reported that 37% had no spare tyre.')).toEqual(['survey']);
  });

  it('gives results and findings to what they are the results of', () => {
    expect(who('Results of a public consultation showed 80 replies out of 190 backed the plan.')).toEqual(['public consultation']);
  });

  it('leaves a named body after "by" or "from" to the name reader', () => {
    expect(evidenceSubject('A survey by Quorvex')).toBeUndefined();
    expect(evidenceSubject("Figures released by the region's Planning Office")).toBeUndefined();
    expect(who('Data from the Halden Institute showed 12% fewer sales.')).toEqual(['Halden Institute']);
  });

  it('does not read a clause with its own verb as a name', () => {
    expect(evidenceSubject('They claim government figures')?.who).not.toBe('They claim government figures');
    expect(evidenceSubject('The ruling ends investigations')).toBeUndefined();
  });

  it('does not give a source the figures inside its own words', () => {
    const facts = figures('More than 70% of small firms plan to hire this year, a survey of 1,100 managers suggests.');
    expect(facts.map((f) => [f.raw, f.attribution])).toEqual([['More than 70%', 'survey'], ['1,100', undefined]]);
  });
});
