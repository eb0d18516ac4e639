import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../clock.ts';
import type { Store, Source } from '../store/index.ts';
import { FeedError, FetchError, type Fetcher, type ParsedFeed } from './types.ts';
import { parseFeed, readFeedFile } from './feed.ts';
import { discoverFeeds } from './discover.ts';
import { hasCredentials, normalizeUrl, redactUrl } from './url.ts';

export interface AddSourceRequest {
  tenant: string;
  /** A feed URL, a web page that links to its feed, or (CLI/console only) a local file path. */
  input: string;
  intervalMinutes?: number | undefined;
  allowLocalFiles: boolean;
  addedBy?: string | undefined;
}

export class SourceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceInputError';
  }
}

/**
 * Feeds behind a password are refused: factfeed would have to keep the password and could not keep
 * it out of /sources, which every member may run. Said before anything is fetched or stored.
 */
function refuseCredentials(url: string): void {
  if (hasCredentials(url)) {
    throw new SourceInputError(
      `${redactUrl(url)} contains a user name or password. factfeed does not follow password-protected feeds, because everyone who runs /sources would see the address; use the feed's public address (or a private token URL without user:password@).`,
    );
  }
}

const looksLikeUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * Validates a new source by fetching and parsing it before anything is saved, so a typo, a 404
 * or an HTML page never becomes a source that fails forever. Given a web page, follows its
 * <link rel="alternate"> to the feed.
 */
export async function addSource(deps: { store: Store; fetch: Fetcher; clock: Clock }, req: AddSourceRequest): Promise<{ source: Source; feed: ParsedFeed }> {
  const input = req.input.trim();
  if (!input) throw new SourceInputError('Give the address of an RSS or Atom feed.');
  if (!looksLikeUrl(input)) {
    if (!req.allowLocalFiles) throw new SourceInputError(`"${input}" is not a web address; sources added from chat must be http(s) URLs.`);
    const path = resolve(input);
    if (!existsSync(path) || !statSync(path).isFile()) throw new SourceInputError(`No such feed file: ${path}`);
    const feed = await parseFeed(await readFeedFile(path), path);
    const source = await deps.store.sources.add({ tenant: req.tenant, url: path, kind: 'file', title: feed.title, siteUrl: feed.link, intervalMinutes: req.intervalMinutes, addedBy: req.addedBy }, deps.clock.now());
    return { source, feed };
  }
  if (!/^https?:\/\//i.test(input)) throw new SourceInputError(`Only http and https feeds are supported (got ${redactUrl(input)}).`);
  refuseCredentials(input);
  let url = input;
  let res = await deps.fetch(url);
  let feed: ParsedFeed;
  try {
    feed = await parseFeed(res.text(), url);
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    const candidates = discoverFeeds(res.text(), res.url);
    const first = candidates[0];
    if (!first) throw new SourceInputError(`${input} is not an RSS or Atom feed, and the page links to none.`);
    url = first;
    refuseCredentials(url);
    res = await deps.fetch(url);
    feed = await parseFeed(res.text(), url);
  }
  // Servers that follow one address share one feed: one fetch per poll, one stored copy of each article.
  const source = await deps.store.sources.add(
    { tenant: req.tenant, url, urlKey: normalizeUrl(url), private: hasCredentials(url), kind: 'url', title: feed.title, siteUrl: feed.link, intervalMinutes: req.intervalMinutes, addedBy: req.addedBy },
    deps.clock.now(),
  );
  return { source, feed };
}

/** A message for people: what failed with which address, without a stack. */
export function describeSourceError(err: unknown): string {
  if (err instanceof FetchError) {
    switch (err.code) {
      case 'private_address':
        return `Refused: ${err.url} points at a private or local network address.`;
      case 'timeout':
        return `${err.url} did not answer in time.`;
      case 'too_large':
        return `${err.url} sent more data than a feed should.`;
      case 'http_status':
        return `${err.url} answered ${err.message.replace(/\s*\(.*\)$/, '')}.`;
      default:
        return err.message;
    }
  }
  return err instanceof Error ? err.message : String(err);
}
