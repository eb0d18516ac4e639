import type { QueryConfig, QueryResult } from 'pg';

/** A pool or one transaction's connection: repositories run the same SQL on either. */
export interface Queryable {
  query(text: string | QueryConfig, params?: unknown[]): Promise<QueryResult>;
}

export async function rows<T>(db: Queryable, text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows as T[];
}

/**
 * Rows of a named statement: each connection parses and plans it once, then only binds and runs it.
 * For the few statements an answer runs, where parsing cost as much as running.
 */
export async function prepared<T>(db: Queryable, name: string, text: string, params: unknown[]): Promise<T[]> {
  return (await db.query({ name, text, values: params })).rows as T[];
}

export async function one<T>(db: Queryable, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query(text, params)).rows[0] as T | undefined;
}

/** Rows an INSERT, UPDATE or DELETE touched. */
export async function changes(db: Queryable, text: string, params: unknown[] = []): Promise<number> {
  return (await db.query(text, params)).rowCount ?? 0;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

// Rows come back shaped as SQLite's (booleans as 1/0, JSON as text), so both stores share one
// mapping from rows to objects (feeds.ts, sources.ts, …) and answer alike.
export const FEED_COLUMNS = `f.id, f.url, f.kind, f.title, f.site_url, f.user_agent, f.private_to, f.etag, f.last_modified,
  f.last_polled_at, f.last_success_at, f.last_error, f.last_error_at, f.consecutive_failures, f.failing_since, f.next_poll_at,
  f.paused_at, f.pause_notified::int AS pause_notified, f.first_poll_done::int AS first_poll_done`;

export const ARTICLE_COLUMNS = `a.id, a.feed_id, a.guid, a.url, a.url_norm, a.title, a.author, a.published_at, a.fetched_at, a.updated_at,
  a.teaser, a.text, a.content_hash, a.title_hash, a.full_text_fetched::int AS full_text_fetched, a.topics`;

export const SUBSCRIPTION_COLUMNS = `id, tenant, platform, channel, include_terms::text AS include_terms, exclude_terms::text AS exclude_terms,
  digest_cron, digest_tz, last_digest_at, next_digest_at, created_at, created_by, disabled_at, disabled_reason`;

export const OUTBOX_SELECT = `SELECT o.id, o.subscription_id, o.article_id, o.kind, o.dedupe_key, o.payload::text AS payload, o.created_at,
  o.not_before, o.attempts, o.last_error, o.sent_at, o.failed_at, o.attempted_at, s.tenant, s.platform, s.channel
  FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id`;
