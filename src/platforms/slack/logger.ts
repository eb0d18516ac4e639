import { LogLevel } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../log.ts';

/**
 * Bolt and the web-api client log through this, so their messages (rate-limit waits, rejected
 * signatures) land in factfeed's log on stderr rather than in console.log. Level filtering stays
 * with factfeed's logger.
 */
export function boltLogger(log: Logger, name = 'slack'): SlackLogger {
  let level = LogLevel.DEBUG;
  let label = name;
  const text = (msg: unknown[]): string => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => log.debug(`[${label}] ${text(msg)}`),
    info: (...msg: unknown[]) => log.info(`[${label}] ${text(msg)}`),
    warn: (...msg: unknown[]) => log.warn(`[${label}] ${text(msg)}`),
    error: (...msg: unknown[]) => log.error(`[${label}] ${text(msg)}`),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: (n: string) => void (label = n),
  };
}
