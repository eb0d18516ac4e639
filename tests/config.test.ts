import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, envSchema, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('defaults to the console on data/factfeed.db in UTC with no variables set', () => {
    const c = loadConfig({});
    expect(c.platform).toBe('console');
    expect(c.dbPath).toBe('data/factfeed.db');
    expect(c.timeZone).toBe('UTC');
    expect(c.allowPrivate).toBe(false);
  });

  it('loads no sample feed when FACTFEED_SAMPLE_FEED is set empty, and the bundled one when it is unset', () => {
    expect(loadConfig({ FACTFEED_SAMPLE_FEED: '' }).sampleFeed).toBe('');
    expect(loadConfig({}).sampleFeed).toBe('data/sample-feed.xml');
  });

  it('lets FACTFEED_DB and then --db choose the database file', () => {
    expect(loadConfig({ FACTFEED_DB: '/tmp/a.db' }).dbPath).toBe('/tmp/a.db');
    expect(loadConfig({ FACTFEED_DB: '/tmp/a.db' }, { db: '/tmp/b.db' }).dbPath).toBe('/tmp/b.db');
  });

  it('reports every bad variable at once, naming each and what it got', () => {
    let error: unknown;
    try {
      loadConfig({ FACTFEED_TZ: 'Mars/Olympus', FACTFEED_POLL_MINUTES: '0', FACTFEED_ALLOW_PRIVATE: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/FACTFEED_TZ: .*IANA time zone.*"Mars\/Olympus"/);
    expect(problems).toMatch(/FACTFEED_POLL_MINUTES/);
    expect(problems).toMatch(/FACTFEED_ALLOW_PRIVATE/);
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('picks Discord when a token is set and Slack when a Slack bot token is set', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'x' }).platform).toBe('discord');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' }).platform).toBe('slack');
  });

  it('refuses a Discord public key that is not 64 hex characters', () => {
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'abc' })).toThrow(/DISCORD_PUBLIC_KEY/);
  });

  it('takes a postgres:// FACTFEED_DATABASE_URL, and refuses any other address naming the setting', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ FACTFEED_DATABASE_URL: 'postgres://ff:pw@db:5432/factfeed' }).databaseUrl).toBe('postgres://ff:pw@db:5432/factfeed');
    expect(loadConfig({ FACTFEED_DATABASE_URL: 'postgresql://db/factfeed' }).databaseUrl).toBe('postgresql://db/factfeed');
    expect(() => loadConfig({ FACTFEED_DATABASE_URL: 'mysql://db/factfeed' })).toThrow(/FACTFEED_DATABASE_URL: a PostgreSQL address/);
  });

  it('treats empty values in .env as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', FACTFEED_POLL_MINUTES: '' }).pollMinutes).toBe(10);
  });

  it('documents every setting in .env.example, and nothing that does not exist', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
