import { CommandError, type CommandDefinition } from './types.ts';
import { okReply, type Reply } from '../src/reply/model.ts';
import { addSource, describeSourceError, SourceInputError } from '../src/ingest/add-source.ts';
import { pollSource } from '../src/ingest/pipeline.ts';
import { dropSampleSource, SAMPLE_ADDED_BY } from '../src/ingest/sample.ts';
import { DuplicateSourceError, type Source } from '../src/store/index.ts';
import { FeedError, FetchError } from '../src/ingest/types.ts';
import { importSubcommand, importOpml } from './source-import.ts';

/**
 * How long /source add and /source resume spend fetching article pages before they answer; pages
 * not fetched by then are left to the next poll and their items stored as teasers meanwhile.
 */
export const COMMAND_FULL_TEXT_BUDGET_MS = 15_000;

/** Finds a tenant's source by "#3", "3" or its URL. */
async function resolveSource(ctx: Parameters<CommandDefinition['handler']>[0], ref: string): Promise<Source> {
  const { store } = ctx.services;
  const id = /^#?(\d+)$/.exec(ref.trim());
  const source = id ? await store.sources.getForTenant(ctx.invocation.tenant, Number(id[1])) : await store.sources.findByUrl(ctx.invocation.tenant, ref.trim());
  if (!source) throw new CommandError(`No source "${ref}" here. /sources lists them with their numbers.`);
  return source;
}

export const source: CommandDefinition = {
  name: 'source',
  description: 'Add, remove or import news feeds (admins)',
  adminOnly: true,
  subcommands: [
    {
      name: 'add',
      description: 'Follow an RSS or Atom feed (or a page that links to one)',
      options: [
        { name: 'url', description: 'Feed or page address', type: 'string', required: true, maxLength: 2000 },
        { name: 'every', description: 'Minutes between polls (default 10)', type: 'integer', minValue: 1, maxValue: 1440 },
      ],
    },
    {
      name: 'remove',
      description: 'Stop following a feed (its articles go once no server follows it)',
      options: [{ name: 'source', description: 'Its number from /sources, or its URL', type: 'string', required: true, autocomplete: true }],
    },
    {
      name: 'resume',
      description: 'Poll a paused feed again now and clear its failures',
      options: [{ name: 'source', description: 'Its number from /sources, or its URL', type: 'string', required: true, autocomplete: true }],
    },
    importSubcommand,
  ],
  async autocomplete(ctx, req) {
    const typed = req.value.toLowerCase();
    return (await ctx.services.store.sources.list(ctx.invocation.tenant))
      .filter((s) => `${s.id} ${s.title ?? ''} ${s.url}`.toLowerCase().includes(typed))
      .map((s) => ({ name: `#${s.id} ${s.title ?? s.url}`.slice(0, 100), value: String(s.id) }));
  },
  async handler(ctx, args): Promise<Reply> {
    const { services, invocation } = ctx;
    if (args.subcommand === 'import') return importOpml(ctx, args);
    if (args.subcommand === 'remove') {
      const s = await resolveSource(ctx, String(args.options.source));
      const articles = await services.store.articles.countForFeed(s.feedId);
      const { feedRemoved } = await services.store.sources.remove(invocation.tenant, s.id);
      const plural = `${articles} article${articles === 1 ? '' : 's'}`;
      // Other servers may still follow the feed: then its articles stay for them, but not in answers here.
      return okReply(
        feedRemoved ? `Removed source #${s.id} (${s.title ?? s.url}) and its ${plural}.` : `Removed source #${s.id} (${s.title ?? s.url}); its ${plural} no longer appear in answers here.`,
      );
    }
    if (args.subcommand === 'resume') return resume(ctx, String(args.options.source));
    const every = args.options.every === undefined ? services.config.pollMinutes : Number(args.options.every);
    try {
      const { source: added, feed } = await addSource(services, {
        tenant: invocation.tenant,
        input: String(args.options.url),
        intervalMinutes: every,
        allowLocalFiles: invocation.allowLocalFiles,
        addedBy: invocation.user,
      });
      let polled: Awaited<ReturnType<typeof pollSource>>;
      try {
        // The scheduler would otherwise see a never-polled feed as due and start a second first poll beside this one.
        await services.store.feeds.setNextPollIfUnset(added.feedId, new Date(services.clock.now().getTime() + every * 60_000));
        polled = await pollSource({ ...services, timeZone: services.config.timeZone }, (await services.store.feeds.get(added.feedId))!, { fullTextBudgetMs: COMMAND_FULL_TEXT_BUDGET_MS });
      } catch (err) {
        // Validation passed but the first poll did not: a /source add succeeds whole or leaves nothing.
        await services.store.sources.remove(invocation.tenant, added.id);
        throw err;
      }
      const sample = added.addedBy === SAMPLE_ADDED_BY ? { removed: false, articles: 0 } : await dropSampleSource(services.store, invocation.tenant);
      return okReply(`Added source #${added.id}: ${added.title ?? added.url}`, [
        ...(sample.removed ? [`Removed the bundled sample feed and its ${sample.articles} invented articles, so answers now come only from your own sources.`] : []),
        `${feed.items.length} item${feed.items.length === 1 ? '' : 's'} in the feed; ${storedLine(polled.added, await services.store.articles.countForFeed(added.feedId))}`,
        `Polled every ${every} minute${every === 1 ? '' : 's'}.`,
        ...polled.warnings.slice(0, 3),
      ]);
    } catch (err) {
      if (err instanceof DuplicateSourceError || err instanceof SourceInputError || err instanceof FeedError || err instanceof FetchError) {
        throw new CommandError(describeSourceError(err));
      }
      throw err;
    }
  },
};

/** A feed other servers already follow was stored before this add: say what it brings, not "0 new". */
function storedLine(added: number, stored: number): string {
  const plural = (n: number): string => `${n} article${n === 1 ? '' : 's'}`;
  return added >= stored ? `${added} new article${added === 1 ? '' : 's'} stored.` : `${plural(stored)} stored (${added} new).`;
}

/** Clears a paused or failing source's record and polls it at once, so the admin sees whether it works now. */
async function resume(ctx: Parameters<CommandDefinition['handler']>[0], ref: string): Promise<Reply> {
  const { services, invocation } = ctx;
  const s = await resolveSource(ctx, ref);
  await services.store.sources.resume(invocation.tenant, s.id);
  try {
    const polled = await pollSource({ ...services, timeZone: services.config.timeZone }, (await services.store.feeds.get(s.feedId))!, { fullTextBudgetMs: COMMAND_FULL_TEXT_BUDGET_MS });
    return okReply(`Source #${s.id} (${s.title ?? s.url}) is polled again.`, [
      polled.notModified ? 'The feed has not changed since the last successful poll.' : `${polled.added} new article${polled.added === 1 ? '' : 's'} stored.`,
    ]);
  } catch (err) {
    throw new CommandError(`Source #${s.id} still fails: ${describeSourceError(err)} It stays on its back-off schedule.`);
  }
}
