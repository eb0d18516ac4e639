import type { Awaitable } from './types.ts';

/**
 * Code that reads the store through `yield* wait(…)` runs synchronously when every value it waits
 * for is already there (SQLite), and becomes a promise only at the first one that is not
 * (PostgreSQL). The ingest path uses it so SQLite stores articles with no promise per call, and so
 * callers that hold a SQLite store (tools, the eval) keep a synchronous answer.
 */
export type Steps<T> = Generator<unknown, T, unknown>;

/** Waits for one value inside a run() body; typed, unlike a bare yield. */
export function* wait<T>(value: Awaitable<T>): Generator<unknown, T, unknown> {
  return (isPromise(value) ? yield value : value) as T;
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** Runs the steps: their result now if none had to wait, else a promise of it. */
export function run<T>(steps: Steps<T>): Awaitable<T> {
  let next = steps.next();
  while (!next.done) {
    if (isPromise(next.value)) return finish(steps, next.value);
    next = steps.next(next.value);
  }
  return next.value;
}

async function finish<T>(steps: Steps<T>, pending: Promise<unknown>): Promise<T> {
  let next: IteratorResult<unknown, T>;
  try {
    next = steps.next(await pending);
  } catch (err) {
    next = steps.throw(err);
  }
  while (!next.done) {
    try {
      next = steps.next(await next.value);
    } catch (err) {
      next = steps.throw(err);
    }
  }
  return next.value;
}
