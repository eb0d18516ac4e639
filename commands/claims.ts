import type { CommandDefinition } from './types.ts';
import type { Reply, ReplySection } from '../src/reply/model.ts';
import { CitationList } from '../src/reply/citations.ts';
import { findClaims } from '../src/query/claims.ts';
import { formatDate } from '../src/query/format.ts';
import { suggestTopic, topicOption } from './topic.ts';

export const claims: CommandDefinition = {
  name: 'claims',
  description: 'Who claims what on a topic, and where sources disagree',
  adminOnly: false,
  options: [topicOption('What to look for, e.g. kursk')],
  autocomplete: suggestTopic,
  async handler(ctx, args): Promise<Reply> {
    const topic = String(args.options.topic);
    const { disputes, claims: list } = await findClaims(ctx.services.store, { tenant: ctx.invocation.tenant, topic });
    if (list.length === 0) {
      return { kind: 'info', title: `Claims: ${topic}`, intro: `No claims about “${topic}” yet.`, sections: [], citations: [] };
    }
    const cites = new CitationList();
    const cite = (c: (typeof list)[number]): number =>
      cites.cite({ id: c.article.id, title: c.article.title, url: c.article.url, published: c.article.publishedAt, source: c.source.title ?? c.source.url });
    const sections: ReplySection[] = [];
    if (disputes.length > 0) {
      sections.push({
        heading: 'Disputed',
        lines: disputes.flatMap((d) =>
          d.sides.map((side) => {
            const row = list.find((c) => c.articleId === side.articleId && c.sentenceIndex === side.sentenceIndex)!;
            return { text: `${side.attribution} ${side.stance === 'deny' ? 'denies' : 'says'}: ${side.text} (${formatDate(side.date)})`, cites: [cite(row)], disputed: true };
          }),
        ),
      });
    }
    const disputedIds = new Set(disputes.flatMap((d) => d.sides.map((s) => `${s.articleId}:${s.sentenceIndex}`)));
    const rest = list.filter((c) => !disputedIds.has(`${c.articleId}:${c.sentenceIndex}`)).slice(0, 15);
    if (rest.length > 0) {
      sections.push({
        heading: 'Other claims',
        lines: rest.map((c) => ({
          text: `${c.attribution} ${c.stance === 'deny' ? 'denies' : 'says'}: ${c.body ?? c.sentence} (${formatDate(c.refDate ?? c.article.publishedAt)})`,
          cites: [cite(c)],
        })),
      });
    }
    return {
      kind: 'answer',
      title: `Claims: ${topic}`,
      intro: `${list.length} claim${list.length === 1 ? '' : 's'}${disputes.length > 0 ? `; ${disputes.length} disputed subject${disputes.length === 1 ? '' : 's'}` : ''}, newest first.`,
      sections,
      citations: cites.list(),
      data: { topic, disputes, claims: list.map((c) => ({ attribution: c.attribution, text: c.body, stance: c.stance, subject: c.subjectKey, sentence: c.sentence, title: c.article.title, url: c.article.url, published: c.article.publishedAt })) },
    };
  },
};
