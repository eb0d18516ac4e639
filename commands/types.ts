import type { Reply } from '../src/reply/model.ts';
import type { Services } from '../src/services.ts';

/**
 * A slash command, defined once and registered on every platform from this one definition.
 * Handlers get their dependencies through `ctx` and never import a platform.
 */
export type OptionType = 'string' | 'integer' | 'number' | 'boolean' | 'channel' | 'attachment';

export interface OptionChoice {
  name: string;
  value: string | number;
}

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** Offer live suggestions (Discord autocomplete); needs `autocomplete` on the command. */
  autocomplete?: boolean;
  choices?: OptionChoice[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

export interface SubcommandDefinition {
  name: string;
  description: string;
  options?: CommandOption[];
}

/** Who is asking, from where. `tenant` scopes sources/subscriptions: a Discord guild, a Slack team, or 'local'. */
export interface Invocation {
  platform: 'console' | 'discord' | 'slack' | 'cli';
  tenant: string;
  channel?: string | undefined;
  user?: string | undefined;
  /** The platform's own judgement that the caller may run admin commands (Manage Server on Discord). */
  isAdmin: boolean;
  /** Local file paths are accepted from the CLI and console only, never from chat. */
  allowLocalFiles: boolean;
}

/** Option values after the platform has parsed them. Attachments arrive as URLs. */
export type OptionValue = string | number | boolean;

export interface CommandArgs {
  subcommand?: string | undefined;
  options: Record<string, OptionValue | undefined>;
}

export interface CommandContext {
  services: Services;
  invocation: Invocation;
  /** Every registered command (for /help). */
  commands: readonly CommandDefinition[];
}

/** A failure the user can act on; its message is shown as is. Anything else is logged and reported generically. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

export interface AutocompleteRequest {
  subcommand?: string | undefined;
  option: string;
  value: string;
}

export interface CommandDefinition {
  /** Lower-case, 1–32 characters of [a-z0-9_-], as Discord and Slack require. */
  name: string;
  /** 1–100 characters. */
  description: string;
  /** Refused unless invocation.isAdmin; also registered with Manage Server as the default permission. */
  adminOnly: boolean;
  /** Either options or subcommands, not both. */
  options?: CommandOption[];
  subcommands?: SubcommandDefinition[];
  /** Answers Discord-style autocomplete; at most 25 choices. */
  autocomplete?(ctx: CommandContext, req: AutocompleteRequest): OptionChoice[] | Promise<OptionChoice[]>;
  handler(ctx: CommandContext, args: CommandArgs): Reply | Promise<Reply>;
}
