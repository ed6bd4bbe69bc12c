/**
 * The driver failures a user can act on reach them with a code and a plain message; the rest stay
 * internal. The errors are shaped as neo4j-driver raises them (a `code` from the server).
 */
import { describe, expect, it } from 'vitest';
import { mapDriverError } from '../../src/db/executor.js';

const raised = (code: string) => Object.assign(new Error(`server says ${code}`), { code });
const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;

describe('driver errors', () => {
  it.each([
    ['ServiceUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONFLICT'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'TIMEOUT'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'QUERY_TOO_COMPLEX'],
    ['Neo.TransientError.General.TransactionOutOfMemoryError', 'QUERY_TOO_COMPLEX'],
  ])('%s reaches the user as %s', (server, code) => {
    expect(codeOf(mapDriverError(raised(server)))).toBe(code);
  });

  it('anything else stays the internal error it was, for the log', () => {
    const error = raised('Neo.DatabaseError.General.UnknownError');
    expect(mapDriverError(error)).toBe(error);
  });
});
