/** Contracts of the ingest edge: safe HTTP fetching and parsed feeds. */

export interface FetchOptions {
  /** Conditional GET validators from the last successful fetch. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Overrides the configured User-Agent (per-source setting). */
  userAgent?: string | undefined;
  accept?: string | undefined;
  timeoutMs?: number | undefined;
  maxBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True on 304: nothing changed, body is empty. */
  notModified: boolean;
  contentType?: string | undefined;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Raw (decompressed) bytes. */
  body: Buffer;
  /** Body decoded to text using the declared charset (HTTP header, XML declaration or <meta>), UTF-8 otherwise. */
  text(): string;
}

export type FetchErrorCode =
  | 'bad_url'
  | 'private_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network'
  /** The site's robots.txt disallows the address (article pages only; feeds are asked for by people). */
  | 'disallowed';

/** Every failure names the URL and what went wrong, so a user can act on it. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    readonly status?: number,
    /** How long the server asked us to wait (Retry-After on a 429 or 503), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(`${message} (${url})`);
    this.name = 'FetchError';
  }
}

export type Fetcher = (url: string, options?: FetchOptions) => Promise<FetchResult>;

export interface FeedItem {
  guid?: string | undefined;
  link?: string | undefined;
  title: string;
  published?: Date | undefined;
  author?: string | undefined;
  /** Body as HTML when the feed carries it (content:encoded, atom content). */
  contentHtml?: string | undefined;
  /** Plain text of the best body the feed carries (full content if present, else the summary). */
  text: string;
  /** True when the feed gives only a teaser and the article page should be fetched for full text. */
  isTeaser: boolean;
}

export interface ParsedFeed {
  title?: string | undefined;
  link?: string | undefined;
  items: FeedItem[];
}

export class FeedError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${message} (${source})`);
    this.name = 'FeedError';
  }
}
