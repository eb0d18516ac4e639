import { describe, expect, it } from 'vitest';
import { findSources } from '../../src/extract/attribution.ts';
import { figure, figures } from './helpers.ts';

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

  it('prefers the name to a role it holds at a named body', () => {
    expect(who("Nadia Okafor, Brightwell's finance director, said costs had doubled.")).toEqual(['Nadia Okafor']);
    expect(who("Ivo Marsh, the union's regional secretary, said 300 posts would go.")).toEqual(['Ivo Marsh']);
    // Without a name before it, the role is the source as written.
    expect(who("Brightwell's finance director said costs had doubled.")).toEqual(["Brightwell's finance director"]);
  });

  it('never takes the listener of "told" for the speaker', () => {
    expect(who('Ruth Ade, a council spokeswoman, told the BBC that 40 wards had shut.')).toEqual(['Ruth Ade']);
    expect(who("Ivo Marsh, Brightwell's chairman, told Reuters the plant would close.")).toEqual(['Ivo Marsh']);
  });

  it('keeps a name joined by a slash whole', () => {
    expect(who('Home broadband rose to 21 million, according to market analysts Pollcraft/NetWatch.')).toEqual(['Pollcraft/NetWatch']);
    expect(who('A study by Veld/MDR found that 30% had no backup.')).toEqual(['Veld/MDR']);
  });

  it('reads a long name after its description in full', () => {
    expect(who('Users send 90 texts a week, according to UK research think-tank Hollow Oak Centre for Digital Life.')).toEqual(['Hollow Oak Centre for Digital Life']);
  });

  it('passes over where a speaker is from to reach the speaker', () => {
    expect(who('Ann Fry, from Tula, Oklahoma, said she would rent it out for 30 days.')).toEqual(['Ann Fry']);
    expect(who('Officials in the US, who have charged 12 people in Camden, New Jersey, estimate losses of $2m.')).toEqual(['Officials in the US']);
  });

  it('takes the person named after a role that "according to" gives', () => {
    expect(who('According to its Paris lawyer, Emil Roux of Roux and Vidal, the claim rests on a 60% uplift.')).toEqual(['Emil Roux']);
    expect(who('According to the report, sales rose 4%.')).toEqual(['report']);
  });

  it('reads a speech to come as the speaker\'s', () => {
    expect(who('Ms Hale is expected to say that around £2bn will be saved.')).toEqual(['Ms Hale']);
    expect(who('The minister was due to say 400 posts would go.')).toEqual(['The minister']);
    // A passive "is said to" names no speaker.
    expect(who('He is said to be worth £50m.')).toEqual([]);
  });

  it('reads whose document "according to" names', () => {
    expect(who("Profits will reach £2bn, according to analysts' forecasts.")).toEqual(['analysts']);
    expect(who("Sales rose 4%, according to Brightwell's own figures.")).toEqual(['Brightwell']);
    expect(who('Up to 9,000 homes may flood, according to estimates presented to the council by Dr Amos Lee.')).toEqual(['Amos Lee']);
  });

  it('never names a date as the source', () => {
    expect(who('Counts to the end of October showed a fall from 512 to 480.')).toEqual([]);
    expect(who('The guidance issued on Thursday, said the force had a duty to act.')).toEqual([]);
    expect(who('Figures released on Friday showed 60 more.')).toEqual(['Figures']);
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
  it('gives a figure the claim whose subject follows it at once', () => {
    expect(figures('The offer fell far short of the $12bn Zedland says the firm owes.').map((f) => f.attribution)).toEqual(['Zedland']);
  });

  it('gives a poll the shares written before its name', () => {
    const facts = figures('Some 58% of those polled for the Evening Herald thought the mayor should resign.');
    expect(facts.map((f) => f.attribution)).toEqual(['Evening Herald']);
  });

  it('names an abbreviation in full when the article defined it, hyphenated words included', () => {
    const facts = figures('The North-South Anti-Drift Board (NSADB) met on Monday. The NSADB said rainfall fell 12% last year.');
    expect(facts.map((f) => f.attribution)).toEqual(['North-South Anti-Drift Board']);
  });


  it('takes a source after the figure only when its clause closes the sentence', () => {
    expect(figure('Home prices fell 1.2% in April, the Canadian Real Estate Association said on Wednesday.').attribution).toBe('Canadian Real Estate Association');
    expect(figure('The conference raised £120m, short of what the UN says it needs.').attribution).toBeUndefined();
  });

  it('resolves "the statement said" to the source named before it', () => {
    const f = figure('The army said on Friday that it had advanced. The statement said 40 soldiers had been freed.');
    expect(f.attribution).toBe('army');
  });
});

describe('attribution on real-news constructions', () => {
  it('keeps a quote left open mid-paragraph from swallowing the narrative after it', () => {
    const f = figures('"Buyers want style, and fun." "This spring belongs to audio. The audio download market was worth $15 million last year, according to Polder Research.')[0]!;
    expect(f.attribution).toBe('Polder Research');
  });

  it('reads reports, figures, surveys and statistics as sources', () => {
    expect(who('Reports have put the bid at 250p a share.')).toEqual(['Reports']);
    expect(who('Only 31% of rural homes have broadband, according to reports.')).toEqual(['reports']);
    expect(who('Some 12 million handsets were sold, said the report.')).toEqual(['report']);
    expect(who('According to trade statistics, most buyers are over 30.')).toEqual(['trade statistics']);
    expect(who('A recent survey by Quorvex found that 64% of drivers use a phone.')).toEqual(['Quorvex']);
    expect(who('Analysts at Brindle predicts that sales will pass 40 million.')).toEqual(['Analysts at Brindle']);
  });

  it('gives "told" with a short object the figures before it', () => {
    expect(figures('Four mills have shut, leaving 3,200 weavers idle, union leaders told a news agency.').map((f) => f.attribution)).toEqual(['union leaders', 'union leaders']);
  });

  it('gives "… and said" the subject that opens the sentence', () => {
    expect(figure('Kestrel holds a large share of the market and said it hoped to sell about four million units.').attribution).toBe('Kestrel');
  });

  it('names an abbreviated source by the full name the article defined', () => {
    const f = figures('The Office of Fair Rents (OFR) published its audit on Monday. The OFR said 4,100 tenants had been overcharged.')[0]!;
    expect(f.attribution).toBe('Office of Fair Rents');
  });

  it('names "Mr Surname" by the full name the article used first', () => {
    const f = figures('Opposition leader Gareth Pryce spoke in Leeds. Mr Pryce said 300 wards would close.')[0]!;
    expect(f.attribution).toBe('Gareth Pryce');
  });
});

describe('attribution from text that was markup', () => {
  it('does not run a source name on into the next phrase when paragraph breaks were lost', () => {
    // A link and a bold word whose paragraph end was dropped: "… according to <a>Dunmore bank</a> <b>now</b></p><p>The agency …".
    const [src] = findSources('Rents rose 4%, according to Dunmore bank now The agency in Quarrytown said.');
    expect(src!.who).toBe('Dunmore bank');
    // The words of a bold tag right after a link: a trailing lower-case word that names nothing is dropped.
    const [bold] = findSources('Rents rose 4%, according to dunmore.example bank bold The agency in Quarrytown said.');
    expect(bold!.who).toBe('dunmore.example bank');
  });
});

describe('a poll named beside the people it asked', () => {
  it('takes "respondents in the Evening Post poll" and "those polled for the Herald" as the source', () => {
    expect(findSources('Some 58% of respondents in the Evening Post poll thought the plan was fair.').map((s) => s.who)).toEqual(['Evening Post poll']);
    expect(findSources('Just over a third (36%) of those polled for the Herald said they would vote.').map((s) => s.who)).toContain('Herald');
  });

  it('names no poll when none is named', () => {
    expect(findSources('Nearly 40% of voters in the poll backed him.')).toEqual([]);
  });
});

describe('a person named before a role', () => {
  it('resolves "he" to "Tom Lee, regional director of the Ramblers" rather than the organisation', () => {
    const [f] = figures('Tom Lee, regional director of the Ramblers, said he expected 1,500 walkers to join the march.');
    expect(f!.attribution).toBe('Tom Lee');
  });
});
