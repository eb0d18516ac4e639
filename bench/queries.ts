import { registry } from '../commands/index.ts';
import { runCommand } from '../commands/dispatch.ts';
import type { Invocation } from '../commands/types.ts';
import type { Reply } from '../src/reply/model.ts';
import { renderText } from '../src/reply/text.ts';
import type { Services } from '../src/services.ts';
import { LOCAL_TENANT } from '../src/app.ts';
import type { KnownAnswer } from './corpus.ts';
import { latency, type Latency } from './stats.ts';

const invocation: Invocation = { platform: 'cli', tenant: LOCAL_TENANT, isAdmin: false, allowLocalFiles: false };

/** Runs one command the way every platform does (registry dispatch) and renders it as text. */
export async function ask(services: Services, command: 'figures' | 'summary', topic: string, as: Invocation = invocation): Promise<{ reply: Reply; text: string }> {
  const reply = await runCommand(registry, { services, invocation: as }, command, { options: { topic } });
  return { reply, text: renderText(reply) };
}

export interface QueryLatency {
  figures: Latency;
  summary: Latency;
  /** Queries that came back with no answer (info or error replies). */
  empty: number;
}

/**
 * Latency from command dispatch to rendered text, `total` queries per command, cycling through
 * the topics. A short warm-up first, so statement preparation is not counted as a user's wait.
 */
export async function measureQueries(services: Services, topics: readonly string[], total: number): Promise<QueryLatency> {
  for (const t of topics.slice(0, 5)) {
    await ask(services, 'figures', t);
    await ask(services, 'summary', t);
  }
  const samples = { figures: [] as number[], summary: [] as number[] };
  let empty = 0;
  for (let i = 0; i < total; i++) {
    const topic = topics[i % topics.length]!;
    for (const command of ['figures', 'summary'] as const) {
      const t0 = performance.now();
      const { reply } = await ask(services, command, topic);
      samples[command].push(performance.now() - t0);
      if (reply.kind !== 'answer') empty++;
    }
  }
  return { figures: latency(samples.figures), summary: latency(samples.summary), empty };
}

export interface AnswerCheck {
  command: string;
  topic: string;
  expected: string;
  ok: boolean;
  detail: string;
}

const VALUE_TOLERANCE = 1e-6;

/**
 * The newest article on a topic reports a known figure: /figures must list that value and show it,
 * /summary must answer and show it among its key figures or lines.
 */
export async function checkAnswers(services: Services, known: readonly KnownAnswer[]): Promise<AnswerCheck[]> {
  const out: AnswerCheck[] = [];
  for (const k of known) {
    const { reply, text } = await ask(services, k.command, k.topic);
    const shown = /\d[\d,.]*/.exec(k.raw)?.[0] ?? k.raw;
    const check = { command: `/${k.command}`, topic: k.topic, expected: k.raw };
    if (reply.kind !== 'answer') {
      out.push({ ...check, ok: false, detail: `no answer (${reply.kind}: ${reply.intro ?? ''})` });
      continue;
    }
    let listed = true;
    if (k.command === 'figures') {
      const figures = (reply.data as { figures?: { value: number }[] } | undefined)?.figures ?? [];
      listed = figures.some((f) => Math.abs(f.value - k.value) <= VALUE_TOLERANCE * Math.max(1, Math.abs(k.value)));
    }
    const ok = listed && text.includes(shown);
    out.push({ ...check, ok, detail: ok ? 'found' : `${listed ? '' : 'value not among the figures; '}"${shown}" ${text.includes(shown) ? 'shown' : 'not shown'}` });
  }
  return out;
}
