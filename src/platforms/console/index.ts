import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Services } from '../../services.ts';
import type { CommandRegistry } from '../../../commands/registry.ts';
import type { Invocation } from '../../../commands/types.ts';
import { runCommand } from '../../../commands/dispatch.ts';
import { parseCommandLine } from '../../../commands/parse.ts';
import { errorReply, type Reply } from '../../reply/model.ts';
import { renderText } from '../../reply/text.ts';
import type { DeliverySink } from '../../deliver/types.ts';

/** The console is the local operator: admin rights and local files are allowed. */
export const consoleInvocation: Invocation = { platform: 'console', tenant: 'local', channel: 'console', user: 'operator', isAdmin: true, allowLocalFiles: true };

/** Runs one typed line ("/figures prisoners") and returns the reply. */
export async function runLine(services: Services, registry: CommandRegistry, line: string, invocation: Invocation = consoleInvocation): Promise<Reply> {
  const parsed = parseCommandLine(line, registry);
  if ('error' in parsed) return errorReply(parsed.error);
  return runCommand(registry, { services, invocation }, parsed.name, parsed.args);
}

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** Show a prompt and a greeting (a terminal), or print replies only (piped input). */
  interactive: boolean;
}

/** Reads commands line by line until end of input; each reply is printed before the next line is read. */
export async function runConsole(services: Services, registry: CommandRegistry, io: ConsoleIo): Promise<void> {
  const rl = createInterface({ input: io.input, terminal: false });
  const write = (s: string): void => {
    io.output.write(s);
  };
  if (io.interactive) write('factfeed console — type /help, or /figures prisoners. Ctrl-D to quit.\n> ');
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line !== '' && !line.startsWith('#')) {
      const reply = await runLine(services, registry, line);
      write(renderText(reply) + '\n\n');
    }
    if (io.interactive) write('> ');
  }
  rl.close();
}

/** Deliveries in console mode are printed, so subscriptions and digests can be tried without a chat platform. */
export function createConsoleSink(output: Writable): DeliverySink {
  return {
    platform: 'console',
    async send(d) {
      output.write(`── ${d.kind} → #${d.channel} ──\n${renderText(d.reply)}\n\n`);
      return { ok: true };
    },
  };
}
