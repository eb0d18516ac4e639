/**
 * When the database itself fails (the disk is full, or failing), every later write fails the same
 * way: say so plainly, naming the file and what to do, instead of a stack trace or a shrug.
 */
// SQLite result codes that say the database itself is unusable, not that one item was bad.
const STORE_FAILURES = /^SQLITE_(?:FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|NOMEM|PROTOCOL)/;

/** Whether an error is the store failing (so every write would), not one bad input. */
export function isStoreFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORE_FAILURES.test(code);
}

/** The plain explanation of a store failure, naming the database file, or undefined for other errors. */
export function storeFailureMessage(err: unknown, dbPath: string): string | undefined {
  if (!isStoreFailure(err)) return undefined;
  const code = String((err as { code: string }).code);
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_SHMSIZE' || code === 'SQLITE_IOERR_WRITE') {
    return `The disk holding ${dbPath} is full. Free some space and run factfeed poll; nothing already stored was lost.`;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `${dbPath} is busy (another factfeed using it?). Try again in a moment.`;
  if (code.startsWith('SQLITE_READONLY')) return `${dbPath} cannot be written (read-only file or folder). Check its permissions.`;
  return `The database ${dbPath} cannot be used (${code}): check the disk and the file, then run factfeed poll.`;
}
