import { stopWithin, type StopOutcome } from './shutdown.ts';
import { storeFailureMessage } from './store/failures.ts';
import { terminalSafe } from './controls.ts';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openServices, LOCAL_TENANT, pollAll, seedSampleFeed } from './app.ts';
import type { Services } from './services.ts';
import { registry } from '../commands/index.ts';
import { runLine, runConsole, consoleInvocation, createConsoleSink } from './platforms/console/index.ts';
import { renderText } from './reply/text.ts';
import type { Reply } from './reply/model.ts';
import { SchemaTooNewError } from './store/migrate.ts';
import { writeFileSync } from 'node:fs';
import { toOpml } from './ingest/opml.ts';
import { redactUrl } from './ingest/url.ts';
import { startDelivery } from './deliver/run.ts';
import { createWebhookSink } from './deliver/webhook.ts';

const USAGE = `factfeed — facts from news feeds, for Discord, Slack and the console

Usage:
  factfeed [start]                     run the bot (Discord/Slack when a token is set, else the console)
  factfeed ask "<command>" [--json]    run one slash command, e.g. factfeed ask "/figures prisoners"
  factfeed sources list                list sources
  factfeed sources add <url|file> [--every MIN]
  factfeed sources remove <id>
  factfeed sources export [file]       write the sources as OPML (to stdout without a file)
  factfeed sources import <file>       follow every feed of an OPML file
  factfeed poll                        fetch every source once, store what is new, print counts
  factfeed register [--guild ID | --global]
                                       register the slash commands with Discord (guild: instant)
  factfeed register --slack [--url URL]
                                       print a Slack app manifest with every command
  factfeed migrate-store --to postgres://…
                                       copy this SQLite store into an empty PostgreSQL database
  factfeed help                        this text

Options:
  --db PATH      SQLite file (default data/factfeed.db, or FACTFEED_DB)
  --json         print the reply as JSON (ask)
`;

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

// Everything the CLI prints is terminal-safe, whatever an older database or a feed holds.
const defaultIo = (): CliIo => ({ stdout: terminalSafe(process.stdout), stderr: terminalSafe(process.stderr), stdin: process.stdin, env: process.env });

function print(io: CliIo, reply: Reply, json: boolean): number {
  io.stdout.write((json ? JSON.stringify(reply, null, 2) : renderText(reply)) + '\n');
  return reply.kind === 'error' ? 1 : 0;
}

/** Runs the CLI; returns the exit code (0 ok, 1 the command failed, 2 bad usage or configuration). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        every: { type: 'string' },
        guild: { type: 'string' },
        global: { type: 'boolean', default: false },
        slack: { type: 'boolean', default: false },
        url: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`factfeed: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [verb = 'start', ...rest] = positionals;
  if (values.help || verb === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!['start', 'ask', 'sources', 'poll', 'register', 'migrate-store'].includes(verb)) {
    io.stderr.write(`factfeed: unknown command "${verb}"\n\n${USAGE}`);
    return 2;
  }

  let config: Config;
  try {
    config = loadConfig(io.env, { db: values.db });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`factfeed: ${err.message}\nSee .env.example for every setting.\n`);
      return 2;
    }
    throw err;
  }
  // It reads the SQLite store itself and never runs the bot, so it needs no services.
  // Loaded on demand, like register's clients: other commands never load the PostgreSQL driver.
  if (verb === 'migrate-store') return (await import('./migrate-store.ts')).migrateStoreCommand(config, values.to, io);

  let services: Services;
  try {
    services = await openServices(config);
  } catch (err) {
    // openServices names the database in what it throws (the URL without its password).
    if (config.databaseUrl) {
      io.stderr.write(`factfeed: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    const plain = storeFailureMessage(err, config.dbPath);
    if (plain) {
      io.stderr.write(`factfeed: ${plain}\n`);
      return 1;
    }
    if (err instanceof SchemaTooNewError || (err instanceof Error && /SQLITE|database/i.test(err.message))) {
      io.stderr.write(`factfeed: cannot open ${config.dbPath}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  try {
    switch (verb) {
      case 'ask': {
        const line = rest.join(' ');
        if (!line) {
          io.stderr.write('factfeed ask: give a command, e.g. factfeed ask "/figures prisoners"\n');
          return 2;
        }
        await seedSampleFeed(services);
        return print(io, await runLine(services, registry, line, { ...consoleInvocation, platform: 'cli' }), values.json ?? false);
      }
      case 'sources':
        return await sourcesVerb(services, io, rest, values.every, values.json ?? false);
      case 'poll': {
        const results = await pollAll(services, await services.store.feeds.list());
        let failed = 0;
        for (const r of results) {
          const f = await services.store.feeds.get(r.feed);
          // Named by the local source number when this installation follows the feed itself.
          const local = (await services.store.sources.followers(r.feed)).find((s) => s.tenant === LOCAL_TENANT);
          const label = `${local ? `#${local.id}` : `feed ${r.feed}`} ${redactUrl(f?.title ?? f?.url ?? '')}`;
          if (r.error) {
            failed++;
            io.stdout.write(`${label}: FAILED — ${r.error}\n`);
          } else if (r.result) {
            const x = r.result;
            io.stdout.write(`${label}: ${x.notModified ? 'not modified' : `${x.items} items, ${x.added} new, ${x.updated} updated, ${x.unchanged} unchanged`}\n`);
          }
        }
        if (results.length === 0) io.stdout.write('No sources. Add one with: factfeed sources add <url>\n');
        return failed > 0 ? 1 : 0;
      }
      case 'register': {
        if (values.slack) {
          const { slackManifest } = await import('./platforms/slack/manifest.ts');
          io.stdout.write(JSON.stringify(slackManifest(registry, values.url ? { requestUrl: values.url } : {}), null, 2) + '\n');
          return 0;
        }
        const { registerCommands } = await import('./platforms/discord/index.ts');
        const out = await registerCommands(config, registry, { guildId: values.global ? null : (values.guild ?? config.discord.guildId) });
        io.stdout.write(`${out.message}\n`);
        return 0;
      }
      default:
        return await start(services, io);
    }
  } catch (err) {
    // A full or failing disk is said plainly, naming the file, never as a stack trace.
    const plain = storeFailureMessage(err, config.dbPath);
    if (!plain) throw err;
    io.stderr.write(`factfeed: ${plain}\n`);
    return 1;
  } finally {
    await services.extractor?.close();
    try {
      await services.store.close();
    } catch {
      // closing a store on a full disk can fail too; the message above already says what to do
    }
  }
}

async function sourcesVerb(services: Services, io: CliIo, rest: string[], every: string | undefined, json: boolean): Promise<number> {
  const [sub = 'list', ...args] = rest;
  const inv = { ...consoleInvocation, platform: 'cli' as const };
  switch (sub) {
    case 'list':
      return print(io, await runLine(services, registry, '/sources', inv), json);
    case 'add': {
      const target = args[0];
      if (!target) {
        io.stderr.write('factfeed sources add: give a feed URL or file\n');
        return 2;
      }
      const line = `/source add url:"${target.replace(/"/g, '')}"${every ? ` every:${every}` : ''}`;
      return print(io, await runLine(services, registry, line, inv), json);
    }
    case 'remove':
      return print(io, await runLine(services, registry, `/source remove ${args.join(' ')}`, inv), json);
    case 'export': {
      const list = (await services.store.sources.list(LOCAL_TENANT)).filter((s) => s.kind === 'url');
      const xml = toOpml(list.map((s) => (s.title ? { title: s.title, url: s.url } : { url: s.url })), 'factfeed sources');
      if (!args[0]) io.stdout.write(xml);
      else {
        writeFileSync(args[0], xml);
        io.stdout.write(`Wrote ${list.length} source${list.length === 1 ? '' : 's'} to ${args[0]}\n`);
      }
      return 0;
    }
    case 'import': {
      if (!args[0]) {
        io.stderr.write('factfeed sources import: give an OPML file (or its URL)\n');
        return 2;
      }
      return print(io, await runLine(services, registry, `/source import url:"${args[0].replace(/"/g, '')}"`, inv), json);
    }
    default:
      io.stderr.write(`factfeed sources: unknown subcommand "${sub}" (list, add, remove, export, import)\n`);
      return 2;
  }
}

/** Starts the platform the configuration picks; the console when no chat token is set. */
async function start(services: Services, io: CliIo): Promise<number> {
  const { config } = services;
  if (config.platform === 'console') {
    await seedSampleFeed(services);
    // Deliveries print between replies, or go to a webhook when one is configured.
    const sink = config.consoleWebhook ? createWebhookSink(config.consoleWebhook, services.log) : createConsoleSink(io.stdout);
    const delivery = startDelivery(services, sink);
    // A signal ends the console like end of input does, so delivery stops before the store closes.
    const onSignal = (): void => void io.stdin.destroy();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await runConsole(services, registry, { input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await delivery.stop();
    }
    return 0;
  }
  const running =
    config.platform === 'discord'
      ? await (await import('./platforms/discord/index.ts')).startDiscord(services, registry)
      : await (await import('./platforms/slack/index.ts')).startSlack(services, registry);
  const delivery = startDelivery(services, running.sink);
  let stopAsked = 0;
  const outcome = await new Promise<StopOutcome>((resolveStop) => {
    const stop = (): void => {
      stopAsked = Date.now();
      services.log.info('stopping');
      // Delivery first: the sink needs the platform client, which running.stop() closes.
      void stopWithin(
        [
          { name: 'deliveries', run: () => delivery.stop() },
          { name: config.platform, run: () => running.stop() },
        ],
        SHUTDOWN_DEADLINE_MS,
      ).then(resolveStop);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (outcome.ok) {
    // Stopped cleanly; but a client still reconnecting in the background (discord.js with Discord
    // unreachable) can hold the process open. Give it what is left of the deadline, then leave.
    setTimeout(() => {
      services.log.error(`the ${config.platform} client was still running ${SHUTDOWN_DEADLINE_MS / 1000} s after the stop was asked for; exiting`);
      process.exit(1);
    }, Math.max(0, SHUTDOWN_DEADLINE_MS - (Date.now() - stopAsked))).unref();
    return 0;
  }
  services.log.error(`stopped after ${SHUTDOWN_DEADLINE_MS / 1000} s without a clean shutdown of: ${outcome.unfinished.join(', ')}`);
  // Whatever did not stop may still hold the event loop open: leave now, with the failure in the exit code.
  process.exit(1);
}

/** How long a stop may take before the process gives up on what is still running. */
const SHUTDOWN_DEADLINE_MS = 10_000;

export { LOCAL_TENANT };
