import { createRegistry, type CommandRegistry } from './registry.ts';
import type { CommandDefinition } from './types.ts';
import { figures } from './figures.ts';
import { summary } from './summary.ts';
import { sources } from './sources.ts';
import { source } from './source.ts';
import { help } from './help.ts';
import { subscribe } from './subscribe.ts';
import { unsubscribe } from './unsubscribe.ts';
import { digest } from './digest.ts';
import { claims } from './claims.ts';

/**
 * Every slash command, in the order /help lists them. Adding a command means adding its file
 * and one line here; the registry rejects a malformed or duplicate definition at load.
 */
export const definitions: readonly CommandDefinition[] = [figures, summary, claims, sources, source, subscribe, unsubscribe, digest, help];

export const registry: CommandRegistry = createRegistry(definitions);

export { createRegistry, type CommandRegistry } from './registry.ts';
export { runCommand, runAutocomplete } from './dispatch.ts';
