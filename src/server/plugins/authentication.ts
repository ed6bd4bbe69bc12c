/**
 * Refuses, before anything executes, a request whose bearer token is unknown, and (with
 * READS_REQUIRE_TOKEN) a request without one. Mutations check the editor role themselves.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ApiToken } from '../../auth/tokens.js';
import { verifyToken, type Viewer } from '../../auth/tokens.js';
import type { GraphQLContext } from '../../graphql/context.js';

/** Reads `Authorization: Bearer <token>`; `invalid` when a token is given that we do not know. */
export function authenticate(
  tokens: readonly ApiToken[],
  header: string | null,
): { viewer: Viewer | null; invalid: boolean } {
  if (header === null || header.trim() === '') return { viewer: null, invalid: false };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const viewer = match?.[1] === undefined ? null : verifyToken(tokens, match[1]);
  return { viewer, invalid: viewer === null };
}

export function useAuthentication(readsRequireToken: boolean): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const refuse = (message: string) =>
        setResultAndStopExecution({
          errors: [createGraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } })],
        });
      if (ctx.invalidToken) refuse('The bearer token is not valid.');
      else if (readsRequireToken && ctx.viewer === null) refuse('This server needs a bearer token for every request.');
    },
  };
}
