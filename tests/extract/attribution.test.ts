import { describe, expect, it } from 'vitest';
import { findSources } from '../../src/extract/attribution.ts';
import { figure } from './helpers.ts';

const who = (s: string) => findSources(s).map((x) => x.who);

describe('findSources', () => {
  it('reads a lower-case subject phrase at the end of a sentence', () => {
    expect(who('Both sides freed 90 captives, officials in both capitals said.')).toEqual(['officials in both capitals']);
  });

  it('keeps the personal name after a role ("Regional governor Oleh Hryhorov")', () => {
    expect(who('Regional governor Oleh Hryhorov said the town was shelled.')).toEqual(['Oleh Hryhorov']);
  });

  it('prefers the name in an appositive and skips a participle aside', () => {
    expect(who("The capital's mayor, Sergei Sobyanin, said roads were shut.")).toEqual(['Sergei Sobyanin']);
    expect(who('Gavi, the vaccine alliance, said deliveries had resumed.')).toEqual(['Gavi']);
    expect(who('A security official, speaking on condition of anonymity, said drones got through.')).toEqual(['security official']);
  });

  it('reads "according to" a study by someone as that someone', () => {
    expect(who('Deaths rose sharply, according to a rapid study by researchers at Imperial College London.')).toEqual(['researchers at Imperial College London']);
  });

  it('does not take "added" with an object or a passive "estimated at" as speech', () => {
    expect(who('US employers added 22,000 jobs in August.')).toEqual([]);
    expect(who('Heatwave deaths estimated at 2,300 in 12 cities')).toEqual([]);
  });

  it('reads "X\'s forecasts of" and "puts … at" as sources of an estimate', () => {
    expect(who("Revenue beat analysts' forecasts of around $6.5bn.")).toEqual(['analysts']);
    expect(who('Western intelligence agencies put the number of troops at between 11,000 and 12,000.')).toEqual(['Western intelligence agencies']);
  });
});

describe('figure attribution', () => {
  it('takes a source after the figure only when its clause closes the sentence', () => {
    expect(figure('Home prices fell 1.2% in April, the Canadian Real Estate Association said on Wednesday.').attribution).toBe('Canadian Real Estate Association');
    expect(figure('The conference raised £120m, short of what the UN says it needs.').attribution).toBeUndefined();
  });

  it('resolves "the statement said" to the source named before it', () => {
    const f = figure('The army said on Friday that it had advanced. The statement said 40 soldiers had been freed.');
    expect(f.attribution).toBe('army');
  });
});
