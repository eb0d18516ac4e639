import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every setting factfeed reads from the environment, validated once at start-up.
 * A bad value stops start-up with one message naming every bad variable at once.
 * Keep .env.example in step with this schema (a test checks they match).
 */
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const envSchema = z.object({
  FACTFEED_DB: z.string().min(1).default('data/factfeed.db'),
  FACTFEED_DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'a PostgreSQL address such as postgres://user:password@host:5432/factfeed' }).optional(),
  ),
  FACTFEED_TZ: z.string().default('UTC').refine(isTimeZone, 'an IANA time zone such as UTC or Europe/Kyiv'),
  FACTFEED_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  FACTFEED_SAMPLE_FEED: z.string().default('data/sample-feed.xml'),
  FACTFEED_ALLOW_PRIVATE: bool.default(false),
  FACTFEED_USER_AGENT: z.string().min(1).default('factfeed/0.1 (+https://github.com/factfeed/factfeed; news fact bot)'),
  FACTFEED_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  FACTFEED_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  FACTFEED_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  FACTFEED_POLL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  FACTFEED_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
  FACTFEED_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(60).default(5),
  FACTFEED_CONSOLE_WEBHOOK: optionalString.pipe(z.url().optional()),
  FACTFEED_SEND_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  // Off by default: on the 2-core bench machine threads cost more in copying and memory than they gained.
  FACTFEED_EXTRACT_THREADS: z.union([z.literal('auto'), z.coerce.number().int().min(0).max(16)]).default(0),
  FACTFEED_POLL_LEASE_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(600),
  FACTFEED_SEND_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_PUBLIC_KEY: optionalString,
  DISCORD_API_BASE: optionalString.pipe(z.url().optional()),
  DISCORD_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DISCORD_SHARDS: optionalString.pipe(
    z
      .string()
      .regex(/^(auto|[1-9]\d{0,3})$/, "'auto' or the bot's number of shards (1 to 9999)")
      .transform((v): 'auto' | number => (v === 'auto' ? 'auto' : Number(v)))
      .optional(),
  ),
  DISCORD_SHARD_IDS: optionalString.pipe(
    z.string().regex(/^\d+(\s*,\s*\d+)*$/, 'shard numbers separated by commas, such as 0,1').transform((v) => v.split(',').map(Number)).optional(),
  ),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(z.url().optional()),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type Env = z.infer<typeof envSchema>;

export type Platform = 'console' | 'discord' | 'slack';

export interface Config {
  dbPath: string;
  /** A PostgreSQL store instead of the SQLite file (FACTFEED_DATABASE_URL); undefined: SQLite. */
  databaseUrl?: string | undefined;
  timeZone: string;
  logLevel: Env['FACTFEED_LOG_LEVEL'];
  sampleFeed: string;
  allowPrivate: boolean;
  userAgent: string;
  fetchTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  pollMinutes: number;
  pollConcurrency: number;
  postsPerMinute: number;
  /** Console mode: POST each delivery as JSON here instead of printing it. */
  consoleWebhook?: string | undefined;
  /** Testing only: pause before each delivery is sent (crash tests aim at this window). */
  sendDelayMs: number;
  /** Worker threads that extract facts (FACTFEED_EXTRACT_THREADS); 0 extracts on the main thread. */
  extractThreads: number;
  /** PostgreSQL: how long a process holds a feed it polls, and the deliveries of one drain, before others may take them. */
  leases: { pollMs: number; sendMs: number };
  platform: Platform;
  discord: {
    token?: string | undefined;
    applicationId?: string | undefined;
    guildId?: string | undefined;
    publicKey?: string | undefined;
    apiBase?: string | undefined;
    httpPort?: number | undefined;
    /** Gateway sharding (DISCORD_SHARDS, DISCORD_SHARD_IDS); undefined: one shard. */
    shards?: ShardPlan | undefined;
  };
  slack: {
    botToken?: string | undefined;
    signingSecret?: string | undefined;
    appToken?: string | undefined;
    apiUrl?: string | undefined;
    port?: number | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Which gateway shards this process runs. */
export interface ShardPlan {
  /** 'auto': as many as Discord recommends, all run here; a number: the bot's total shard count. */
  count: 'auto' | number;
  /** The shards this process runs, of `count`; all of them when absent. */
  ids?: number[] | undefined;
}

export interface ConfigOverrides {
  db?: string | undefined;
}

/** Reads the environment (and CLI overrides such as --db) into a Config, or throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    // An empty numeric variable in .env means "use the default", not "zero".
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      const got = env[key];
      return `${key}: ${issue.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DISCORD_PUBLIC_KEY && !/^[0-9a-fA-F]{64}$/.test(e.DISCORD_PUBLIC_KEY)) {
    problems.push('DISCORD_PUBLIC_KEY: expected the 64 hex characters shown on the Developer Portal');
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (e.DISCORD_SHARD_IDS && typeof e.DISCORD_SHARDS !== 'number') {
    problems.push('DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the bot\'s number of shards, which the ids count up to');
  } else if (e.DISCORD_SHARD_IDS && e.DISCORD_SHARD_IDS.some((id) => id >= (e.DISCORD_SHARDS as number))) {
    problems.push(`DISCORD_SHARD_IDS: each must be below DISCORD_SHARDS (${e.DISCORD_SHARDS}); shards count from 0`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const platform: Platform = e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY ? 'discord' : e.SLACK_BOT_TOKEN ? 'slack' : 'console';
  return {
    dbPath: overrides.db ?? e.FACTFEED_DB,
    databaseUrl: e.FACTFEED_DATABASE_URL,
    timeZone: e.FACTFEED_TZ,
    logLevel: e.FACTFEED_LOG_LEVEL,
    // Empty means "no sample feed" (as .env.example says), unlike numbers, where empty means the default.
    sampleFeed: env.FACTFEED_SAMPLE_FEED === '' ? '' : e.FACTFEED_SAMPLE_FEED,
    allowPrivate: e.FACTFEED_ALLOW_PRIVATE,
    userAgent: e.FACTFEED_USER_AGENT,
    fetchTimeoutMs: e.FACTFEED_FETCH_TIMEOUT_MS,
    maxBytes: e.FACTFEED_MAX_BYTES,
    maxRedirects: e.FACTFEED_MAX_REDIRECTS,
    pollMinutes: e.FACTFEED_POLL_MINUTES,
    pollConcurrency: e.FACTFEED_POLL_CONCURRENCY,
    postsPerMinute: e.FACTFEED_POSTS_PER_MINUTE,
    consoleWebhook: e.FACTFEED_CONSOLE_WEBHOOK,
    sendDelayMs: e.FACTFEED_SEND_DELAY_MS,
    extractThreads: e.FACTFEED_EXTRACT_THREADS === 'auto' ? autoExtractThreads() : e.FACTFEED_EXTRACT_THREADS,
    leases: { pollMs: e.FACTFEED_POLL_LEASE_SECONDS * 1000, sendMs: e.FACTFEED_SEND_LEASE_SECONDS * 1000 },
    platform,
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      publicKey: e.DISCORD_PUBLIC_KEY,
      apiBase: e.DISCORD_API_BASE,
      httpPort: e.DISCORD_HTTP_PORT,
      shards: e.DISCORD_SHARDS === undefined ? undefined : { count: e.DISCORD_SHARDS, ids: e.DISCORD_SHARD_IDS },
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      port: e.SLACK_PORT,
    },
  };
}

/** One extraction thread per core, up to four: beyond that the main thread's storing is the limit. */
function autoExtractThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}
