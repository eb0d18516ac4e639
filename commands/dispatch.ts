import { errorReply, type Reply } from '../src/reply/model.ts';
import { isStoreFailure, storeFailureMessage } from '../src/store/failures.ts';
import type { CommandRegistry } from './registry.ts';
import {
  CommandError,
  type AutocompleteRequest,
  type CommandArgs,
  type CommandContext,
  type CommandDefinition,
  type CommandOption,
  type OptionChoice,
  type OptionValue,
} from './types.ts';

export type DispatchContext = Omit<CommandContext, 'commands'>;

function optionsFor(def: CommandDefinition, subcommand: string | undefined): CommandOption[] | string {
  if (!def.subcommands) {
    if (subcommand) return `/${def.name} has no subcommand "${subcommand}"`;
    return def.options ?? [];
  }
  const names = def.subcommands.map((s) => s.name).join(', ');
  if (!subcommand) return `/${def.name} needs a subcommand: ${names}`;
  const sub = def.subcommands.find((s) => s.name === subcommand);
  if (!sub) return `/${def.name} has no subcommand "${subcommand}" (try: ${names})`;
  return sub.options ?? [];
}

/** Coerces and checks one option value against its definition; returns the value or a message. */
function coerce(command: string, o: CommandOption, raw: OptionValue): OptionValue | { error: string } {
  const label = `/${command} ${o.name}`;
  switch (o.type) {
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n) || (o.type === 'integer' && !Number.isInteger(n))) return { error: `${label} must be ${o.type === 'integer' ? 'a whole number' : 'a number'} (got "${String(raw)}")` };
      if (o.minValue !== undefined && n < o.minValue) return { error: `${label} must be at least ${o.minValue}` };
      if (o.maxValue !== undefined && n > o.maxValue) return { error: `${label} must be at most ${o.maxValue}` };
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(s)) return true;
      if (['false', 'no', '0', 'off'].includes(s)) return false;
      return { error: `${label} must be true or false (got "${String(raw)}")` };
    }
    default: {
      const s = String(raw).trim();
      if (o.minLength !== undefined && s.length < o.minLength) return { error: `${label} must be at least ${o.minLength} characters` };
      if (o.maxLength !== undefined && s.length > o.maxLength) return { error: `${label} must be at most ${o.maxLength} characters` };
      if (o.choices && !o.choices.some((c) => String(c.value) === s)) {
        return { error: `${label} must be one of: ${o.choices.map((c) => c.value).join(', ')}` };
      }
      return s;
    }
  }
}

/** Checks the arguments against the definition: unknown or missing options get a message naming them. */
export function validateArgs(def: CommandDefinition, args: CommandArgs): CommandArgs | string {
  const opts = optionsFor(def, args.subcommand);
  if (typeof opts === 'string') return opts;
  const known = new Map(opts.map((o) => [o.name, o]));
  const out: Record<string, OptionValue | undefined> = {};
  for (const [name, value] of Object.entries(args.options)) {
    if (value === undefined) continue;
    const o = known.get(name);
    if (name === '(extra)') return `/${def.name}${args.subcommand ? ' ' + args.subcommand : ''} did not expect "${String(value)}"`;
    if (!o) return `/${def.name}${args.subcommand ? ' ' + args.subcommand : ''} has no option "${name}" (options: ${[...known.keys()].join(', ') || 'none'})`;
    const v = coerce(def.name, o, value);
    if (typeof v === 'object') return v.error;
    out[name] = v;
  }
  for (const o of opts) {
    if (o.required && (out[o.name] === undefined || out[o.name] === '')) {
      return `/${def.name}${args.subcommand ? ' ' + args.subcommand : ''} needs ${o.name}: ${o.description}`;
    }
  }
  return { subcommand: args.subcommand, options: out };
}

/**
 * The one path every platform takes to run a command: look it up, check admin rights and
 * arguments, run the handler, and turn any failure into an error reply naming the command.
 */
export async function runCommand(registry: CommandRegistry, ctx: DispatchContext, name: string, args: CommandArgs): Promise<Reply> {
  const def = registry.get(name);
  if (!def) return errorReply(`Unknown command /${name}.`, `Try /help for the list of commands.`);
  if (def.adminOnly && !ctx.invocation.isAdmin) {
    const need: Record<string, string> = { discord: 'the Manage Server permission', slack: 'to be a workspace admin or owner' };
    return errorReply(`/${name} is for server admins.`, `You need ${need[ctx.invocation.platform] ?? 'admin rights'} to run it.`);
  }
  const checked = validateArgs(def, args);
  if (typeof checked === 'string') return errorReply(checked, `Try /help ${name}.`);
  try {
    return await def.handler({ ...ctx, commands: registry.all() }, checked);
  } catch (err) {
    if (err instanceof CommandError) return errorReply(err.message);
    const message = err instanceof Error ? err.message : String(err);
    const store = isStoreFailure(err) ? storeFailureMessage(err, ctx.services.config.dbPath) : undefined;
    if (store) {
      ctx.services.log.error(`/${name} failed: the store failed`, { error: message, tenant: ctx.invocation.tenant });
      return errorReply(`/${name} could not save: ${store}`);
    }
    ctx.services.log.error(`/${name} failed`, { error: message, tenant: ctx.invocation.tenant, platform: ctx.invocation.platform });
    return errorReply(`/${name} failed unexpectedly; the error was logged.`);
  }
}

/** Autocomplete never fails loudly: a broken suggester yields no suggestions, at most 25. */
export async function runAutocomplete(registry: CommandRegistry, ctx: DispatchContext, name: string, req: AutocompleteRequest): Promise<OptionChoice[]> {
  const def = registry.get(name);
  if (!def?.autocomplete) return [];
  if (def.adminOnly && !ctx.invocation.isAdmin) return [];
  try {
    const choices = await def.autocomplete({ ...ctx, commands: registry.all() }, req);
    return choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: typeof c.value === 'string' ? c.value.slice(0, 100) : c.value }));
  } catch (err) {
    ctx.services.log.warn(`autocomplete for /${name} failed`, { error: err instanceof Error ? err.message : String(err) });
    return [];
  }
}
