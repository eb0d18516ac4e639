import type { ClientOptions } from 'discord.js';
import type { ShardPlan } from '../../config.ts';

/**
 * discord.js's own sharding options for the plan: the Client connects the shards given (each its own
 * gateway connection; Discord sends each the guilds it owns), so several processes can split the
 * shards of one bot between them. No plan: discord.js's default, one shard.
 */
export function shardOptions(plan: ShardPlan | undefined): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!plan) return {};
  if (plan.count === 'auto') return { shards: 'auto' };
  return { shards: plan.ids ?? Array.from({ length: plan.count }, (_, i) => i), shardCount: plan.count };
}
