import { createRegistry } from '../../../commands/registry.ts';
import type { CommandArgs, CommandDefinition, Invocation } from '../../../commands/types.ts';
import type { Reply } from '../../../src/reply/model.ts';
import { sleep } from './helpers.ts';

/**
 * Commands with fake handlers for transport-level tests: what arrives (args, invocation) is
 * recorded, and replies are shaped to exercise deferral, pagination and escaping.
 */
export interface Seen {
  name: string;
  args: CommandArgs;
  invocation: Invocation;
}

export function testRegistry(opts: { slowMs?: number } = {}) {
  const seen: Seen[] = [];
  const slowMs = opts.slowMs ?? 400;
  const answer = (title: string, text: string, extra: Partial<Reply> = {}): Reply => ({
    kind: 'answer',
    title,
    sections: [{ lines: [{ text }] }],
    citations: [],
    ...extra,
  });
  const record = (name: string) => (ctx: { invocation: Invocation }, args: CommandArgs) => seen.push({ name, args, invocation: ctx.invocation });

  const defs: CommandDefinition[] = [
    {
      name: 'echo',
      description: 'Echoes its options',
      adminOnly: false,
      options: [
        { name: 'text', description: 'Some text', type: 'string', required: true, autocomplete: true },
        { name: 'where', description: 'A channel', type: 'channel' },
        { name: 'file', description: 'A file', type: 'attachment' },
        { name: 'n', description: 'A number', type: 'integer', minValue: 1, maxValue: 10 },
      ],
      autocomplete: (_ctx, req) =>
        Array.from({ length: 30 }, (_, i) => `${req.value}${i}`).map((v) => ({ name: `topic ${v}`, value: v })),
      handler(ctx, args) {
        record('echo')(ctx, args);
        return answer('Echo', `text=${String(args.options.text)}`);
      },
    },
    {
      name: 'slow',
      description: 'Takes its time',
      adminOnly: false,
      options: [{ name: 'secret', description: 'Reply only to the caller', type: 'boolean' }],
      async handler(ctx, args) {
        record('slow')(ctx, args);
        await sleep(slowMs);
        return answer('Slow', 'done at last', { ephemeral: args.options.secret === true });
      },
    },
    {
      name: 'digest',
      description: 'Admin-only, with subcommands',
      adminOnly: true,
      subcommands: [
        { name: 'set', description: 'Set it', options: [{ name: 'cron', description: 'When', type: 'string', required: true }] },
        { name: 'off', description: 'Stop it' },
      ],
      handler(ctx, args) {
        record('digest')(ctx, args);
        return { kind: 'ok', intro: `digest ${args.subcommand}`, sections: [], citations: [], ephemeral: true };
      },
    },
    {
      name: 'feed',
      description: 'Returns hostile feed text',
      adminOnly: false,
      handler: () =>
        answer('Latest', '@everyone <@&123> <@456> **breaking** [click](https://evil.example) @here', {
          citations: [{ n: 1, title: 'Hostile <@&1> title', url: 'https://news.example/a)b' }],
          sections: [{ lines: [{ text: '@everyone <@&123> <@456> **breaking** [click](https://evil.example) @here', cites: [1] }] }],
        }),
    },
    {
      name: 'huge',
      description: 'Returns a reply far too long for one message',
      adminOnly: false,
      handler: () => ({
        kind: 'answer',
        title: 'Huge',
        sections: [{ heading: 'Many', lines: Array.from({ length: 200 }, (_, i) => ({ text: `line ${i} ` + 'word '.repeat(40) })) }],
        citations: [],
      }),
    },
    {
      name: 'chart',
      description: 'Returns an image attachment',
      adminOnly: false,
      handler: () =>
        answer('Chart', 'see the picture', { attachments: [{ name: 'chart.png', contentType: 'image/png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) }] }),
    },
  ];
  return { registry: createRegistry(defs), seen };
}
