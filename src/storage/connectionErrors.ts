/**
 * Tells a lost or refused database connection from every other error. Covers PostgreSQL's SQLSTATE class 08
 * (connection exception), 57P01–57P03 (administrator / crash shutdown, cannot connect now), the socket errors
 * Node reports when the server is gone, and the plain errors `pg` raises for a connection that ended (they
 * carry no code, only a message).
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
const PG_MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection closed',
];

export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || SERVER_CODES.has(code) || SOCKET_CODES.has(code))) return true;
  return typeof message === 'string' && PG_MESSAGES.some((m) => message.includes(m));
}

/** The error's code when it has a string one (for logs), else undefined. */
export function errorCodeOf(err: unknown): string | undefined {
  const code = err && typeof err === 'object' ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
