import type { CommandDefinition } from './types.ts';
import type { Reply } from '../src/reply/model.ts';
import type { Source } from '../src/store/index.ts';
import { formatDate } from '../src/query/format.ts';
import { redactUrl } from '../src/ingest/url.ts';

export function healthOf(s: Source): string {
  if (s.pausedAt) return `paused since ${formatDate(s.pausedAt)} after ${s.consecutiveFailures} failures: ${s.lastError ?? 'unknown error'}`;
  if (s.consecutiveFailures > 0) return `failing (${s.consecutiveFailures}× since ${formatDate(s.lastErrorAt ?? '')}): ${s.lastError ?? 'unknown error'}`;
  if (s.lastSuccessAt) return `ok, last checked ${formatDate(s.lastSuccessAt)}`;
  return 'not polled yet';
}

export const sources: CommandDefinition = {
  name: 'sources',
  description: 'The feeds this server follows, with their health',
  adminOnly: false,
  async handler(ctx): Promise<Reply> {
    const { store } = ctx.services;
    const list = await store.sources.list(ctx.invocation.tenant);
    if (list.length === 0) {
      return { kind: 'info', title: 'Sources', intro: 'No sources yet. An admin can add one with /source add <feed url>.', sections: [], citations: [], data: { sources: [] } };
    }
    const rows = [];
    for (const s of list) rows.push({ source: s, articles: await store.articles.countForFeed(s.feedId) });
    return {
      kind: 'answer',
      title: 'Sources',
      intro: `${list.length} source${list.length === 1 ? '' : 's'}.`,
      sections: [
        {
          lines: rows.map(({ source: s, articles }) => ({
            text: `#${s.id} ${s.title ?? redactUrl(s.url)} — ${articles} article${articles === 1 ? '' : 's'}, every ${s.intervalMinutes} min — ${healthOf(s)}${s.title ? ` — ${redactUrl(s.url)}` : ''}`,
          })),
        },
      ],
      citations: [],
      data: {
        sources: rows.map(({ source: s, articles }) => ({
          id: s.id,
          url: redactUrl(s.url),
          title: s.title,
          articles,
          intervalMinutes: s.intervalMinutes,
          lastSuccessAt: s.lastSuccessAt,
          lastError: s.lastError,
          consecutiveFailures: s.consecutiveFailures,
          paused: s.pausedAt !== null,
        })),
      },
    };
  },
};
