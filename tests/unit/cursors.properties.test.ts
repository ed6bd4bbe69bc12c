/**
 * Properties of the Relay cursors used for pagination: every cursor the API issues reads back
 * as its offset, and every other string is refused as BAD_USER_INPUT naming `after`.
 */
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cursorFor, MAX_CURSOR_OFFSET, MAX_PAGE_SIZE, offsetAfter } from '../../src/graphql/resolvers/arguments.js';

/** Neo4j's list indexes are 32-bit. */
const INT32_MAX = 2 ** 31 - 1;

function refusal(after: string): { code: unknown; argument: unknown } | null {
  try {
    offsetAfter(after);
    return null;
  } catch (error) {
    // A GraphQLError from any copy of graphql: compare by name, not by class.
    expect((error as Error).name).toBe(GraphQLError.name);
    const extensions = (error as GraphQLError).extensions;
    return { code: extensions['code'], argument: extensions['argument'] };
  }
}

describe('cursors: properties', () => {
  it('read back every offset they were made from: the next page starts one after', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CURSOR_OFFSET }), (offset) => {
        expect(offsetAfter(cursorFor(offset))).toBe(offset + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep the end of the next page within 32-bit list indexes', () => {
    expect(offsetAfter(cursorFor(MAX_CURSOR_OFFSET)) + MAX_PAGE_SIZE).toBeLessThanOrEqual(INT32_MAX);
  });

  it('refuse offsets past the limit, 2^31 and beyond included, as BAD_USER_INPUT', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_CURSOR_OFFSET + 1, max: Number.MAX_SAFE_INTEGER }), (offset) => {
        expect(refusal(cursorFor(offset))).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      }),
    );
    expect(refusal(cursorFor(2 ** 31))).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('accept a string only if it is exactly a cursor the API issues; refuse any other as BAD_USER_INPUT', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.base64String(),
      fc.string().map((s) => Buffer.from(`offset:${s}`).toString('base64url')),
      fc.double().map((n) => Buffer.from(`offset:${n}`).toString('base64url')),
      fc.integer({ min: 0, max: 1000 }).map((n) => Buffer.from(`offset:${n}`).toString('base64')),
      fc.integer({ min: 0, max: 1000 }).map((n) => `${cursorFor(n)}=`),
    );
    fc.assert(
      fc.property(garbage, (after) => {
        const refused = refusal(after);
        if (refused === null) expect(cursorFor(offsetAfter(after) - 1)).toBe(after);
        else expect(refused).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      }),
      { numRuns: 2000 },
    );
  });
});
