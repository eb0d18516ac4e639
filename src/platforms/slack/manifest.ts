import type { CommandRegistry } from '../../../commands/registry.ts';
import type { CommandDefinition, CommandOption } from '../../../commands/types.ts';

/** Bolt's default events path; slash-command request URLs point here. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * What the bot needs: slash commands, posting (also to public channels it was not invited to, for
 * subscriptions) and reading a user's admin/owner flags for admin commands.
 */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read'] as const;

export interface SlackManifestOptions {
  /** The public HTTPS address Slack POSTs to; a bare origin gets /slack/events appended. Omit for Socket Mode. */
  requestUrl?: string | undefined;
  /** Build a Socket Mode manifest (no request URLs). Implied when requestUrl is omitted. */
  socketMode?: boolean;
  name?: string;
}

export interface SlackSlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
  url?: string;
  should_escape: boolean;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: { bot_user: { display_name: string; always_online: boolean }; slash_commands: SlackSlashCommand[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { org_deploy_enabled: boolean; socket_mode_enabled: boolean; token_rotation_enabled: boolean };
}

const optionHint = (options: readonly CommandOption[] = []): string => options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`)).join(' ');

function usageHint(def: CommandDefinition): string | undefined {
  const hint = def.subcommands
    ? def.subcommands.map((s) => [s.name, optionHint(s.options)].filter(Boolean).join(' ')).join(' | ')
    : optionHint(def.options);
  return hint ? hint.slice(0, 1000) : undefined;
}

export function requestUrlFor(requestUrl: string): string {
  const url = new URL(requestUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Slack request URL must be http(s): ${requestUrl}`);
  if (url.pathname === '/' || url.pathname === '') url.pathname = SLACK_EVENTS_PATH;
  return url.href;
}

/**
 * A Slack app manifest (paste it at api.slack.com/apps → Create New App → From a manifest) with
 * every slash command from the same definitions Discord registers. `should_escape` makes Slack send
 * channels as `<#C123|name>`, which channel options read back as ids.
 */
export function slackManifest(registry: CommandRegistry, options: SlackManifestOptions = {}): SlackManifest {
  const socketMode = options.socketMode ?? !options.requestUrl;
  const url = !socketMode && options.requestUrl ? requestUrlFor(options.requestUrl) : undefined;
  const name = (options.name ?? 'factfeed').slice(0, 35);
  return {
    display_information: {
      name,
      description: 'Facts from news feeds: figures, dates and quotes, each cited to its article.',
      background_color: '#2c3e50',
    },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: registry.all().map((def) => {
        const hint = usageHint(def);
        return {
          command: `/${def.name}`,
          description: def.description,
          ...(hint ? { usage_hint: hint } : {}),
          ...(url ? { url } : {}),
          should_escape: true,
        };
      }),
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: { org_deploy_enabled: false, socket_mode_enabled: socketMode, token_rotation_enabled: false },
  };
}
