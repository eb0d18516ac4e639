import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from './types.ts';

/**
 * Reads a response body, decompressing it and stopping as soon as the decompressed size passes
 * maxBytes, so an endless body or a gzip bomb costs at most maxBytes of memory.
 */
export function readBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const declared = Number(res.headers['content-length']);
    if (encoding === 'identity' && Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      reject(tooLarge(url, maxBytes));
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let decoder: Transform | undefined;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      res.destroy();
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        fail(tooLarge(url, maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    };
    res.on('error', fail);
    res.on('aborted', () => fail(new FetchError('network', url, 'connection closed before the body was complete')));

    if (encoding === 'identity' || encoding === '') {
      res.on('data', onData);
      res.on('end', onEnd);
      return;
    }
    if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
      fail(new FetchError('network', url, `unsupported Content-Encoding "${encoding}"`));
      return;
    }
    // The decoder is made on the first chunk: an empty body needs none, and deflate's first
    // byte tells zlib-wrapped from the raw deflate some servers send under the same name.
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (!decoder) {
        decoder = makeDecoder(encoding, chunk);
        decoder.on('data', onData);
        decoder.on('end', onEnd);
        decoder.on('error', (err: Error) =>
          fail(new FetchError('network', url, `could not decompress the ${encoding} body: ${err.message}`)),
        );
      }
      if (!decoder.write(chunk)) {
        res.pause();
        decoder.once('drain', () => res.resume());
      }
    });
    res.on('end', () => (decoder ? decoder.end() : onEnd()));
  });
}

function makeDecoder(encoding: string, first: Buffer): Transform {
  if (encoding === 'br') return zlib.createBrotliDecompress();
  if (encoding === 'deflate') return (first[0]! & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
  return zlib.createGunzip();
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return new FetchError('too_large', url, `response is larger than the ${maxBytes}-byte limit`);
}
