import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../commands/index.ts';
import type { SlackMessage } from '../../../src/reply/slack.ts';
import { FAKE_APP_TOKEN, FAKE_TEAM } from '../../fakes/slack/server.ts';
import { startSlackHarness } from './harness.ts';
import type { SlackHarness } from './harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  // No signing secret: Socket Mode needs only the bot token and the app-level token.
  h = await startSlackHarness(registry, {}, { SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_SIGNING_SECRET: '' });
});

afterAll(() => h?.stop());

describe('Slack Socket Mode', () => {
  it('connects with the app-level token and opens no HTTP port', () => {
    expect(h.bot.port).toBeUndefined();
    expect(h.fake.callsTo('apps.connections.open')[0]?.token).toBe(FAKE_APP_TOKEN);
  });

  it('acks a slash command envelope over the socket and responds through its response_url', async () => {
    const envelope = h.fake.sendEnvelope('slash_commands', {
      team_id: FAKE_TEAM,
      channel_id: 'C0GENERAL',
      user_id: 'U0MEMBER',
      command: '/help',
      text: '',
      response_url: h.fake.responseUrl('socket-help'),
      trigger_id: '1.2.3',
      api_app_id: 'A0FACTFEED',
    });
    await h.fake.waitFor((c) => c.method === 'socket.ack' && c.responseId === envelope);
    const [call] = await h.fake.waitFor((c) => c.method === 'response' && c.responseId === 'socket-help');
    const m = call!.body as unknown as SlackMessage;
    expect(m.response_type).toBe('ephemeral');
    expect(JSON.stringify(m.blocks)).toContain('/figures');
  });
});
