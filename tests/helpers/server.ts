import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Every request path seen, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback (port 0) for tests that fetch feeds or pages. */
export async function startTestServer(handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void): Promise<TestServer> {
  const hits: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
