/**
 * The closed set of error codes users see in `extensions.code`. Every error meant for a user is
 * created here; anything else is masked as an unexpected error outside development.
 */
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'TIMEOUT',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Builds a GraphQL error that reaches the client with its code and, when given, the argument. */
export function userError(
  code: ErrorCode,
  message: string,
  details: { argument?: string; suggestions?: readonly string[]; candidates?: readonly unknown[] } = {},
): GraphQLError {
  return createGraphQLError(message, { extensions: { code, ...details } });
}

export function badInput(argument: string, message: string): GraphQLError {
  return userError('BAD_USER_INPUT', `${argument}: ${message}`, { argument });
}
