import { CommandError, type CommandDefinition, type CommandContext } from './types.ts';
import { okReply, type Reply } from '../src/reply/model.ts';
import type { Subscription } from '../src/store/index.ts';
import { validateDigestSchedule, nextFire, ScheduleError } from '../src/deliver/cron.ts';
import { enqueueDigestNow } from '../src/deliver/digests.ts';
import { formatDate } from '../src/query/format.ts';
import { deliveryPlatform, targetChannel } from './subscribe.ts';

const channelOption = { name: 'channel', description: 'Channel (default: this one)', type: 'channel' as const };

async function subscriptionFor(ctx: CommandContext, option: unknown): Promise<Subscription> {
  const channel = targetChannel(ctx, option);
  const sub = await ctx.services.store.subscriptions.find(ctx.invocation.tenant, deliveryPlatform(ctx.invocation), channel);
  if (!sub) throw new CommandError(`#${channel} is not subscribed. Run /subscribe ${channel} first, then set its digest.`);
  return sub;
}

/** "Sun 30 Mar, 09:00 Europe/Kyiv (06:00 UTC)" */
function describeInstant(at: Date, tz: string): string {
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return tz === 'UTC' ? `${local} UTC` : `${local} ${tz} (${at.toISOString().slice(11, 16)} UTC)`;
}

export const digest: CommandDefinition = {
  name: 'digest',
  description: "Schedule, stop or send a channel's digest of new articles (admins)",
  adminOnly: true,
  subcommands: [
    {
      name: 'set',
      description: 'Send a digest on a schedule (cron, e.g. "0 9 * * *" for 09:00 daily)',
      options: [
        { name: 'cron', description: 'minute hour day month weekday, e.g. "0 9 * * 1-5"', type: 'string', required: true, maxLength: 100 },
        { name: 'timezone', description: 'IANA time zone, e.g. Europe/Kyiv (default: the bot’s)', type: 'string', maxLength: 64 },
        channelOption,
      ],
    },
    { name: 'off', description: 'Stop the scheduled digest', options: [channelOption] },
    { name: 'now', description: 'Send a digest of everything since the last one, now', options: [channelOption] },
  ],
  async handler(ctx, args): Promise<Reply> {
    const { store, clock, config } = ctx.services;
    const sub = await subscriptionFor(ctx, args.options.channel);
    const now = clock.now();
    switch (args.subcommand) {
      case 'set': {
        const cron = String(args.options.cron ?? '');
        const tz = args.options.timezone ? String(args.options.timezone).trim() : config.timeZone;
        let next: Date | null;
        try {
          next = nextFire(validateDigestSchedule(cron, tz, now), tz, now);
        } catch (err) {
          if (err instanceof ScheduleError) throw new CommandError(err.message);
          throw err;
        }
        await store.subscriptions.setDigest(sub.id, cron.trim().replace(/\s+/g, ' '), tz, next, now);
        return okReply(`Digest for #${sub.channel} set to "${cron.trim()}" in ${tz}.`, [
          next ? `Next one: ${describeInstant(next, tz)}.` : 'It will not fire again.',
          'A digest lists the new articles since the previous one and their most notable figures; an empty period sends nothing.',
        ]);
      }
      case 'off': {
        if (!sub.digestCron) throw new CommandError(`#${sub.channel} has no digest scheduled.`);
        await store.subscriptions.setDigest(sub.id, null, sub.digestTz, null, now);
        return okReply(`Stopped the digest for #${sub.channel}. New articles are still posted one by one.`);
      }
      default: {
        const r = await enqueueDigestNow(store, now, sub);
        if (r.articles === 0) return okReply(`Nothing new for #${sub.channel} since ${formatDate(r.since)}, so no digest was sent.`);
        return okReply(`A digest of ${r.articles} new article${r.articles === 1 ? '' : 's'} since ${formatDate(r.since)} is on its way to #${sub.channel}.`);
      }
    }
  },
};
