import { Rng, mix } from './prng.ts';
import { TOPICS, type BenchTopic, type Series } from './topics.ts';
import { MONTHS, cap, fillerSentence, n } from './filler.ts';

/**
 * The synthetic corpus: article i is rebuilt from (seed, i) alone, so 100k articles never sit in
 * memory at once and a feed can be rendered on request. Publication dates rise with the index, so
 * the newest article of a topic is the one with the highest index, and its lead figure is the value
 * `/figures <topic>` must return.
 */
export interface CorpusSpec {
  articles: number;
  sources: number;
  seed: number;
  /** Publication date of article 0; article N-1 is published spanDays later. */
  start: string;
  spanDays: number;
}

export interface BenchArticle {
  index: number;
  source: number;
  topic: BenchTopic;
  guid: string;
  link: string;
  title: string;
  published: Date;
  paragraphs: string[];
  words: number;
  /** The figure of the topic's first series as this article reports it. */
  lead: { value: number; raw: string };
}

export interface KnownAnswer {
  command: 'figures' | 'summary';
  topic: string;
  /** The value the newest article on the topic reports; the answer must include it. */
  value: number;
  raw: string;
  articleIndex: number;
}

export function corpusSpec(articles: number, overrides: Partial<Omit<CorpusSpec, 'articles'>> = {}): CorpusSpec {
  return { articles, sources: Math.max(1, Math.min(1000, Math.ceil(articles / 10))), seed: 20250525, start: '2024-01-08T06:00:00Z', spanDays: 520, ...overrides };
}

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const QUALIFIERS = ['more than', 'nearly', 'at least', 'about', 'over', 'almost', 'around'];

export const topicOf = (spec: CorpusSpec, i: number): BenchTopic => TOPICS[mix(spec.seed ^ 0x5bd1e995, i) % TOPICS.length]!;
const progressAt = (spec: CorpusSpec, date: Date): number => (date.getTime() - Date.parse(spec.start)) / (spec.spanDays * DAY);
export const publishedAt = (spec: CorpusSpec, i: number): Date =>
  new Date(Date.parse(spec.start) + Math.round((i / Math.max(1, spec.articles - 1)) * spec.spanDays * DAY));

function valueAt(s: Series, progress: number): number {
  const v = s.from + (s.to - s.from) * Math.min(1.2, Math.max(0, progress));
  if (s.kind === 'percent') return Math.round(v * 10) / 10;
  if (s.kind === 'money') return v >= 1e9 ? Math.round(v / 1e8) * 1e8 : Math.round(v / 1e6) * 1e6;
  return v >= 100_000 ? Math.round(v / 100) * 100 : Math.round(v);
}

/** The figure as a reporter would write it; counts sometimes get a qualifier and a rounder value. */
function written(s: Series, value: number, r: Rng | null): { value: number; raw: string } {
  if (s.kind === 'percent') {
    const unit = r ? r.pick(['%', ' percent', ' per cent']) : '%';
    return { value, raw: `${value}${unit}` };
  }
  if (s.kind === 'money') {
    const raw = value >= 1e9 ? `${s.currency}${(value / 1e9).toFixed(1).replace(/\.0$/, '')}${r?.chance(0.5) ? ' billion' : 'bn'}` : `${s.currency}${value / 1e6} million`;
    return { value, raw };
  }
  if (r && r.chance(0.35)) {
    const step = value >= 10_000 ? 1000 : value >= 1000 ? 100 : 10;
    const rounded = Math.max(step, Math.round(value / step) * step);
    return { value: rounded, raw: `${r.pick(QUALIFIERS)} ${n(rounded)}` };
  }
  return { value, raw: n(value) };
}

function whenPhrase(r: Rng, published: Date): { phrase: string } {
  const back = r.int(0, 4);
  const d = new Date(published.getTime() - back * DAY);
  const month = MONTHS[d.getUTCMonth()]!;
  const choice = r.int(0, 3);
  if (back === 1 && choice === 0) return { phrase: 'yesterday' };
  if (choice <= 1) return { phrase: `on ${WEEKDAYS[d.getUTCDay()]}` };
  if (choice === 2) return { phrase: `on ${month} ${d.getUTCDate()}` };
  return { phrase: `on ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}` };
}

function prevPhrase(published: Date, prev: Date): string {
  const month = MONTHS[prev.getUTCMonth()]!;
  const early = prev.getUTCDate() <= 10 ? 'early ' : '';
  if (prev.getUTCFullYear() === published.getUTCFullYear()) return `in ${early}${month}`;
  if (prev.getUTCMonth() === 11 && published.getUTCFullYear() - prev.getUTCFullYear() === 1) return 'at the end of last year';
  return `in ${month} ${prev.getUTCFullYear()}`;
}

const fill = (template: string, slots: Record<string, string>): string => cap(template.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? `{${k}}`));

function seriesSentences(spec: CorpusSpec, r: Rng, topic: BenchTopic, s: Series, published: Date, attr: string): { text: string[]; lead: { value: number; raw: string } } {
  const lead = written(s, valueAt(s, progressAt(spec, published)), r);
  const when = whenPhrase(r, published).phrase;
  const text = [fill(r.pick(s.lead), { n: lead.raw, when, attr, place: topic.place })];
  if (r.chance(0.8)) {
    const prevDate = new Date(published.getTime() - r.int(30, 150) * DAY);
    const prev = written(s, valueAt(s, progressAt(spec, prevDate)), null);
    text.push(fill(r.pick(s.earlier), { prev: prev.raw, prevWhen: prevPhrase(published, prevDate) }));
  }
  return { text, lead };
}

/** Builds article i of the corpus; indexes at or beyond spec.articles are the "new items" of later polls. */
export function articleAt(spec: CorpusSpec, i: number): BenchArticle {
  const r = new Rng(mix(spec.seed, i));
  const topic = topicOf(spec, i);
  const published = publishedAt(spec, i);
  const attr = r.pick(topic.attributions);
  const [first, ...others] = topic.series;
  const main = seriesSentences(spec, r, topic, first!, published, attr);
  const paragraphs: string[][] = [main.text];
  for (const s of others) if (r.chance(0.6)) paragraphs.push(seriesSentences(spec, r, topic, s, published, r.pick(topic.attributions)).text);
  const quote = `“${r.pick(topic.quotes)},” said ${r.pick(topic.speakers)}.`;
  paragraphs.push([quote, fill(r.pick(topic.claims), { place: topic.place, attr })]);
  const next = new Date(published.getTime() + r.int(5, 40) * DAY);
  paragraphs.push([r.pick(topic.context), `Officials said the next review was scheduled for ${MONTHS[next.getUTCMonth()]} ${next.getUTCDate()}.`]);

  const target = r.int(600, 900);
  let words = paragraphs.flat().join(' ').split(' ').length;
  while (words < target) {
    const para: string[] = [];
    for (let k = r.int(3, 5); k > 0; k--) para.push(r.chance(0.12) ? r.pick(topic.context) : fillerSentence(r));
    if (r.chance(0.15)) para.push(`“${r.pick(topic.quotes)},” ${r.pick(topic.speakers)}, told reporters.`);
    words += para.join(' ').split(' ').length;
    paragraphs.push(para);
  }
  const source = i % spec.sources;
  const title = fill(r.pick(topic.headlines), { n: main.lead.raw, place: topic.place });
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return {
    index: i,
    source,
    topic,
    guid: `bench-${spec.seed}-${i}`,
    link: `https://s${source}.bench.example/${published.toISOString().slice(0, 10)}/${slug}-${i}`,
    title,
    published,
    paragraphs: paragraphs.map((p) => p.join(' ')),
    words,
    lead: main.lead,
  };
}

/** Plain text as the pipeline sees it after HTML-to-text: paragraphs separated by blank lines. */
export const articleText = (a: BenchArticle): string => a.paragraphs.join('\n\n');

/** Articles of one corpus spec that a store holds. */
export interface StoredArticles {
  spec: CorpusSpec;
  indexes: Iterable<number>;
}

export const indexRange = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** Share of feeds the ingest phase gives a new item before its third poll. */
export const NEW_ITEM_FRACTION = 0.1;

/** The articles the feed server's first "new items" step adds: one newer item in every 1/fraction-th feed. */
export function newItemIndexes(spec: CorpusSpec, fraction: number): number[] {
  const every = Math.max(1, Math.round(1 / fraction));
  const out: number[] = [];
  for (let s = 0; s < spec.sources; s += every) out.push(spec.articles + s);
  return out;
}

const DEFAULT_QUERIES = ['prisoners', 'casualties', 'inflation', 'kursk', 'refugees'];

/**
 * For each query, the lead figure of the most recently published article on its topic among the
 * articles a store holds (possibly from several specs: the 100k store starts as a copy of the 10k
 * one, and both get items beyond their corpus), as the answer /figures and /summary must show.
 */
export function knownAnswers(stored: readonly StoredArticles[], queries: readonly string[] = DEFAULT_QUERIES): KnownAnswer[] {
  const out: KnownAnswer[] = [];
  for (const q of queries) {
    let best: { spec: CorpusSpec; index: number; at: number } | undefined;
    for (const { spec, indexes } of stored) {
      for (const i of indexes) {
        if (topicOf(spec, i).query !== q) continue;
        const at = publishedAt(spec, i).getTime();
        if (!best || at > best.at) best = { spec, index: i, at };
      }
    }
    if (!best) continue;
    const a = articleAt(best.spec, best.index);
    out.push({ command: 'figures', topic: q, value: a.lead.value, raw: a.lead.raw, articleIndex: best.index });
    out.push({ command: 'summary', topic: q, value: a.lead.value, raw: a.lead.raw, articleIndex: best.index });
  }
  return out;
}

/** Article indexes in a source's feed; each later generation adds one newer article. */
export function feedItems(spec: CorpusSpec, source: number, generation: number): number[] {
  const out: number[] = [];
  for (let i = source; i < spec.articles; i += spec.sources) out.push(i);
  for (let g = 1; g <= generation; g++) out.push(spec.articles + (g - 1) * spec.sources + source);
  return out;
}

export const topicQueries = (): string[] => TOPICS.map((t) => t.query);
