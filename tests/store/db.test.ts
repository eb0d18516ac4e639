import { describe, expect, it } from 'vitest';
import { openDatabase, statements } from '../../src/store/db.ts';

describe('openDatabase', () => {
  it('sets the pragmas every connection relies on', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('cache_size', { simple: true })).toBe(-16384);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    db.close();
  });
});

describe('statements', () => {
  it('prepares each SQL text once per connection and keeps connections apart', () => {
    const a = openDatabase(':memory:');
    const b = openDatabase(':memory:');
    const sqlA = statements(a);
    const first = sqlA('SELECT count(*) AS n FROM sources');
    expect(statements(a)('SELECT count(*) AS n FROM sources')).toBe(first);
    expect(sqlA('SELECT count(*) AS n FROM articles')).not.toBe(first);
    const onB = statements(b)('SELECT count(*) AS n FROM sources');
    expect(onB).not.toBe(first);
    a.exec("INSERT INTO feeds (id, url, url_key, created_at) VALUES (1, 'http://127.0.0.1/a.xml', 'http://127.0.0.1/a.xml', '2025-01-01')");
    a.exec("INSERT INTO sources (tenant, feed_id, added_at) VALUES ('t', 1, '2025-01-01')");
    expect(first.get()).toEqual({ n: 1 });
    expect(onB.get()).toEqual({ n: 0 });
    a.close();
    b.close();
  });
});
