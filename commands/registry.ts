import type { CommandDefinition, CommandOption } from './types.ts';

const NAME = /^[a-z0-9_-]{1,32}$/;

export interface CommandRegistry {
  all(): readonly CommandDefinition[];
  get(name: string): CommandDefinition | undefined;
}

function checkOptions(where: string, options: readonly CommandOption[], hasAutocomplete: boolean): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${where}: more than 25 options`);
  const seen = new Set<string>();
  let optionalSeen = false;
  for (const o of options) {
    if (!NAME.test(o.name)) problems.push(`${where}: option name "${o.name}" must be 1–32 of [a-z0-9_-]`);
    if (seen.has(o.name)) problems.push(`${where}: duplicate option "${o.name}"`);
    seen.add(o.name);
    if (!o.description || o.description.length > 100) problems.push(`${where}: option "${o.name}" needs a description of 1–100 characters`);
    if (o.required && optionalSeen) problems.push(`${where}: required option "${o.name}" comes after an optional one`);
    if (!o.required) optionalSeen = true;
    if (o.autocomplete && !hasAutocomplete) problems.push(`${where}: option "${o.name}" asks for autocomplete but the command has no autocomplete handler`);
    if (o.autocomplete && o.choices) problems.push(`${where}: option "${o.name}" cannot have both choices and autocomplete`);
  }
  return problems;
}

/** Checks one definition against what Discord and Slack accept; returns every problem found. */
export function validateDefinition(def: CommandDefinition): string[] {
  const where = `/${String(def?.name)}`;
  const problems: string[] = [];
  if (!def || typeof def !== 'object') return [`${where}: not a command definition`];
  if (typeof def.name !== 'string' || !NAME.test(def.name)) problems.push(`${where}: name must be 1–32 of [a-z0-9_-]`);
  if (typeof def.description !== 'string' || def.description.length < 1 || def.description.length > 100) {
    problems.push(`${where}: description must be 1–100 characters`);
  }
  if (typeof def.handler !== 'function') problems.push(`${where}: handler is missing`);
  if (typeof def.adminOnly !== 'boolean') problems.push(`${where}: adminOnly must be true or false`);
  if (def.options && def.subcommands) problems.push(`${where}: has both options and subcommands`);
  const auto = typeof def.autocomplete === 'function';
  problems.push(...checkOptions(where, def.options ?? [], auto));
  const subs = new Set<string>();
  for (const sub of def.subcommands ?? []) {
    if (!NAME.test(sub.name)) problems.push(`${where}: subcommand name "${sub.name}" must be 1–32 of [a-z0-9_-]`);
    if (subs.has(sub.name)) problems.push(`${where}: duplicate subcommand "${sub.name}"`);
    subs.add(sub.name);
    if (!sub.description || sub.description.length > 100) problems.push(`${where} ${sub.name}: description must be 1–100 characters`);
    problems.push(...checkOptions(`${where} ${sub.name}`, sub.options ?? [], auto));
  }
  return problems;
}

/** Builds the registry, refusing a malformed or duplicate command at load rather than at first use. */
export function createRegistry(definitions: readonly CommandDefinition[]): CommandRegistry {
  const byName = new Map<string, CommandDefinition>();
  const problems: string[] = [];
  for (const def of definitions) {
    problems.push(...validateDefinition(def));
    if (def && byName.has(def.name)) problems.push(`/${def.name}: defined twice`);
    if (def) byName.set(def.name, def);
  }
  if (problems.length > 0) throw new Error(`Invalid command definitions:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const all = [...byName.values()];
  return { all: () => all, get: (name) => byName.get(name) };
}
