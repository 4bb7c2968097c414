/**
 * The database could not be reached or lost the connection during a statement (PostgreSQL restarting,
 * network cut). Thrown by the store in place of the driver's own error, so the core can tell "try again
 * later" from a real failure without knowing the driver. `outcomeUnknown` is true when the connection was
 * lost while a COMMIT was on its way: the transaction may or may not have been committed, so only an
 * idempotent caller (e.g. a submission with its submission key) may run it again.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly code = 'store_unavailable';
  constructor(
    readonly outcomeUnknown: boolean,
    readonly causeCode?: string,
  ) {
    super(outcomeUnknown ? 'the database connection was lost during COMMIT' : 'the database is unavailable');
  }
}

export function isStoreUnavailable(value: unknown): value is StoreUnavailableError {
  return value instanceof StoreUnavailableError;
}
