import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/server.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'factfeed-shutdown-'));
let fake: FakeDiscord | undefined;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const waitFor = async (check: () => boolean, ms: number): Promise<boolean> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
};

// The real bot process against the fake Discord; the fake then goes away (discord.js starts
// reconnecting) and the bot gets SIGTERM: it must exit within its deadline, saying what did not stop.
describe('stopping the bot while Discord is unreachable', () => {
  it('exits within the shutdown deadline, non-zero and naming discord if the client did not stop', async () => {
    const child = spawn(process.execPath, [join(root, 'bin/factfeed.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '', FACTFEED_DB: join(dir, 'bot.db'), FACTFEED_SAMPLE_FEED: '',
        DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: fake!.applicationId, DISCORD_API_BASE: fake!.apiBase,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(await waitFor(() => fake!.gatewayFrames.some((f) => f.op === 2), 30_000)).toBe(true);
    await fake!.close();
    fake = undefined;
    await new Promise((r) => setTimeout(r, 500));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    if (code === 'hung') child.kill('SIGKILL');
    expect(code, stderr).not.toBe('hung');
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    if (code !== 0) expect(stderr).toMatch(/without a clean shutdown of: .*discord|discord client was still running/);
  }, 60_000);
});
