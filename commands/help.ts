import type { CommandDefinition, CommandOption } from './types.ts';
import type { Reply } from '../src/reply/model.ts';

const usage = (name: string, options: readonly CommandOption[] = []): string =>
  [`/${name}`, ...options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))].join(' ');

export const help: CommandDefinition = {
  name: 'help',
  description: 'What factfeed can do and how to ask',
  adminOnly: false,
  options: [{ name: 'command', description: 'A command to explain in detail', type: 'string' }],
  handler(ctx, args): Reply {
    const wanted = args.options.command ? String(args.options.command).replace(/^\//, '').toLowerCase() : undefined;
    const list = ctx.commands.filter((c) => !wanted || c.name === wanted);
    if (wanted && list.length === 0) {
      return { kind: 'error', title: 'Help', intro: `There is no /${wanted}. Try /help for the list.`, sections: [], citations: [], ephemeral: true };
    }
    // Some descriptions already say "(admins)" for Discord's picker; help says it once.
    const described = (text: string, adminOnly: boolean | undefined) => `${text.replace(/\s*\(admins\)$/, '')}${adminOnly ? ' (admins)' : ''}`;
    const lines = list.flatMap((c) => {
      if (c.subcommands) return c.subcommands.map((s) => ({ text: `${usage(`${c.name} ${s.name}`, s.options)} — ${described(s.description, c.adminOnly)}` }));
      const detail = wanted ? (c.options ?? []).map((o) => ({ text: `  ${o.name}: ${o.description}${o.required ? '' : ' (optional)'}` })) : [];
      return [{ text: `${usage(c.name, c.options)} — ${described(c.description, c.adminOnly)}` }, ...detail];
    });
    return {
      kind: 'info',
      title: wanted ? `Help: /${wanted}` : 'factfeed — facts from the news, with sources',
      intro: wanted ? undefined : 'Ask about a topic and get figures, dates and quotes, each cited to the article it came from.',
      sections: [{ lines }],
      citations: [],
      footer: wanted ? undefined : 'Example: /figures prisoners · /summary kursk',
      ephemeral: true,
    };
  },
};
