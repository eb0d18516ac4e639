/**
 * The topic vocabulary shared by extraction (what an article is about) and search
 * (what a user's topic word should match).
 */
import { DEMONYMS, ENTITY_ALIASES, GAZETTEER, PLACE_SUFFIX } from './lexicon.ts';
import { matchesOf } from './scan.ts';

interface Topic {
  key: string;
  /** Query words that select this topic. */
  names: string[];
  /** Lower-case search terms (words and phrases). */
  terms: string[];
  /** Distinctive phrases that tag an article with the topic (a subset of terms, less generic). */
  triggers: string[];
}

const TOPICS: Topic[] = [
  {
    key: 'prisoner of war',
    names: ['prisoner', 'prisoners', 'pow', 'pows', 'prisoners of war', 'prisoner of war', 'captives', 'prisoner exchange', 'prisoner swap', 'swap', 'exchange'],
    terms: ['prisoner', 'prisoners', 'prisoners of war', 'prisoner of war', 'pow', 'pows', 'captive', 'captives', 'captivity', 'captured', 'capture', 'captures', 'exchange', 'exchanged', 'swap', 'swapped', 'exchange fund', 'detained', 'detainees', 'taken prisoner'],
    triggers: ['prisoner', 'prisoners', 'prisoners of war', 'pow', 'pows', 'captivity', 'captives', 'exchange fund', 'taken prisoner'],
  },
  {
    key: 'prisoner exchange',
    names: [],
    terms: [],
    triggers: ['prisoner exchange', 'prisoner exchanges', 'prisoner swap', 'prisoner swaps', 'exchange fund', 'all-for-all'],
  },
  {
    key: 'casualties',
    names: ['casualties', 'casualty', 'deaths', 'death toll', 'killed', 'dead', 'losses', 'wounded', 'fatalities'],
    terms: ['killed', 'dead', 'wounded', 'injured', 'casualties', 'casualty', 'deaths', 'death', 'died', 'death toll', 'fatalities', 'losses', 'injuries'],
    triggers: ['killed', 'casualties', 'death toll', 'wounded', 'fatalities', 'deaths'],
  },
  {
    key: 'evacuation',
    names: ['evacuations', 'evacuation', 'evacuees', 'evacuated', 'displaced'],
    terms: ['evacuation', 'evacuations', 'evacuated', 'evacuate', 'evacuees', 'evacuee', 'displaced', 'fled', 'relocated'],
    triggers: ['evacuation', 'evacuations', 'evacuated', 'evacuees'],
  },
  {
    key: 'inflation',
    names: ['inflation', 'prices', 'cpi', 'cost of living'],
    terms: ['inflation', 'consumer prices', 'cpi', 'prices', 'price growth', 'cost of living', 'deflation'],
    triggers: ['inflation', 'consumer prices', 'cost of living', 'cpi'],
  },
  {
    key: 'budget',
    names: ['budget', 'budgets', 'spending', 'deficit'],
    terms: ['budget', 'budgets', 'spending', 'deficit', 'fiscal', 'expenditure', 'revenue', 'revenues', 'borrowing'],
    triggers: ['budget', 'deficit', 'fiscal'],
  },
  {
    key: 'election',
    names: ['election', 'elections', 'turnout', 'vote', 'votes', 'voting', 'polls'],
    terms: ['election', 'elections', 'vote', 'votes', 'voters', 'voting', 'turnout', 'ballot', 'ballots', 'polls', 'polling', 'electoral'],
    triggers: ['election', 'elections', 'turnout', 'voters', 'ballots', 'electoral'],
  },
  {
    key: 'vaccination',
    names: ['vaccines', 'vaccine', 'vaccination', 'vaccinations', 'jabs'],
    terms: ['vaccine', 'vaccines', 'vaccination', 'vaccinations', 'vaccinated', 'doses', 'dose', 'jab', 'jabs', 'immunisation', 'immunization'],
    triggers: ['vaccine', 'vaccines', 'vaccination', 'vaccinated'],
  },
  {
    key: 'ceasefire',
    names: ['ceasefire', 'truce', 'cease-fire'],
    terms: ['ceasefire', 'cease-fire', 'truce', 'armistice'],
    triggers: ['ceasefire', 'cease-fire', 'truce'],
  },
  {
    key: 'peace talks',
    names: ['talks', 'negotiations', 'peace talks', 'peace'],
    terms: ['talks', 'negotiations', 'peace talks', 'negotiate', 'negotiators', 'summit', 'peace deal'],
    triggers: ['peace talks', 'negotiations', 'peace deal'],
  },
  {
    key: 'attacks',
    names: ['attacks', 'attack', 'strikes', 'strike', 'shelling', 'drones', 'missiles'],
    terms: ['attack', 'attacks', 'strike', 'strikes', 'shelling', 'shelled', 'drone', 'drones', 'missile', 'missiles', 'bombardment', 'airstrike', 'airstrikes'],
    triggers: ['airstrike', 'airstrikes', 'shelling', 'drone attack', 'missile attack', 'missiles', 'drones'],
  },
  {
    key: 'sanctions',
    names: ['sanctions', 'sanction'],
    terms: ['sanctions', 'sanction', 'sanctioned', 'embargo', 'export controls'],
    triggers: ['sanctions', 'embargo'],
  },
  {
    key: 'military aid',
    names: ['aid', 'military aid', 'weapons', 'assistance'],
    terms: ['aid', 'military aid', 'assistance', 'weapons', 'arms', 'package', 'support'],
    triggers: ['military aid', 'aid package', 'weapons deliveries', 'military support'],
  },
  {
    key: 'refugees',
    names: ['refugees', 'refugee', 'migrants', 'migration', 'asylum'],
    terms: ['refugee', 'refugees', 'asylum', 'migrants', 'migrant', 'migration', 'displaced'],
    triggers: ['refugees', 'asylum', 'migrants'],
  },
  {
    key: 'economy',
    names: ['economy', 'gdp', 'growth', 'recession', 'unemployment', 'jobs'],
    terms: ['economy', 'economic', 'gdp', 'growth', 'recession', 'unemployment', 'jobless', 'jobs', 'output'],
    triggers: ['gdp', 'recession', 'unemployment', 'economic growth'],
  },
];

const TOPIC_BY_NAME = new Map<string, Topic>();
for (const t of TOPICS) for (const n of [t.key, ...t.names]) TOPIC_BY_NAME.set(n, t);
const TRIGGERS = new Map<string, string>();
for (const t of TOPICS) for (const tr of t.triggers) TRIGGERS.set(tr, t.key);
// First words of multi-word triggers: only these start a phrase lookup.
const PHRASE_STARTS = new Set([...TRIGGERS.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

/** Entity key for a name: "Kursk Oblast" / "the Kursk area" → "kursk"; "Kiev" → "kyiv"; "POWs" → "prisoner of war". */
export function normalizeEntity(name: string): string {
  let key = entityCache.get(name);
  if (key === undefined) {
    if (entityCache.size >= 20_000) entityCache.clear(); // a bound, not an LRU: names repeat within a feed
    key = normalizeUncached(name);
    entityCache.set(name, key);
  }
  return key;
}
// Claims and topics normalise the same few place names in every article.
const entityCache = new Map<string, string>();

function normalizeUncached(name: string): string {
  let s = name.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  s = s.replace(/^the /, '').replace(/'s$/, '').replace(/[.,;:!?"“”]+$/, '');
  if (ENTITY_ALIASES[s]) return ENTITY_ALIASES[s]!;
  // "Russian Kursk region": the demonym describes the place, it is not part of its name.
  const parts = s.split(' ');
  while (parts.length > 1 && DEMONYMS[parts[0]!] && !DEMONYMS[parts.join(' ')]) parts.shift();
  s = parts.join(' ');
  const bare = s.replace(PLACE_SUFFIX, '');
  if (bare !== s && bare) return ENTITY_ALIASES[bare] ?? bare;
  return DEMONYMS[s] ?? s;
}

/** Lower-case search terms for a user's topic ("prisoners" → prisoner, pow, swap, …). */
export function expandTopic(query: string): string[] {
  const q = query.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!q) return [];
  const out = new Set<string>([q]);
  const topic = TOPIC_BY_NAME.get(q) ?? TOPIC_BY_NAME.get(singular(q));
  if (topic) for (const t of topic.terms) out.add(t);
  out.add(singular(q));
  out.add(plural(singular(q)));
  const entity = normalizeEntity(q);
  if (entity !== q) out.add(entity);
  for (const [alias, key] of Object.entries(ENTITY_ALIASES)) if (key === entity && !alias.includes('.')) out.add(alias);
  return [...out];
}

/** Crude English singular, enough for topic words ("casualties" → "casualty"). */
export function singular(word: string): string {
  if (/(?:ss|us|is)$/.test(word) || word.length < 4) return word;
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (/men$/.test(word)) return word.slice(0, -3) + 'man';
  if (word === 'people') return 'person';
  if (word === 'children') return 'child';
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (/man$/.test(word)) return word.slice(0, -3) + 'men';
  return word + 's';
}

const ENTITY_WORDS = new Set([...GAZETTEER, ...Object.keys(ENTITY_ALIASES)]);
const PLACE_NAME = /\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince|[Kk]rai|[Gg]overnorate)\b/g;

/** One lookup per word of an article instead of three: its trigger, whether it starts a phrase, the place it names. */
interface WordInfo {
  single?: string;
  phraseStart?: boolean;
  entity?: string;
}
const WORD_INFO = new Map<string, WordInfo>();
const infoOf = (w: string): WordInfo => WORD_INFO.get(w) ?? WORD_INFO.set(w, {}).get(w)!;
for (const [w, key] of TRIGGERS) if (!w.includes(' ')) infoOf(w).single = key;
for (const w of PHRASE_STARTS) infoOf(w).phraseStart = true;
for (const w of ENTITY_WORDS) {
  const entity = ENTITY_ALIASES[w] ?? w;
  if (GAZETTEER.has(entity)) infoOf(w).entity = entity;
}

/**
 * Only the words of WORD_INFO, found as whole words of the lower-cased text: a word starts at the
 * first letter of a run of [a-z'-] and ends where the run ends ("kursk's" is one word). Scanning for
 * these few words skips the article's other words instead of listing and looking up each of them.
 */
const CANDIDATES = [...WORD_INFO.keys()].filter((w) => /^[a-z][a-z'-]*$/.test(w)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const byFirst = new Map<string, string[]>();
for (const w of CANDIDATES) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w]);
const ALT = [...byFirst].map(([c, ws]) => `${c}(?:${ws.map((w) => w.slice(1)).join('|')})`).join('|');
const KNOWN_WORD = new RegExp(`(?:^|[^a-z'-])['-]*(${ALT})('s)?(?![a-z'-])`, 'g');

function bump(counts: Map<string, number>, k: string, n: number): void {
  counts.set(k, (counts.get(k) ?? 0) + n);
}

/** Normalised entity and topic keys an article is about ("kursk", "prisoner of war", "prisoner exchange"). */
export function articleTopics(title: string, text: string): string[] {
  const counts = new Map<string, number>();
  for (const [part, weight] of [[title, 2], [text, 1]] as const) {
    const lower = part.toLowerCase();
    KNOWN_WORD.lastIndex = 0;
    for (let m = KNOWN_WORD.exec(lower); m; m = KNOWN_WORD.exec(lower)) {
      const w = m[1]!;
      if (m[2]) {
        // "kursk's": the possessive names the place; the whole word is no trigger.
        const entity = WORD_INFO.get(w)!.entity;
        if (entity) bump(counts, entity, weight);
        continue;
      }
      const info = WORD_INFO.get(w)!;
      if (info.single) bump(counts, info.single, weight);
      if (info.phraseStart) phrasesAfter(counts, lower, w, KNOWN_WORD.lastIndex, weight);
      if (info.entity) bump(counts, info.entity, weight);
    }
    for (const m of matchesOf(PLACE_NAME, part)) bump(counts, normalizeEntity(m[1]!), weight);
  }
  // One passing mention in the body is noise; a title mention or a repeat is a topic.
  return [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

// The two words after a phrase start, wherever they are: punctuation between them does not break a phrase.
const NEXT_WORD = /[a-z][a-z'-]*/g;
function phrasesAfter(counts: Map<string, number>, lower: string, first: string, from: number, weight: number): void {
  NEXT_WORD.lastIndex = from;
  const second = NEXT_WORD.exec(lower)?.[0];
  if (second === undefined) return;
  const two = `${first} ${second}`;
  const topic2 = TRIGGERS.get(two);
  if (topic2) bump(counts, topic2, weight);
  const third = NEXT_WORD.exec(lower)?.[0];
  const topic3 = third === undefined ? undefined : TRIGGERS.get(`${two} ${third}`);
  if (topic3) bump(counts, topic3, weight);
}
