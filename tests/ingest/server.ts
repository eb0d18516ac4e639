import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createFetcher } from '../../src/ingest/http.ts';
import type { FetcherOptions } from '../../src/ingest/http.ts';
import { FetchError } from '../../src/ingest/types.ts';

/** A real HTTP server on 127.0.0.1 with a random port, for fetcher tests. */
export interface TestServer {
  url: string;
  port: number;
  /** Every request the server received, in order. */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Servers started through this are closed after each test of the file that calls it. */
export function useServers(): (handler: http.RequestListener) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const s = await startServer(handler);
    servers.push(s);
    return s;
  };
}

/** A fetcher with small, test-friendly limits; loopback allowed unless overridden. */
export function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  return createFetcher({
    allowPrivate: true,
    userAgent: 'factfeed-test/1.0',
    timeoutMs: 2000,
    maxBytes: 64 * 1024,
    maxRedirects: 3,
    ...overrides,
  });
}

/** The FetchError code a fetch ends with, or 'ok'. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    return err.code;
  }
}

/** The FetchError a fetch must end with. */
export async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}
