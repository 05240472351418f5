const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const messages = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  // A connection closed after its statement timed out (db/database.ts): the ROLLBACK that follows meets it.
  /Client was closed and is not queryable/i,
];

/**
 * Whether a failure means the database is away or stalled (a restart, a failover, a network cut, a
 * statement cancelled by its timeout), which a request can only answer with "try again later", as
 * opposed to a defect. SQLSTATE classes 08 (connection), 57P0x (shutdown), 53300 (too many
 * connections) and 57014 (cancelled by statement_timeout).
 */
export function databaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (networkCodes.has(code) || code.startsWith('08') || /^57P0\d$/.test(code) || code === '53300' || code === '57014')
    return true;
  if (typeof e.message === 'string' && messages.some((m) => m.test(e.message as string))) return true;
  // Node reports a refused connection to every address of a host as one AggregateError.
  return Array.isArray(e.errors) && e.errors.some(databaseUnavailable);
}
