import type { Statement } from 'better-sqlite3';
import { statements, type Db } from './db.ts';

export class SettingsRepo {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  get(key: string): string | undefined {
    return (this.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  set(key: string, value: string, now: Date): void {
    this.sql('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, value, now.toISOString());
  }
}
