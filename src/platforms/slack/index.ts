import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { CommandRegistry } from '../../../commands/registry.ts';
import type { DeliverySink } from '../../deliver/types.ts';
import { errorReply } from '../../reply/model.ts';
import { renderSlack } from '../../reply/slack.ts';
import type { Services } from '../../services.ts';
import { createAdminCheck } from './admin.ts';
import { runSlashCommand } from './command.ts';
import { boltLogger } from './logger.ts';
import { createSlackSink } from './sink.ts';
import { SLACK_EVENTS_PATH } from './manifest.ts';

export interface SlackOptions {
  /** Defaults to SLACK_PORT, then 3000; 0 picks a free port. */
  port?: number;
  /** Slack must reach the endpoint (through an HTTPS proxy or tunnel), so all interfaces by default. */
  host?: string;
  adminTtlMs?: number;
  /** Extra web-api client options (tests shorten the retry back-off here). */
  clientOptions?: webApi.WebClientOptions;
}

export interface RunningSlack {
  stop(): Promise<void>;
  sink: DeliverySink;
  /** The HTTP port listened on; undefined in Socket Mode. */
  port?: number | undefined;
}

export const DEFAULT_SLACK_PORT = 3000;
/** A response_url takes at most five messages. */
const MAX_RESPONSES = 5;

/**
 * Starts the Slack app: Bolt over HTTP (Slack POSTs signed slash commands to /slack/events), or
 * Socket Mode when SLACK_APP_TOKEN is set (no public endpoint needed). One listener per command in
 * the registry; each acks at once and answers through respond(), so no handler can miss Slack's
 * 3-second deadline.
 */
export async function startSlack(services: Services, registry: CommandRegistry, options: SlackOptions = {}): Promise<RunningSlack> {
  const { config, log, clock } = services;
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (!botToken) throw new Error('Slack needs SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token)');
  if (!appToken && !signingSecret) throw new Error('Slack needs SLACK_SIGNING_SECRET (Basic Information → Signing Secret), or SLACK_APP_TOKEN for Socket Mode');

  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), ...options.clientOptions };
  const receiver = appToken ? undefined : new HTTPReceiver({ signingSecret: signingSecret!, endpoints: SLACK_EVENTS_PATH, logger });
  const app = appToken
    ? new App({ token: botToken, appToken, socketMode: true, logger, clientOptions, deferInitialization: true })
    : new App({ token: botToken, receiver: receiver!, logger, clientOptions, deferInitialization: true });

  const isAdmin = createAdminCheck(app.client, { clock, log, ...(options.adminTtlMs !== undefined ? { ttlMs: options.adminTtlMs } : {}) });
  for (const def of registry.all()) {
    app.command(`/${def.name}`, async ({ command, ack, respond }) => {
      await ack();
      log.debug('Slack command', { command: command.command, team: command.team_id });
      const reply = await runSlashCommand(services, registry, isAdmin, command).catch((err: unknown) =>
        errorReply(`/${def.name} failed unexpectedly.`, err instanceof Error ? err.message : String(err)),
      );
      try {
        for (const message of renderSlack(reply, { maxMessages: MAX_RESPONSES })) await respond(message);
      } catch (err) {
        // An expired or overused response_url: the answer is lost, but say which command lost it.
        log.warn('Slack response could not be delivered', { command: command.command, team: command.team_id, channel: command.channel_id, error: err instanceof Error ? err.message : String(err) });
      }
    });
  }
  app.error(async (err) => {
    log.error('Slack listener failed', { error: err.message, code: err.code });
  });

  try {
    await app.init();
  } catch (err) {
    throw new Error(`Slack rejected SLACK_BOT_TOKEN on auth.test: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }

  if (appToken) {
    await app.start();
    log.info('Slack connected in Socket Mode');
    return { sink: createSlackSink(app.client, log), stop: async () => void (await app.stop()) };
  }

  const port = options.port ?? config.slack.port ?? DEFAULT_SLACK_PORT;
  const server = (await app.start(options.host ? { port, host: options.host } : port)) as Server;
  const listening = (server.address() as AddressInfo).port;
  log.info('Slack endpoint listening', { port: listening, path: SLACK_EVENTS_PATH });
  return {
    port: listening,
    sink: createSlackSink(app.client, log),
    stop: async () => {
      // Slack keeps connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      await app.stop();
    },
  };
}

export { slackManifest, SLACK_BOT_SCOPES, SLACK_EVENTS_PATH } from './manifest.ts';
export type { SlackManifest, SlackManifestOptions } from './manifest.ts';
export { createSlackSink, classifySlackError } from './sink.ts';
export { runSlashCommand } from './command.ts';
