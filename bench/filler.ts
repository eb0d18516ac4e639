import type { Rng } from './prng.ts';

/**
 * Background sentences that pad an article to a realistic length. They carry numbers (as real
 * news does, so extraction does real work) but avoid every topic's search words, so padding in
 * one storyline never turns up as an answer about another.
 */
const FIRST = ['Anna', 'Pavlo', 'Marta', 'Lukas', 'Sofia', 'Ivan', 'Elena', 'Tomasz', 'Nadia', 'Jakob', 'Olga', 'Mihail', 'Petra', 'Bogdan', 'Hanna', 'Ruben', 'Leila', 'Viktor', 'Agnes', 'Dario'];
const LAST = ['Kovalenko', 'Brenner', 'Moravec', 'Lindgren', 'Petrenko', 'Oliveira', 'Hartmann', 'Novak', 'Sorensen', 'Marchetti', 'Dubois', 'Kowalski', 'Szabo', 'Ivanova', 'Horvat', 'Jansen'];
const CITIES = ['Dnipro', 'Lviv', 'Poltava', 'Ternopil', 'Rivne', 'Zhytomyr', 'Vinnytsia', 'Uzhhorod', 'Graz', 'Brno', 'Gdansk', 'Tartu', 'Kaunas', 'Plovdiv', 'Timisoara', 'Ostend', 'Aarhus', 'Turku', 'Bergen', 'Porto'];
const ORGS = ['the regional council', 'the university', 'the chamber of commerce', 'the railway company', 'the national library', 'the water utility', 'the teachers union', 'the port authority', 'the city museum', 'the farmers cooperative', 'the transport ministry', 'a local charity'];
const THINGS = ['bridge', 'library', 'tram line', 'hospital wing', 'ring road', 'ferry terminal', 'concert hall', 'stadium', 'market hall', 'school'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ADJ = ['quiet', 'busy', 'narrow', 'historic', 'crowded', 'modern', 'small', 'sprawling', 'windswept', 'leafy'];

const TEMPLATES: ((r: Rng) => string)[] = [
  (r) => `${cap(r.pick(ORGS))} was founded in ${r.int(1890, 2005)} and employs about ${n(r.int(12, 240) * 10)} people.`,
  (r) => `${r.pick(CITIES)} lies ${r.int(12, 480)} kilometres from ${r.pick(CITIES)}, along a ${r.pick(ADJ)} road through farmland.`,
  (r) => `${name(r)}, ${r.int(19, 84)}, said the family had lived on the same street for ${r.int(3, 50)} years.`,
  (r) => `A report by ${r.pick(ORGS)} published in ${r.pick(MONTHS)} ran to ${r.int(40, 380)} pages.`,
  (r) => `The meeting in ${r.pick(CITIES)} lasted ${r.int(2, 9)} hours and ended without a joint statement.`,
  (r) => `Officials in ${r.pick(CITIES)} declined to comment further when contacted by reporters.`,
  (r) => `Forecasters expect temperatures of ${r.int(-12, 34)} degrees later in the week.`,
  (r) => `${cap(r.pick(ORGS))} said it would publish more detail in the coming weeks.`,
  (r) => `The old ${r.pick(THINGS)} in ${r.pick(CITIES)} was built in ${r.int(1870, 1990)} and is used by around ${n(r.int(2, 90) * 100)} people a day.`,
  (r) => `${name(r)}, who runs a ${r.pick(['bakery', 'bookshop', 'garage', 'pharmacy', 'hardware store'])} nearby, said the mood in town had changed.`,
  (r) => `Work on the new ${r.pick(THINGS)} is due to finish in ${r.pick(MONTHS)} ${r.int(2025, 2029)}.`,
  (r) => `The ${r.pick(ADJ)} centre of ${r.pick(CITIES)} was largely empty by early evening.`,
  (r) => `Reporters who visited the area saw ${r.pick(ADJ)} streets and shuttered shops.`,
  (r) => `${cap(r.pick(ORGS))} held its annual meeting on ${r.pick(MONTHS)} ${r.int(1, 28)}, with ${r.int(30, 400)} members present.`,
  (r) => `The journey by train from ${r.pick(CITIES)} takes about ${r.int(2, 14)} hours.`,
  (r) => `${name(r)}, a historian at ${r.pick(ORGS)}, has written ${r.int(2, 9)} books about the region.`,
  (r) => `Residents described a ${r.pick(ADJ)} week marked by rumours and uncertainty.`,
  (r) => `A survey of ${n(r.int(8, 40) * 100)} adults found that ${r.int(20, 80)} percent trusted local institutions.`,
  (r) => `The nearest ${r.pick(THINGS)} is ${r.int(3, 60)} minutes away by bus.`,
  () => `Independent verification of the details was not immediately possible.`,
  (r) => `${cap(r.pick(ORGS))} has opened ${r.int(2, 14)} new offices since ${r.int(2010, 2022)}.`,
  (r) => `Local newspapers in ${r.pick(CITIES)} gave the story ${r.pick(['little', 'wide', 'front-page', 'cautious'])} coverage.`,
  (r) => `In ${r.pick(CITIES)}, the ${r.pick(THINGS)} reopened after ${r.int(2, 30)} months of repairs.`,
  (r) => `${name(r)} said the decision would be reviewed at the next session in ${r.pick(MONTHS)}.`,
  (r) => `The area has a population of roughly ${n(r.int(5, 900) * 1000)}, according to the last census.`,
  () => `Analysts cautioned that the picture could change quickly.`,
  (r) => `The town's ${r.pick(THINGS)} stood ${r.pick(['almost empty', 'half full', 'closed', 'busy'])} on Saturday morning.`,
  (r) => `Many families in ${r.pick(CITIES)} have relatives living abroad.`,
];

// Most background sentences carry no number: real reports have a dozen or two figures, not one per line.
const PLAIN: ((r: Rng) => string)[] = [
  (r) => `${name(r)}, a resident of ${r.pick(CITIES)}, said people were tired but determined.`,
  (r) => `The ${r.pick(ADJ)} square outside the town hall filled with people in the afternoon.`,
  (r) => `${cap(r.pick(ORGS))} described the situation as serious but stable.`,
  (r) => `Shops along the main street in ${r.pick(CITIES)} opened late.`,
  () => `Neighbours checked on the elderly and shared what they had.`,
  (r) => `${name(r)} said the most important thing was to keep working.`,
  (r) => `Few people in ${r.pick(CITIES)} expected the situation to change soon.`,
  (r) => `The ${r.pick(THINGS)} in ${r.pick(CITIES)} has become a meeting point for volunteers.`,
  (r) => `Commentators on national television offered ${r.pick(['sharply different', 'cautious', 'gloomy', 'upbeat'])} readings of events.`,
  (r) => `${cap(r.pick(ORGS))} urged calm and asked people to follow official guidance.`,
  (r) => `Teachers in ${r.pick(CITIES)} said pupils talked about little else.`,
  (r) => `A spokesperson for ${r.pick(ORGS)} promised a fuller account later.`,
  (r) => `The ${r.pick(ADJ)} streets of the old quarter were lined with parked cars.`,
  (r) => `${name(r)}, a retired engineer, said he had seen nothing like it.`,
  () => `Questions remain about who will pay for the repairs.`,
  () => `Critics say the authorities were slow to explain their plans.`,
];

export function fillerSentence(r: Rng): string {
  return r.chance(0.35) ? r.pick(TEMPLATES)(r) : r.pick(PLAIN)(r);
}

export function name(r: Rng): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const nf = new Intl.NumberFormat('en-US');
export const n = (v: number): string => nf.format(v);
export { MONTHS };
