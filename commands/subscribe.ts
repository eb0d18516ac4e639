import { CommandError, type CommandDefinition, type CommandContext, type Invocation } from './types.ts';
import { okReply, type Reply } from '../src/reply/model.ts';
import { parseTerms, describeTerms } from '../src/deliver/filters.ts';

/** Deliveries made for the CLI go out through the console, which is where it runs. */
export const deliveryPlatform = (inv: Invocation): string => (inv.platform === 'cli' ? 'console' : inv.platform);

/** "#news", "<#123>" or "<#C1|news>" as typed or resolved → the bare channel name or id. */
export function channelRef(raw: string): string {
  const t = raw.trim();
  const mention = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(t);
  return (mention ? mention[1]! : t.replace(/^#/, '')).trim();
}

/** The channel an option names, else the one the command was typed in. */
export function targetChannel(ctx: CommandContext, option: unknown): string {
  const ch = option !== undefined && String(option).trim() !== '' ? channelRef(String(option)) : ctx.invocation.channel;
  if (!ch) throw new CommandError('Name a channel, e.g. /digest now channel:#news.');
  return ch;
}

function terms(option: unknown, which: string): string[] {
  try {
    return parseTerms(option === undefined ? undefined : String(option));
  } catch (err) {
    throw new CommandError(`${which}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const subscribe: CommandDefinition = {
  name: 'subscribe',
  description: "Post this server's new articles to a channel, optionally filtered by topic (admins)",
  adminOnly: true,
  options: [
    { name: 'channel', description: 'Channel to post new articles in', type: 'channel', required: true },
    { name: 'include', description: 'Only articles with one of these words or phrases (comma-separated)', type: 'string', maxLength: 500 },
    { name: 'exclude', description: 'Skip articles with any of these words or phrases (comma-separated)', type: 'string', maxLength: 500 },
  ],
  async handler(ctx, args): Promise<Reply> {
    const { store, clock, config } = ctx.services;
    const channel = channelRef(String(args.options.channel ?? ''));
    if (!channel) throw new CommandError('Name the channel to post in, e.g. /subscribe #news.');
    const include = terms(args.options.include, 'include');
    const exclude = terms(args.options.exclude, 'exclude');
    const { subscription, created } = await store.subscriptions.upsert(
      { tenant: ctx.invocation.tenant, platform: deliveryPlatform(ctx.invocation), channel, include, exclude, createdBy: ctx.invocation.user },
      clock.now(),
    );
    const sources = (await store.sources.list(ctx.invocation.tenant)).length;
    return okReply(`${created ? 'Subscribed' : 'Updated the subscription of'} #${subscription.channel}: new articles from this server's ${sources} source${sources === 1 ? '' : 's'} will be posted there.`, [
      include.length > 0 ? `Only articles mentioning: ${describeTerms(include)}.` : 'Every new article (no include filter).',
      ...(exclude.length > 0 ? [`Skipping articles mentioning: ${describeTerms(exclude)}.`] : []),
      `At most ${config.postsPerMinute} posts a minute; a newly added source posts only its newest 3 items.`,
      'For a daily summary instead of single posts add /digest set "0 9 * * *".',
    ]);
  },
};

export const unsubscribe: CommandDefinition = {
  name: 'unsubscribe',
  description: 'Stop posting new articles and digests to a channel (admins)',
  adminOnly: true,
  options: [{ name: 'channel', description: 'Channel to stop posting in', type: 'channel', required: true }],
  async handler(ctx, args): Promise<Reply> {
    const channel = channelRef(String(args.options.channel ?? ''));
    const removed = await ctx.services.store.subscriptions.remove(ctx.invocation.tenant, deliveryPlatform(ctx.invocation), channel);
    if (!removed) throw new CommandError(`#${channel} is not subscribed, so there is nothing to stop.`);
    return okReply(`Unsubscribed #${channel}: no more posts or digests there; anything still queued for it was dropped.`);
  },
};
