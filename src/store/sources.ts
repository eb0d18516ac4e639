import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

export interface Source {
  id: number;
  tenant: string;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  siteUrl: string | null;
  intervalMinutes: number;
  userAgent: string | null;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  addedBy: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  pausedAt: string | null;
  pauseNotified: boolean;
  firstPollDone: boolean;
}

export interface NewSource {
  tenant: string;
  url: string;
  kind: 'url' | 'file';
  title?: string | null | undefined;
  siteUrl?: string | null | undefined;
  intervalMinutes?: number | undefined;
  userAgent?: string | null | undefined;
  addedBy?: string | null | undefined;
}

interface Row {
  id: number;
  tenant: string;
  url: string;
  kind: 'url' | 'file';
  title: string | null;
  site_url: string | null;
  interval_minutes: number;
  user_agent: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  added_by: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  paused_at: string | null;
  pause_notified: number;
  first_poll_done: number;
}

const toSource = (r: Row): Source => ({
  id: r.id,
  tenant: r.tenant,
  url: r.url,
  kind: r.kind,
  title: r.title,
  siteUrl: r.site_url,
  intervalMinutes: r.interval_minutes,
  userAgent: r.user_agent,
  etag: r.etag,
  lastModified: r.last_modified,
  addedAt: r.added_at,
  addedBy: r.added_by,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  consecutiveFailures: r.consecutive_failures,
  nextPollAt: r.next_poll_at,
  pausedAt: r.paused_at,
  pauseNotified: r.pause_notified === 1,
  firstPollDone: r.first_poll_done === 1,
});

export class DuplicateSourceError extends Error {
  constructor(readonly existing: Source) {
    super(`That feed is already a source (#${existing.id}: ${existing.title ?? existing.url})`);
    this.name = 'DuplicateSourceError';
  }
}

export class SourceRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  add(s: NewSource, now: Date): Source {
    const existing = this.findByUrl(s.tenant, s.url);
    if (existing) throw new DuplicateSourceError(existing);
    const info = this.sql(
      `INSERT INTO sources (tenant, url, kind, title, site_url, interval_minutes, user_agent, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.tenant, s.url, s.kind, s.title ?? null, s.siteUrl ?? null, s.intervalMinutes ?? 10, s.userAgent ?? null, now.toISOString(), s.addedBy ?? null);
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): Source | undefined {
    const row = this.sql('SELECT * FROM sources WHERE id = ?').get(id) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  /** A source by id, but only within the tenant: one guild must never see or touch another's. */
  getForTenant(tenant: string, id: number): Source | undefined {
    const row = this.sql('SELECT * FROM sources WHERE id = ? AND tenant = ?').get(id, tenant) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  findByUrl(tenant: string, url: string): Source | undefined {
    const row = this.sql('SELECT * FROM sources WHERE tenant = ? AND url = ?').get(tenant, url) as Row | undefined;
    return row ? toSource(row) : undefined;
  }

  list(tenant?: string): Source[] {
    const rows = (
      tenant === undefined
        ? this.sql('SELECT * FROM sources ORDER BY id').all()
        : this.sql('SELECT * FROM sources WHERE tenant = ? ORDER BY id').all(tenant)
    ) as Row[];
    return rows.map(toSource);
  }

  remove(tenant: string, id: number): boolean {
    return this.sql('DELETE FROM sources WHERE id = ? AND tenant = ?').run(id, tenant).changes > 0;
  }

  setTitle(id: number, title: string | null, siteUrl: string | null): void {
    this.sql('UPDATE sources SET title = COALESCE(title, ?), site_url = COALESCE(site_url, ?) WHERE id = ?').run(title, siteUrl, id);
  }

  /** Records a successful poll (including a 304) and clears the failure streak. */
  markSuccess(id: number, now: Date, validators: { etag?: string | undefined; lastModified?: string | undefined } = {}): void {
    this.sql(
      `UPDATE sources SET last_polled_at = ?, last_success_at = ?, consecutive_failures = 0, paused_at = NULL,
         pause_notified = 0, first_poll_done = 1,
         etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)
       WHERE id = ?`,
    ).run(now.toISOString(), now.toISOString(), validators.etag ?? null, validators.lastModified ?? null, id);
  }

  markFailure(id: number, now: Date, error: string, nextPollAt: Date | null, pause: boolean): Source {
    this.sql(
      `UPDATE sources SET last_polled_at = ?, last_error = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1,
         next_poll_at = ?, paused_at = CASE WHEN ? THEN COALESCE(paused_at, ?) ELSE paused_at END
       WHERE id = ?`,
    ).run(now.toISOString(), error, now.toISOString(), nextPollAt?.toISOString() ?? null, pause ? 1 : 0, now.toISOString(), id);
    return this.get(id)!;
  }

  setNextPoll(id: number, at: Date | null): void {
    this.sql('UPDATE sources SET next_poll_at = ? WHERE id = ?').run(at?.toISOString() ?? null, id);
  }

  markPauseNotified(id: number): void {
    this.sql('UPDATE sources SET pause_notified = 1 WHERE id = ?').run(id);
  }

  resume(tenant: string, id: number): boolean {
    return (
      this.sql(
        'UPDATE sources SET paused_at = NULL, pause_notified = 0, consecutive_failures = 0, failing_since = NULL, next_poll_at = NULL WHERE id = ? AND tenant = ?',
      ).run(id, tenant).changes > 0
    );
  }
}
