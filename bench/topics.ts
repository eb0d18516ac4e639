/**
 * The twenty storylines the synthetic corpus is written from. Placeholders: {n} the series figure
 * as written, {when} a date phrase, {attr} who reports it, {place}, {prev}/{prevWhen} an earlier
 * value of the series, {k} a small number, {kk} a larger one. The first series of each topic is the
 * one whose newest value the benchmark expects `/figures <query>` to return.
 */
export type SeriesKind = 'count' | 'money' | 'percent';

export interface Series {
  kind: SeriesKind;
  /** Value at the start and at the end of the corpus timeline; in between it moves linearly. */
  from: number;
  to: number;
  currency?: '$' | '€' | '£';
  lead: string[];
  earlier: string[];
}

export interface BenchTopic {
  query: string;
  place: string;
  attributions: string[];
  headlines: string[];
  series: Series[];
  /** Two parties contradicting each other: "{a} … while {b} …". */
  claims: string[];
  speakers: string[];
  quotes: string[];
  context: string[];
}

const count = (from: number, to: number, lead: string[], earlier: string[]): Series => ({ kind: 'count', from, to, lead, earlier });
const pct = (from: number, to: number, lead: string[], earlier: string[]): Series => ({ kind: 'percent', from, to, lead, earlier });
const money = (from: number, to: number, currency: Series['currency'], lead: string[], earlier: string[]): Series => ({ kind: 'money', from, to, currency, lead, earlier });

const EARLIER_COUNT = ['That was up from {prev} {prevWhen}.', 'The figure stood at {prev} {prevWhen}, officials noted.'];
const EARLIER_PCT = ['The rate had been {prev} {prevWhen}.', 'It stood at {prev} {prevWhen}.'];

export const TOPICS: BenchTopic[] = [
  {
    query: 'prisoners',
    place: 'Kursk region',
    attributions: ["Ukraine's General Staff", 'the Ukrainian military'],
    headlines: ['General Staff says {n} Russian soldiers taken prisoner in {place}', 'Russian prisoners captured in {place} reach {n}, Kyiv says'],
    series: [
      count(640, 1400, ['{attr} said {when} that its troops had captured {n} Russian soldiers in the {place} since the incursion began, all of them held as prisoners of war.'], EARLIER_COUNT),
      count(90, 1200, ['{when}, {n} Ukrainian prisoners of war returned home in the latest exchange.'], ['An earlier exchange had returned {prev} prisoners {prevWhen}.']),
    ],
    claims: ['Moscow says its forces have cleared the {place}, while {attr} insists that fighting continues along the border.'],
    speakers: ['Dmytro Lazorenko, a spokesman for the coordination headquarters', 'Iryna Savchuk, a human rights commissioner'],
    quotes: ['Every captured soldier is a chance to bring one of ours home', 'We will not stop until the last prisoner is back with his family'],
    context: ['Negotiators met in Istanbul to agree the terms of the next exchange.', 'Families of missing soldiers gathered outside the coordination headquarters in Kyiv.', 'The swap followed weeks of mediation by Turkey and the United Arab Emirates.'],
  },
  {
    query: 'casualties',
    place: 'Kharkiv region',
    attributions: ['the regional governor', 'local officials'],
    headlines: ['Civilian casualties in {place} rise to {n}', '{n} civilians killed in {place} this year, officials say'],
    series: [count(120, 2600, ['{attr} said {when} that {n} civilians had been killed in the {place} since January.'], EARLIER_COUNT)],
    claims: ['Kyiv blames the deaths on Russian shelling, while Moscow says its forces strike only military targets.'],
    speakers: ['Oleh Synehubov, the regional governor', 'Marta Hrytsenko, a hospital director in Kharkiv'],
    quotes: ['Our doctors are working around the clock', 'These were ordinary people going about their day'],
    context: ['Emergency crews searched the rubble of a five-storey building through the night.', 'Hospitals in the city asked residents to donate blood.'],
  },
  {
    query: 'kursk',
    place: 'Kursk region',
    attributions: ['Ukrainian commanders', "Ukraine's General Staff"],
    headlines: ['Ukraine holds {n} square kilometres in Kursk, commanders say', 'Fighting in Kursk: Kyiv claims {n} square kilometres'],
    series: [count(1300, 60, ['{attr} said {when} that Ukrainian units still held {n} square kilometres of the {place}.'], ['Kyiv had claimed {prev} square kilometres {prevWhen}.'])],
    claims: ['Russia said it had liberated the whole {place}, while {attr} maintains that its units still operate in border areas.'],
    speakers: ['Oleksandr Syrskyi, the Ukrainian commander-in-chief', 'Alexei Smirnov, the acting governor of Kursk'],
    quotes: ['The operation has changed the course of the war', 'Our forces control the situation along the entire border'],
    context: ['Sudzha, a small town near the border, changed hands in the spring.', 'Residents of the border districts remain in temporary housing in Kursk city.'],
  },
  {
    query: 'evacuation',
    place: 'Pokrovsk district',
    attributions: ['the regional military administration', 'evacuation officials'],
    headlines: ['{n} residents evacuated from {place}', 'Evacuation from {place} passes {n} people'],
    series: [count(800, 42000, ['{attr} said {when} that {n} residents had been evacuated from the {place}.'], EARLIER_COUNT)],
    claims: ['Local authorities say the evacuation is voluntary, while critics insist families are being pressured to leave.'],
    speakers: ['Vadym Filashkin, head of the regional administration', 'Natalia Koval, a volunteer driver'],
    quotes: ['Staying here is no longer safe for children', 'We take everyone who asks, with their pets'],
    context: ['Buses left the central square every morning at seven.', 'Volunteers set up a reception centre at the railway station in Dnipro.'],
  },
  {
    query: 'inflation',
    place: 'Valdoria',
    attributions: ['the national statistics office', 'the central bank'],
    headlines: ['Valdoria inflation at {n}', 'Consumer prices in Valdoria rise {n}'],
    series: [pct(9.8, 3.1, ['{attr} said {when} that annual inflation eased to {n} as fuel costs fell.'], EARLIER_PCT)],
    claims: ['The finance ministry says the worst is over, while opposition economists insist that food prices will keep climbing.'],
    speakers: ['Clara Benning, governor of the central bank', 'Tomas Reiter, chief economist at Northgate Bank'],
    quotes: ['Price stability remains our first duty', 'Households will feel the relief only slowly'],
    context: ['Bread and dairy led the increase in the monthly basket.', 'The central bank kept its key rate unchanged at its last meeting.'],
  },
  {
    query: 'budget',
    place: 'Valdoria',
    attributions: ['the finance ministry', 'the parliamentary budget office'],
    headlines: ['Valdoria budget deficit reaches {n}', 'Budget gap widens to {n}'],
    series: [money(1.2e9, 6.8e9, '€', ['{attr} said {when} that the budget deficit had reached {n} for the year so far.'], ['The gap was {prev} {prevWhen}.'])],
    claims: ['The government says the deficit is under control, while the opposition insists that spending is out of hand.'],
    speakers: ['Anja Weller, the finance minister', 'Piet Vos, head of the budget office'],
    quotes: ['We are borrowing to invest, not to consume', 'The numbers do not add up'],
    context: ['Lawmakers will vote on the revised plan before the summer recess.', 'Tax receipts came in below forecasts for the third month running.'],
  },
  {
    query: 'election',
    place: 'Marenland',
    attributions: ['the electoral commission', 'election officials'],
    headlines: ['Marenland turnout at {n} as polls close', 'Election in Marenland: turnout {n}'],
    series: [pct(41, 68, ['{attr} said {when} that turnout had reached {n} an hour before polls closed.'], EARLIER_PCT)],
    claims: ['The ruling party says the count was clean, while observers insist that ballots were mishandled in two districts.'],
    speakers: ['Johan Albers, chair of the electoral commission', 'Ines Roth, an opposition candidate'],
    quotes: ['Every vote will be counted', 'Voters deserve a transparent count'],
    context: ['Queues formed outside schools used as polling stations.', 'Preliminary results are expected after midnight.'],
  },
  {
    query: 'vaccination',
    place: 'Ostrava province',
    attributions: ['the health ministry', 'public health officials'],
    headlines: ['{n} vaccine doses given in {place}', 'Vaccination campaign in {place} passes {n} doses'],
    series: [count(15000, 920000, ['{attr} said {when} that {n} vaccine doses had been administered in {place}.'], EARLIER_COUNT)],
    claims: ['The ministry says supplies are sufficient, while clinics insist that they are turning patients away.'],
    speakers: ['Dr Lena Hruba, the chief medical officer', 'Karel Novak, a pharmacist'],
    quotes: ['The jab is safe and it is free', 'We ran out by noon on Tuesday'],
    context: ['Mobile clinics visited villages in the hills.', 'Schools sent consent forms home with pupils.'],
  },
  {
    query: 'ceasefire',
    place: 'eastern front',
    attributions: ['monitors', 'the observer mission'],
    headlines: ['Monitors record {n} ceasefire violations', 'Truce under strain: {n} violations logged'],
    series: [count(40, 3100, ['{attr} said {when} that they had recorded {n} ceasefire violations along the {place}.'], EARLIER_COUNT)],
    claims: ['Each side says the other broke the truce first, while the observer mission insists it cannot assign blame.'],
    speakers: ['Henrik Dahl, head of the observer mission', 'Yulia Moroz, a resident of a frontline village'],
    quotes: ['The truce holds on paper only', 'We heard artillery all night'],
    context: ['Observers were denied access to two checkpoints.', 'The truce was agreed after three rounds of negotiation.'],
  },
  {
    query: 'attacks',
    place: 'Odesa',
    attributions: ['the air force', 'air defence command'],
    headlines: ['{n} drones launched at {place} overnight', 'Overnight drone attack on {place}: {n} drones'],
    series: [count(20, 180, ['{attr} said {when} that Russia had launched {n} drones at {place} overnight, most of them shot down.'], ['An attack {prevWhen} involved {prev} drones.'])],
    claims: ['Kyiv says the strikes hit the port and homes, while Moscow insists that it targeted only military sites.'],
    speakers: ['Yurii Ihnat, an air force spokesman', 'Oleh Kiper, the regional governor'],
    quotes: ['Air defence worked all night', 'The port was the main target again'],
    context: ['Sirens sounded across the city for three hours.', 'Debris damaged a grain terminal and a warehouse.'],
  },
  {
    query: 'sanctions',
    place: 'Brussels',
    attributions: ['the European Commission', 'EU officials'],
    headlines: ['EU freezes {n} in assets', 'Frozen assets under sanctions reach {n}'],
    series: [money(2e9, 2.6e10, '€', ['{attr} said {when} that assets worth {n} had been frozen under the sanctions regime.'], ['The total was {prev} {prevWhen}.'])],
    claims: ['Brussels says the measures are working, while Moscow insists the sanctions have only hurt Europe.'],
    speakers: ['Margit Hallstrom, an EU trade commissioner', 'Viktor Pell, a sanctions lawyer'],
    quotes: ['The package closes the loopholes we found', 'Enforcement is where this will be won or lost'],
    context: ['The new listings include shipping firms and their owners.', 'Member states must approve each package unanimously.'],
  },
  {
    query: 'aid',
    place: 'Washington',
    attributions: ['the Pentagon', 'US officials'],
    headlines: ['{n} military aid package announced', 'US unveils {n} in weapons for Kyiv'],
    series: [money(3e8, 2.5e9, '$', ['{attr} said {when} that a new military aid package worth {n} would be sent to Ukraine.'], ['The previous package, announced {prevWhen}, was worth {prev}.'])],
    claims: ['The administration says the aid keeps Ukraine in the fight, while critics in Congress insist that it lacks oversight.'],
    speakers: ['Sabrina Kent, a Pentagon spokeswoman', 'Mark Hollis, a senator on the armed services committee'],
    quotes: ['These weapons will be on the front within weeks', 'We need a clear plan, not another cheque'],
    context: ['The package includes artillery shells and air defence interceptors.', 'Deliveries will be drawn from existing stocks.'],
  },
  {
    query: 'refugees',
    place: 'Lindau province',
    attributions: ['the UN refugee agency', 'border officials'],
    headlines: ['{n} refugees registered in {place}', 'Refugees arriving in {place} top {n}'],
    series: [count(3000, 210000, ['{attr} said {when} that {n} refugees had been registered in {place} since the crisis began.'], EARLIER_COUNT)],
    claims: ['The government says shelters have room, while aid groups insist that reception centres are full.'],
    speakers: ['Amira Haddad, a UNHCR representative', 'Stefan Loy, mayor of a border town'],
    quotes: ['Most arrive with one bag and nothing else', 'Our town has doubled in a month'],
    context: ['Registration centres opened at three border crossings.', 'Schools set up extra classes for newly arrived children.'],
  },
  {
    query: 'gdp',
    place: 'Valdoria',
    attributions: ['the statistics office', 'government economists'],
    headlines: ['Valdoria GDP grows {n}', 'Valdoria GDP: economy expands {n} in the quarter'],
    series: [pct(0.4, 3.6, ['{attr} said {when} that GDP grew {n} compared with a year earlier.'], EARLIER_PCT)],
    claims: ['Ministers say the recovery is broad, while unions insist that wages are lagging behind.'],
    speakers: ['Rik Haller, the economy minister', 'Sonja Meer, an analyst at Baltica Research'],
    quotes: ['Exports carried the quarter', 'The recovery is real but fragile'],
    context: ['Manufacturing orders rose for a second quarter.', 'Retail sales were flat over the summer.'],
  },
  {
    query: 'unemployment',
    place: 'Marenland',
    attributions: ['the labour ministry', 'the employment agency'],
    headlines: ['Marenland unemployment rate at {n}', 'Unemployment in Marenland falls to {n}'],
    series: [pct(8.9, 4.7, ['{attr} said {when} that the unemployment rate fell to {n} last month.'], EARLIER_PCT)],
    claims: ['The government says the labour market is strong, while employers insist that vacancies go unfilled.'],
    speakers: ['Greta Solberg, the labour minister', 'Aart Dekker, head of the employers association'],
    quotes: ['More people are in work than ever before', 'We cannot find welders at any price'],
    context: ['Youth unemployment remained stubbornly high.', 'Job centres reported fewer new claims in the spring.'],
  },
  {
    query: 'wildfires',
    place: 'Sierra Alta',
    attributions: ['the forestry service', 'firefighters'],
    headlines: ['Wildfires burn {n} hectares in {place}', '{place} wildfires: {n} hectares lost'],
    series: [count(500, 68000, ['{attr} said {when} that wildfires had burned {n} hectares of forest in {place} this season.'], EARLIER_COUNT)],
    claims: ['Officials say the fires were started by lightning, while residents insist that arson was to blame.'],
    speakers: ['Ramon Ortega, chief of the forestry service', 'Lucia Vidal, a farmer in the valley'],
    quotes: ['The wind changed direction twice in an hour', 'We lost the olive grove my grandfather planted'],
    context: ['Water bombers flew from dawn until dusk.', 'Roads into the valley were closed to traffic.'],
  },
  {
    query: 'floods',
    place: 'Rhenish valley',
    attributions: ['the civil protection agency', 'rescue services'],
    headlines: ['Floods damage {n} homes in {place}', '{n} homes flooded as river bursts its banks'],
    series: [count(200, 14500, ['{attr} said {when} that {n} homes had been damaged by flooding in the {place}.'], EARLIER_COUNT)],
    claims: ['The agency says warnings went out in time, while residents insist that no alert reached them.'],
    speakers: ['Karin Brandt, head of civil protection', 'Jonas Feld, a shop owner'],
    quotes: ['The water rose faster than any model predicted', 'We had twenty minutes to get out'],
    context: ['Sandbags were handed out at the fire station.', 'The river peaked just below the old town wall.'],
  },
  {
    query: 'outages',
    place: 'Kyiv',
    attributions: ['the grid operator', 'energy officials'],
    headlines: ['Power outages leave {n} households in {place} in the dark', 'Outages in {place} hit {n} homes'],
    series: [count(4000, 380000, ['{attr} said {when} that {n} households in {place} were without electricity as outages spread across the grid.'], EARLIER_COUNT)],
    claims: ['The grid operator says repairs will take days, while the city insists that power will be back by the weekend.'],
    speakers: ['Maksym Tymchenko, head of the grid operator', 'Svitlana Bondar, a teacher'],
    quotes: ['Engineers are working in freezing conditions', 'We charge our phones at the school generator'],
    context: ['Shops ran diesel generators on the pavement.', 'Schedules of rolling blackouts were posted online.'],
  },
  {
    query: 'rents',
    place: 'Port Emmerich',
    attributions: ['the housing agency', 'property analysts'],
    headlines: ['Rents in {place} up {n}', '{place} rents climb {n} in a year'],
    series: [pct(2.5, 11.4, ['{attr} said {when} that average rents in {place} rose {n} over the past year.'], EARLIER_PCT)],
    claims: ['Developers say more homes are on the way, while tenant groups insist that the new flats are unaffordable.'],
    speakers: ['Eva Lindqvist, head of the housing agency', 'Omar Fahri, a tenant organiser'],
    quotes: ['Supply is finally catching up', 'Half my wage goes on rent'],
    context: ['Building permits rose in the harbour district.', 'The city council debated a cap on short-term lets.'],
  },
  {
    query: 'tourists',
    place: 'Calvera',
    attributions: ['the tourism board', 'airport officials'],
    headlines: ['{n} tourists in {place} this year', 'Tourist arrivals in {place} reach {n}'],
    series: [count(90000, 4100000, ['{attr} said {when} that {n} foreign tourists had arrived in {place} so far this year.'], EARLIER_COUNT)],
    claims: ['The board says the crowds bring jobs, while residents insist that the old town has become unliveable.'],
    speakers: ['Marco Bellini, head of the tourism board', 'Giulia Ferri, a cafe owner'],
    quotes: ['This is our best season on record', 'Locals can no longer afford to live here'],
    context: ['Cruise ships docked in the harbour every morning.', 'Hotels reported near full occupancy in August.'],
  },
];
