import { describe, expect, it } from 'vitest';
import { stopWithin } from '../src/shutdown.ts';

describe('stopping with a deadline', () => {
  it('runs every step in order and reports success when all finish in time', async () => {
    const order: string[] = [];
    const out = await stopWithin(
      [
        { name: 'deliveries', run: async () => void order.push('deliveries') },
        { name: 'discord', run: async () => void order.push('discord') },
      ],
      1000,
    );
    expect(out).toEqual({ ok: true, unfinished: [] });
    expect(order).toEqual(['deliveries', 'discord']);
  });

  it('gives up at the deadline and names the step that never finished (a client stuck reconnecting)', async () => {
    const started = Date.now();
    const out = await stopWithin(
      [
        { name: 'deliveries', run: async () => undefined },
        { name: 'discord', run: () => new Promise(() => undefined) },
      ],
      200,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out).toEqual({ ok: false, unfinished: ['discord'] });
  });

  it('names a step that failed', async () => {
    const out = await stopWithin([{ name: 'slack', run: async () => Promise.reject(new Error('socket closed badly')) }], 1000);
    expect(out).toEqual({ ok: false, unfinished: ['slack'] });
  });
});
