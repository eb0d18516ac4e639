import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CommandError, type CommandArgs, type CommandContext, type SubcommandDefinition } from './types.ts';
import { okReply, type Reply } from '../src/reply/model.ts';
import { parseOpml, type OpmlEntry } from '../src/ingest/opml.ts';
import { addSource, describeSourceError } from '../src/ingest/add-source.ts';
import { DuplicateSourceError } from '../src/store/index.ts';

/** Imports are validated feed by feed (each is fetched); a cap keeps one command bounded. */
export const MAX_IMPORT = 100;

export const importSubcommand: SubcommandDefinition = {
  name: 'import',
  description: 'Follow every feed in an OPML file (from a feed reader), given as an attachment or URL',
  options: [
    { name: 'file', description: 'The OPML file', type: 'attachment' },
    { name: 'url', description: 'Or the address of the OPML file', type: 'string', maxLength: 2000 },
  ],
};

async function readOpml(ctx: CommandContext, where: string): Promise<string> {
  if (/^https?:\/\//i.test(where)) {
    const res = await ctx.services.fetch(where, { accept: 'text/x-opml, application/xml, text/xml;q=0.9, */*;q=0.5' });
    return res.text();
  }
  if (!ctx.invocation.allowLocalFiles) throw new CommandError(`"${where}" is not a web address; give an http(s) URL or attach the OPML file.`);
  try {
    return await readFile(resolve(where), 'utf8');
  } catch (err) {
    throw new CommandError(`Cannot read ${resolve(where)}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `/source import`: adds each feed of an OPML list, validating each one like /source add; one bad feed does not stop the rest. */
export async function importOpml(ctx: CommandContext, args: CommandArgs): Promise<Reply> {
  const { services, invocation } = ctx;
  const where = String(args.options.file ?? args.options.url ?? '').trim();
  if (!where) throw new CommandError('Attach an OPML file (file:) or give its address (url:).');
  let entries: OpmlEntry[];
  try {
    entries = parseOpml(await readOpml(ctx, where));
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw new CommandError(`Could not read an OPML list from ${where}: ${describeSourceError(err)}`);
  }
  if (entries.length === 0) throw new CommandError(`${where} lists no feeds (no <outline xmlUrl="…">).`);
  const skipped = Math.max(0, entries.length - MAX_IMPORT);
  const todo = entries.slice(0, MAX_IMPORT);
  const added: string[] = [];
  const duplicates: string[] = [];
  const failed: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const e = todo[next++]!;
      try {
        // Only web feeds: an OPML file must not be able to point the bot at local files.
        if (!/^https?:\/\//i.test(e.url)) throw new Error(`not an http(s) feed address`);
        const { source } = await addSource(services, { tenant: invocation.tenant, input: e.url, intervalMinutes: services.config.pollMinutes, allowLocalFiles: false, addedBy: invocation.user });
        added.push(`#${source.id} ${source.title ?? e.title ?? source.url}`);
      } catch (err) {
        if (err instanceof DuplicateSourceError) duplicates.push(e.title ?? e.url);
        else failed.push(`${e.title ?? e.url}: ${describeSourceError(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(services.config.pollConcurrency, todo.length) }, worker));
  const lines = [
    ...(added.length > 0 ? [`Added: ${added.join('; ')}`] : []),
    ...(duplicates.length > 0 ? [`Already followed: ${duplicates.length} (${duplicates.slice(0, 5).join('; ')}${duplicates.length > 5 ? '; …' : ''})`] : []),
    ...failed.slice(0, 10).map((f) => `Not added — ${f}`),
    ...(failed.length > 10 ? [`…and ${failed.length - 10} more not added`] : []),
    ...(skipped > 0 ? [`Only the first ${MAX_IMPORT} feeds were tried; ${skipped} more were left out.`] : []),
    ...(added.length > 0 ? ['New sources are polled within a minute; each posts at most its newest 3 items at first.'] : []),
  ];
  return okReply(`Imported ${added.length} of ${todo.length} feed${todo.length === 1 ? '' : 's'} from the OPML list.`, lines);
}
