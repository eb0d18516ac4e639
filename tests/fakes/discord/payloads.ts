/**
 * JSON shapes the fake Discord sends: just enough of each object for discord.js to build its
 * structures from, with ids passed in so tests can assert on them.
 */

export const PERMISSIONS = {
  /** View Channel + Send Messages + Use Application Commands: an ordinary member. */
  member: String((1n << 10n) | (1n << 11n) | (1n << 31n)),
  /** The above plus Manage Server. */
  manager: String((1n << 10n) | (1n << 11n) | (1n << 31n) | (1n << 5n)),
} as const;

let counter = 0n;
/** Snowflake-looking ids, unique within a test run. */
export function snowflake(): string {
  counter += 1n;
  return String(1_200_000_000_000_000_000n + counter);
}

export function userPayload(id: string, username = `user${id.slice(-4)}`, bot = false): Record<string, unknown> {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot };
}

export function guildPayload(guildId: string, channelIds: string[]): Record<string, unknown> {
  return {
    id: guildId,
    name: 'Fake Guild',
    icon: null,
    owner_id: '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: '2024-08-01T00:00:00.000Z',
    roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: PERMISSIONS.member, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    members: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    channels: channelIds.map((id, i) => ({ id, type: 0, guild_id: guildId, name: `channel-${i}`, position: i, permission_overwrites: [], parent_id: null, nsfw: false, topic: null })),
  };
}

export function messagePayload(
  id: string,
  channelId: string,
  author: Record<string, unknown>,
  body: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    nonce: body.nonce,
  };
}

export interface InteractionSpec {
  applicationId: string;
  guildId?: string | undefined;
  channelId: string;
  userId?: string;
  permissions?: string;
  name: string;
  options?: unknown[];
  resolved?: Record<string, unknown>;
  id?: string;
  token?: string;
}

function interaction(type: 2 | 4, spec: InteractionSpec): Record<string, unknown> & { id: string; token: string } {
  const id = spec.id ?? snowflake();
  const user = userPayload(spec.userId ?? '900000000000000001');
  const permissions = spec.permissions ?? PERMISSIONS.member;
  const base = {
    id,
    application_id: spec.applicationId,
    type,
    token: spec.token ?? `tok-${id}`,
    version: 1,
    channel_id: spec.channelId,
    channel: { id: spec.channelId, type: 0, guild_id: spec.guildId, name: 'general', position: 0, permission_overwrites: [], parent_id: null, nsfw: false },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': spec.guildId ?? '0' },
    context: spec.guildId ? 0 : 1,
    data: { id: snowflake(), name: spec.name, type: 1, options: spec.options ?? [], ...(spec.resolved ? { resolved: spec.resolved } : {}) },
  };
  if (!spec.guildId) return { ...base, user };
  return {
    ...base,
    guild_id: spec.guildId,
    guild_locale: 'en-US',
    member: { user, roles: [], permissions, joined_at: '2024-08-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false },
  };
}

/** An APPLICATION_COMMAND interaction for a chat-input (slash) command. */
export function chatInputInteraction(spec: InteractionSpec): Record<string, unknown> & { id: string; token: string } {
  return interaction(2, spec);
}

/** An APPLICATION_COMMAND_AUTOCOMPLETE interaction; mark the option being typed with `focused: true`. */
export function autocompleteInteraction(spec: InteractionSpec): Record<string, unknown> & { id: string; token: string } {
  return interaction(4, spec);
}
