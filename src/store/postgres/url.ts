// Apart from pool.ts, so naming a database in a message does not load the PostgreSQL driver.

/** The address with its password hidden, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an address that is not a URL)';
  }
}
