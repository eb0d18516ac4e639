import type { Clock } from '../../clock.ts';
import type { Logger } from '../../log.ts';

/** The one Web API call the admin check needs; a WebClient satisfies it. */
export interface UsersInfoClient {
  users: {
    info(args: { user: string }): Promise<{ ok?: boolean; user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }>;
  };
}

export interface AdminCheckOptions {
  clock: Clock;
  log: Logger;
  /** How long an answer is trusted; short, so a demoted admin loses rights soon. */
  ttlMs?: number;
}

export type AdminCheck = (team: string, user: string) => Promise<boolean>;

export const DEFAULT_ADMIN_TTL_MS = 60_000;

/**
 * "Admin" on Slack means a workspace admin or owner, looked up with users.info (users:read scope).
 * A failed lookup answers false (fail closed) and is not cached, so the next command asks again.
 */
export function createAdminCheck(client: UsersInfoClient, options: AdminCheckOptions): AdminCheck {
  const ttl = options.ttlMs ?? DEFAULT_ADMIN_TTL_MS;
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (team, user) => {
    const key = `${team}:${user}`;
    const now = options.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.admin;
    try {
      const res = await client.users.info({ user });
      const u = res.user ?? {};
      const admin = Boolean(u.is_admin || u.is_owner || u.is_primary_owner);
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { admin, until: now + ttl });
      return admin;
    } catch (err) {
      options.log.warn('Slack users.info failed; treating the user as not an admin', { team, user, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  };
}
