import type { AutocompleteRequest, CommandArgs, Invocation, OptionValue } from '../../../commands/types.ts';
import { errorReply } from '../../reply/model.ts';
import type { Reply } from '../../reply/model.ts';

/**
 * Turns an interaction — a raw API payload (HTTP mode) or discord.js's parsed options (gateway
 * mode), which share this shape — into the platform-neutral Invocation and CommandArgs.
 */

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  options?: readonly RawOption[] | undefined;
  focused?: boolean | undefined;
}

export const OptionTypes = {
  subcommand: 1,
  subcommandGroup: 2,
  string: 3,
  integer: 4,
  boolean: 5,
  channel: 7,
  number: 10,
  attachment: 11,
} as const;

// Manage Server, and Administrator which implies every permission.
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

export function isAdminFromPermissions(bits: bigint | string | null | undefined): boolean {
  if (bits === null || bits === undefined || bits === '') return false;
  const value = typeof bits === 'bigint' ? bits : BigInt(bits);
  return (value & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n;
}

export interface InteractionWho {
  guildId: string | null | undefined;
  channelId: string | null | undefined;
  userId: string | undefined;
  /** The member's permission bits in this channel, as Discord computed them. */
  permissions: bigint | string | null | undefined;
}

/**
 * Undefined outside a server: factfeed's sources and subscriptions belong to a guild, so there is
 * no tenant to answer for in a DM.
 */
export function toInvocation(who: InteractionWho): Invocation | undefined {
  if (!who.guildId) return undefined;
  return {
    platform: 'discord',
    tenant: who.guildId,
    channel: who.channelId ?? undefined,
    user: who.userId,
    isAdmin: isAdminFromPermissions(who.permissions),
    allowLocalFiles: false,
  };
}

export function outsideGuildReply(): Reply {
  return errorReply('factfeed works inside a server.', 'Its sources and subscriptions belong to a server; run the command in one of its channels.');
}

/** Flattens options (and one level of subcommand, or group + subcommand) into CommandArgs. */
export function toArgs(options: readonly RawOption[] | undefined, attachmentUrl: (id: string) => string | undefined): CommandArgs {
  const { subcommand, leaves } = descend(options ?? []);
  const out: Record<string, OptionValue | undefined> = {};
  for (const o of leaves) {
    if (o.value === undefined) continue;
    // Attachments arrive as an id into `resolved`; commands want something they can fetch.
    out[o.name] = o.type === OptionTypes.attachment ? attachmentUrl(String(o.value)) : o.value;
  }
  return { subcommand, options: out };
}

export function toAutocompleteRequest(options: readonly RawOption[] | undefined): AutocompleteRequest | undefined {
  const { subcommand, leaves } = descend(options ?? []);
  const focused = leaves.find((o) => o.focused);
  if (!focused) return undefined;
  return { subcommand, option: focused.name, value: String(focused.value ?? '') };
}

function descend(options: readonly RawOption[]): { subcommand: string | undefined; leaves: readonly RawOption[] } {
  const first = options[0];
  if (first?.type === OptionTypes.subcommandGroup) {
    const sub = first.options?.[0];
    return { subcommand: sub ? `${first.name} ${sub.name}` : first.name, leaves: sub?.options ?? [] };
  }
  if (first?.type === OptionTypes.subcommand) return { subcommand: first.name, leaves: first.options ?? [] };
  return { subcommand: undefined, leaves: options };
}
