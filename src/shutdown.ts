/**
 * Stopping with a deadline. Each step (deliveries, then the platform client) runs in order; if they
 * have not all finished within the deadline, the stop gives up and names the ones still running,
 * so a client stuck reconnecting to an unreachable Discord cannot keep the process alive forever.
 */
export interface StopStep {
  name: string;
  run: () => Promise<unknown>;
}

export interface StopOutcome {
  ok: boolean;
  /** Steps that had not finished (or failed) when the stop ended. */
  unfinished: string[];
}

export async function stopWithin(steps: readonly StopStep[], deadlineMs: number): Promise<StopOutcome> {
  const unfinished = new Set(steps.map((s) => s.name));
  const failed: string[] = [];
  const all = (async () => {
    for (const step of steps) {
      try {
        await step.run();
      } catch {
        failed.push(step.name);
      }
      unfinished.delete(step.name);
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), deadlineMs);
  });
  const result = await Promise.race([all.then(() => 'done' as const), timedOut]);
  clearTimeout(timer);
  const left = [...unfinished, ...failed];
  return { ok: result === 'done' && failed.length === 0, unfinished: left };
}
