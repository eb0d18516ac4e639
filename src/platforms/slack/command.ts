import type { CommandRegistry } from '../../../commands/registry.ts';
import { runCommand } from '../../../commands/dispatch.ts';
import { parseCommandLine } from '../../../commands/parse.ts';
import type { CommandArgs, CommandDefinition, Invocation } from '../../../commands/types.ts';
import { errorReply } from '../../reply/model.ts';
import type { Reply } from '../../reply/model.ts';
import type { Services } from '../../services.ts';
import type { AdminCheck } from './admin.ts';
import { channelValue, decodeSlackText } from './text.ts';

/** The fields of Slack's slash-command payload factfeed reads. */
export interface SlashCommandPayload {
  command: string;
  text?: string | undefined;
  team_id: string;
  channel_id?: string | undefined;
  user_id: string;
}

export function toInvocation(p: SlashCommandPayload, isAdmin: boolean): Invocation {
  return { platform: 'slack', tenant: p.team_id, channel: p.channel_id, user: p.user_id, isAdmin, allowLocalFiles: false };
}

export function adminRefusal(name: string): Reply {
  return errorReply(`/${name} is for workspace admins.`, 'Ask a Slack workspace admin or owner to run it.');
}

/** Channel options get the id out of Slack's `<#C123|name>`; other values pass through. */
function normaliseChannels(def: CommandDefinition, args: CommandArgs): CommandArgs {
  const defs = def.subcommands ? (def.subcommands.find((s) => s.name === args.subcommand)?.options ?? []) : (def.options ?? []);
  const options = { ...args.options };
  for (const o of defs) {
    const v = options[o.name];
    if (o.type === 'channel' && typeof v === 'string') options[o.name] = channelValue(v);
  }
  return { ...args, options };
}

/**
 * Runs one slash command: Slack delivers `/figures` and the text after it separately, so the line
 * is rebuilt and parsed the way the console parses it. Never throws; every failure is a reply.
 */
export async function runSlashCommand(services: Services, registry: CommandRegistry, isAdmin: AdminCheck, p: SlashCommandPayload): Promise<Reply> {
  const name = p.command.replace(/^\//, '').toLowerCase();
  const def = registry.get(name);
  if (!def) return errorReply(`Unknown command /${name}.`, 'Try /help for the list of commands.');
  const parsed = parseCommandLine(`/${name} ${decodeSlackText(p.text ?? '')}`, registry);
  if ('error' in parsed) return errorReply(parsed.error);
  const admin = await isAdmin(p.team_id, p.user_id);
  // Checked here too so the refusal speaks of Slack roles rather than Discord permissions.
  if (def.adminOnly && !admin) return adminRefusal(name);
  return runCommand(registry, { services, invocation: toInvocation(p, admin) }, name, normaliseChannels(def, parsed.args));
}
