import type { CommandDefinition } from './types.ts';
import type { Reply, ReplySection } from '../src/reply/model.ts';
import { CitationList } from '../src/reply/citations.ts';
import { summarize, type Summary } from '../src/query/summary.ts';
import { KNOWN_PARTIES } from '../src/query/claims.ts';
import { formatDate, formatShort, formatWhen } from '../src/query/format.ts';
import { suggestTopic, topicOption } from './topic.ts';
import { figureLine } from './figures.ts';
import { mainSeries, MAX_TEXT_POINTS, timelineText } from '../src/query/series.ts';

const clip = (s: string, n: number): string => (s.length <= n ? s : s.slice(0, n - 1).replace(/\s+\S*$/, '') + '…');

/** The parties to a dispute worth a summary line: the named sides (countries) first, at most three. */
const mainSides = <T extends { party: string }>(sides: readonly T[]): T[] =>
  [...sides].sort((a, b) => Number(KNOWN_PARTIES.has(b.party)) - Number(KNOWN_PARTIES.has(a.party))).slice(0, 3);

export function summaryReply(s: Summary): Reply {
  const cites = new CitationList();
  const byId = new Map(s.articles.map((a) => [a.id, a]));
  const cite = (id: number): number => {
    const a = byId.get(id);
    return cites.cite(a ? { id, title: a.title, url: a.url, published: a.published, source: a.source } : { id, title: `article ${id}` });
  };
  const sections: ReplySection[] = [];
  if (s.keyFigures.length > 0) {
    sections.push({
      heading: 'Key figures',
      lines: s.keyFigures.map((g) => {
        const newest = g.points[0]!;
        const series = mainSeries(g.points);
        const earlier = series.filter((sp) => sp.date < newest.date || (sp.date === newest.date && sp.point !== newest));
        const was = earlier.length > 0 ? timelineText([...earlier, series[series.length - 1]!]) : undefined;
        const art = newest.article;
        const n = cites.cite({ id: art.id, title: art.title, url: art.url, published: art.published, source: art.source });
        return { text: was ? `${figureLine(newest)} (was ${earlier.slice(-(MAX_TEXT_POINTS - 1)).map((sp) => sp.label).join(' → ')})` : figureLine(newest), cites: [n], disputed: newest.disputed };
      }),
    });
  }
  if (s.disputes.length > 0) {
    sections.push({
      heading: 'Disputed',
      lines: s.disputes.slice(0, 3).map((d) => ({
        text: mainSides(d.sides).map((side) => `${side.attribution} ${side.stance === 'deny' ? 'denies' : 'says'} ${clip(side.text, 160)} (${formatDate(side.date)})`).join(' — but ') + '.',
        cites: [...new Set(mainSides(d.sides).map((side) => cite(side.articleId)))],
        disputed: true,
      })),
    });
  }
  sections.push({
    heading: 'What happened',
    lines: s.lines.map((l) => ({ text: `${formatDate(l.date)}: ${l.text}`, cites: l.articleIds.map(cite), disputed: l.disputed })),
  });
  const first = s.articles[0]?.published;
  const last = s.articles.at(-1)?.published;
  return {
    kind: 'answer',
    title: `Summary: ${s.topic}`,
    intro: `${s.articles.length} article${s.articles.length === 1 ? '' : 's'}${first && last ? `, ${formatDate(first)} – ${formatDate(last)}` : ''}.`,
    sections,
    citations: cites.list(),
    data: {
      topic: s.topic,
      keyFigures: s.keyFigures.map((g) => ({ label: g.label, newest: formatShort(g.points[0]!), when: formatWhen(g.points[0]!) })),
      lines: s.lines,
      disputes: s.disputes,
    },
  };
}

export const summary: CommandDefinition = {
  name: 'summary',
  description: 'A dated, cited summary of a topic across all articles',
  adminOnly: false,
  options: [topicOption('What to summarise, e.g. kursk')],
  autocomplete: suggestTopic,
  async handler(ctx, args): Promise<Reply> {
    const topic = String(args.options.topic);
    const s = await summarize(ctx.services.store, { tenant: ctx.invocation.tenant, topic });
    if (s.articles.length === 0) {
      return { kind: 'info', title: `Summary: ${topic}`, intro: `Nothing about “${topic}” yet. Try another topic, or check /sources.`, sections: [], citations: [] };
    }
    return summaryReply(s);
  },
};
