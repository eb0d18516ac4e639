import type { CommandRegistry } from './registry.ts';
import type { CommandArgs, CommandOption, OptionValue } from './types.ts';

export interface ParsedLine {
  name: string;
  args: CommandArgs;
}

/** Splits on spaces, keeping quoted parts together: `text:"hello there"` is one token, `text:hello there`. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'" || ch === '“' || ch === '”') {
      quote = ch === '“' ? '”' : ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}

/**
 * Reads a typed command line the way a person writes it in a chat box:
 * `/figures prisoners of war`, `/source add https://… every:30`, `/subscribe #news include:"kursk"`.
 * Named `option:value` pairs go to that option; the rest fill options in order, and the last
 * text option takes whatever words remain, so topics need no quotes.
 */
export function parseCommandLine(line: string, registry: CommandRegistry): ParsedLine | { error: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return { error: 'Commands start with "/", for example /figures prisoners. Try /help.' };
  const tokens = tokenize(trimmed.slice(1));
  const name = (tokens.shift() ?? '').toLowerCase();
  if (!name) return { error: 'Type a command after "/", for example /help.' };
  const def = registry.get(name);
  if (!def) return { name, args: { options: {} } };

  let subcommand: string | undefined;
  let optionDefs: readonly CommandOption[] = def.options ?? [];
  if (def.subcommands) {
    subcommand = tokens.shift()?.toLowerCase();
    optionDefs = def.subcommands.find((s) => s.name === subcommand)?.options ?? [];
  }
  const names = new Set(optionDefs.map((o) => o.name));
  const options: Record<string, OptionValue | undefined> = {};
  const positional: string[] = [];
  for (const t of tokens) {
    const m = /^([a-z0-9_-]+):(.*)$/s.exec(t);
    if (m && names.has(m[1]!)) options[m[1]!] = m[2]!;
    else positional.push(t);
  }
  const free = optionDefs.filter((o) => options[o.name] === undefined);
  for (let i = 0; i < free.length && positional.length > 0; i++) {
    const o = free[i]!;
    const isLastText = o.type === 'string' && free.slice(i + 1).every((x) => x.type === 'string') && i === free.length - 1;
    options[o.name] = isLastText ? positional.splice(0).join(' ') : positional.shift();
  }
  if (positional.length > 0) {
    // Words left over with no option to take them: let validation report it under a clear name.
    options['(extra)'] = positional.join(' ');
  }
  return { name, args: { subcommand, options } };
}
