import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/registry.ts';
import type { CommandArgs, Invocation } from '../../../commands/types.ts';
import type { Reply } from '../../../src/reply/model.ts';
import { SLACK_LIMITS } from '../../../src/reply/slack.ts';
import type { SlackMessage } from '../../../src/reply/slack.ts';
import { startSlackHarness } from './harness.ts';
import type { SlackHarness } from './harness.ts';

/** Commands that exercise the transport: what arrived, a slow handler, a huge reply. */
const seen: { args: CommandArgs; invocation: Invocation }[] = [];
let releaseSlow: () => void = () => {};

const testRegistry = createRegistry([
  {
    name: 'echo',
    description: 'Says back what it got',
    adminOnly: false,
    options: [
      { name: 'where', description: 'A channel', type: 'channel', required: true },
      { name: 'words', description: 'Anything', type: 'string' },
    ],
    handler(ctx, args): Reply {
      seen.push({ args, invocation: ctx.invocation });
      return { kind: 'ok', intro: `got ${String(args.options.where)} / ${String(args.options.words)}`, sections: [], citations: [] };
    },
  },
  {
    name: 'slow',
    description: 'Answers only when the test lets it',
    adminOnly: false,
    handler: () => new Promise<Reply>((resolve) => (releaseSlow = () => resolve({ kind: 'ok', intro: 'done at last', sections: [], citations: [] }))),
  },
  {
    name: 'long',
    description: 'A reply far too long for one message',
    adminOnly: false,
    options: [{ name: 'lines', description: 'How many lines', type: 'integer', required: true }],
    handler: (_ctx, args): Reply => ({
      kind: 'answer',
      title: 'Long',
      sections: [{ lines: Array.from({ length: Number(args.options.lines) }, (_, i) => ({ text: `Line ${i} `.repeat(40), cites: [1] })) }],
      citations: [{ n: 1, title: 'One source', url: 'https://news.example/one' }],
    }),
  },
  {
    name: 'boom',
    description: 'Throws',
    adminOnly: false,
    handler: () => {
      throw new Error('kaboom');
    },
  },
]);

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness(testRegistry);
});

afterAll(() => h?.stop());

const responses = (id: string, count = 1) => h.fake.waitFor((c) => c.method === 'response' && c.responseId === id, count);
const bodyOf = (m: SlackMessage) => JSON.stringify(m.blocks);

describe('Slack transport', () => {
  it('reads a Slack-escaped channel as its id, decodes entities and links, and fills the invocation from the payload', async () => {
    const res = await h.slash({ command: '/echo', text: '<#C0NEWS|news> see <https://ex.example/?a=1&amp;b=2|ex.example> &lt;tag&gt;', user: 'U0MEMBER', channel: 'C0HERE' });
    await responses(res.responseId);
    const last = seen.at(-1)!;
    expect(last.args.options).toEqual({ where: 'C0NEWS', words: 'see https://ex.example/?a=1&b=2 <tag>' });
    expect(last.invocation).toEqual({ platform: 'slack', tenant: 'T0FAKE', channel: 'C0HERE', user: 'U0MEMBER', isAdmin: false, allowLocalFiles: false });
  });

  it('keeps a #name the person typed as the channel name', async () => {
    const res = await h.slash({ command: '/echo', text: '#general hello' });
    await responses(res.responseId);
    expect(seen.at(-1)!.args.options.where).toBe('#general');
  });

  it('acks before a slow handler finishes, then responds when it does', async () => {
    const res = await h.slash({ command: '/slow' });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls.filter((c) => c.responseId === res.responseId)).toHaveLength(0);
    releaseSlow();
    const [call] = await responses(res.responseId);
    expect(bodyOf(call!.body as unknown as SlackMessage)).toContain('done at last');
  });

  it('splits a long reply into several responses, each within Block Kit limits', async () => {
    const res = await h.slash({ command: '/long', text: '60' });
    const calls = await responses(res.responseId, 2);
    await new Promise((r) => setTimeout(r, 100));
    const all = h.fake.calls.filter((c) => c.responseId === res.responseId).map((c) => c.body as unknown as SlackMessage);
    expect(all.length).toBeGreaterThanOrEqual(calls.length);
    for (const m of all) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      for (const b of m.blocks) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(bodyOf(m)).toContain('<https://news.example/one|One source>');
    }
    expect(bodyOf(all[0]!)).toContain('Line 0 ');
    expect(bodyOf(all.at(-1)!)).toContain('Line 59 ');
  });

  it('never uses a response_url more than five times, and says the reply was cut', async () => {
    const res = await h.slash({ command: '/long', text: '2000' });
    await responses(res.responseId, 5);
    await new Promise((r) => setTimeout(r, 200));
    const all = h.fake.calls.filter((c) => c.responseId === res.responseId).map((c) => c.body as unknown as SlackMessage);
    expect(all).toHaveLength(5);
    expect(bodyOf(all[4]!)).toMatch(/Reply cut short: \d+ more lines not shown/);
  });

  it('turns a handler that throws into a private error reply naming the command', async () => {
    const res = await h.slash({ command: '/boom' });
    const [call] = await responses(res.responseId);
    const m = call!.body as unknown as SlackMessage;
    expect(m.response_type).toBe('ephemeral');
    expect(bodyOf(m)).toContain('/boom failed unexpectedly');
    expect(h.services.lines.some((l) => l.startsWith('[error] /boom failed') && l.includes('kaboom'))).toBe(true);
  });

  it('logs an answer lost to an expired response_url, naming the command and channel', async () => {
    await h.slash({ command: '/echo', text: 'C0X hi', channel: 'C0LOST' }, 'expired-1');
    await h.fake.waitFor((c) => c.responseId === 'expired-1');
    await new Promise((r) => setTimeout(r, 100));
    const line = h.services.lines.find((l) => l.startsWith('[warn] Slack response could not be delivered'));
    expect(line).toContain('"command":"/echo"');
    expect(line).toContain('"channel":"C0LOST"');
    expect(line).toContain('404');
  });
});
