import type { CommandDefinition } from './types.ts';
import type { Reply, ReplySection } from '../src/reply/model.ts';
import { CitationList } from '../src/reply/citations.ts';
import { findFigures, groupFigures, rankGroups, type FigurePoint } from '../src/query/figures.ts';
import { formatChange, formatFigure, formatWhen } from '../src/query/format.ts';
import { mainSeries, timelineText } from '../src/query/series.ts';
import { eventLabel } from '../src/query/labels.ts';
import { suggestTopic, topicOption } from './topic.ts';
import { timelinePng } from '../src/reply/chart.ts';
import type { ReplyAttachment } from '../src/reply/model.ts';

const MAX_GROUPS = 8;
const MAX_POINTS = 6;

/** The JSON shape of one figure in `ask --json` and the Reply's data. */
export function figureJson(p: FigurePoint) {
  return {
    value: p.value,
    valueHigh: p.valueHigh,
    unit: p.unit,
    qualifier: p.qualifier,
    raw: p.raw,
    counted: p.counted,
    event: p.event,
    date: p.date,
    period: p.period,
    attribution: p.attribution,
    hedged: p.hedged,
    vague: p.vague,
    direction: p.direction,
    change: p.change,
    changeUnit: p.changeUnit,
    previous: p.previous,
    previousDate: p.previousDate,
    conversion: p.conversion,
    roundingOf: p.roundingOf,
    disputed: p.disputed,
    sentence: p.sentence,
    title: p.article.title,
    url: p.article.url,
    published: p.article.published,
    source: p.article.source,
  };
}

/** "700+ (Dec 2024) → 909 (6 Feb 2025) → 971 (25 May 2025)": the group's main series, oldest first. */
export function timeline(points: readonly FigurePoint[]): string | undefined {
  return timelineText(mainSeries(points));
}

export function figureLine(p: FigurePoint): string {
  const move = formatChange(p);
  // A level with its movement reads as "sales: $11.1bn, up 2% from $10.9bn".
  const what = move
    ? `${p.counted ? `${p.counted}: ` : ''}${formatFigure(p)}, ${move}`
    : [formatFigure(p), p.counted && !(p.raw ?? '').includes(p.counted) ? p.counted : undefined, eventLabel(p.event)].filter(Boolean).join(' ');
  const who = p.attribution ? `, according to ${p.attribution}` : '';
  const hedge = p.hedged ? ' (unconfirmed)' : '';
  return `${what} — ${formatWhen(p)}${who}${hedge}`;
}

export const figures: CommandDefinition = {
  name: 'figures',
  description: 'The figures on a topic, newest first, with who says so and how they changed',
  adminOnly: false,
  options: [topicOption('What to look for, e.g. prisoners')],
  autocomplete: suggestTopic,
  async handler(ctx, args): Promise<Reply> {
    const topic = String(args.options.topic);
    const points = await findFigures(ctx.services.store, { tenant: ctx.invocation.tenant, topic });
    if (points.length === 0) {
      return {
        kind: 'info',
        title: `Figures: ${topic}`,
        intro: `No figures about “${topic}” yet. Try a broader topic, or check /sources.`,
        sections: [],
        citations: [],
        data: { topic, figures: [] },
      };
    }
    const cites = new CitationList();
    const groups = rankGroups(groupFigures(points), topic).slice(0, MAX_GROUPS);
    const sections: ReplySection[] = groups.map((g) => {
      const series = timeline(g.points);
      return {
        heading: g.label,
        lines: [
          ...(series ? [{ text: `Over time: ${series}` }] : []),
          ...g.points.slice(0, MAX_POINTS).map((p) => ({
            text: figureLine(p),
            cites: [cites.cite({ id: p.article.id, title: p.article.title, url: p.article.url, published: p.article.published, source: p.article.source })],
            disputed: p.disputed,
          })),
        ],
      };
    });
    const articles = new Set(points.map((p) => p.article.id)).size;
    // Images only where the platform shows them; the console and JSON answers stay cheap.
    const chartGroup = ['discord', 'slack'].includes(ctx.invocation.platform) ? groups.find((g) => timeline(g.points)) : undefined;
    const attachments: ReplyAttachment[] = chartGroup
      ? [
          {
            name: 'timeline.png',
            contentType: 'image/png',
            description: `How ${chartGroup.label} changed over time`,
            data: timelinePng({ title: chartGroup.label, points: mainSeries(chartGroup.points).map((sp) => ({ date: sp.date, value: sp.value, label: sp.label.split(' (')[0]! })) }),
          },
        ]
      : [];
    return {
      kind: 'answer',
      title: `Figures: ${topic}`,
      intro: `${points.length} figure${points.length === 1 ? '' : 's'} from ${articles} article${articles === 1 ? '' : 's'}, newest first.`,
      sections,
      citations: cites.list(),
      attachments: attachments.length > 0 ? attachments : undefined,
      data: { topic, figures: points.map(figureJson) },
    };
  },
};
