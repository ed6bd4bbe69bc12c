/**
 * Limits on what one request may ask: bracket nesting (checked before parsing), depth, cost,
 * aliases, directives and tokens through GraphQL Armor (each refusal carries QUERY_TOO_COMPLEX),
 * and a per-client rate limit (RATE_LIMITED, HTTP 429). Page sizes (`first`) are checked by the resolvers; body size, batching and transaction
 * timeouts by yoga and the executor (see app.ts).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { Source, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiToken } from '../../auth/tokens.js';
import type { Limits } from '../../config.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { authenticate } from './authentication.js';

/** Armor's errors say what was exceeded; the code says it is a limit, not a malformed query. */
function markTooComplex(_: unknown, error: GraphQLError): void {
  (error.extensions as Record<string, unknown>)['code'] = 'QUERY_TOO_COMPLEX';
}

/**
 * How deep `{`, `[` and `(` nest in a GraphQL document, outside strings and comments; stops
 * counting once past `limit`. One linear scan, no recursion.
 */
export function bracketNesting(source: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length && deepest <= limit; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"' && source.startsWith('"""', i)) {
      // A block string ends at the first """ not escaped as \""".
      let close = source.indexOf('"""', i + 3);
      while (close !== -1 && source[close - 1] === '\\') close = source.indexOf('"""', close + 3);
      i = close === -1 ? source.length : close + 2;
    } else if (c === '"') {
      for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/**
 * Refuses a document whose brackets nest past `limit` before the parser sees it: graphql-js parses
 * by recursion, and a list literal nested a few thousand deep (under the token limit) overflows
 * the stack.
 */
export function useNestingLimit(limit: number): Plugin {
  return {
    onParse({ params }) {
      const source: unknown = params.source;
      const text = typeof source === 'string' ? source : source instanceof Source ? source.body : '';
      if (bracketNesting(text, limit) <= limit) return;
      throw createGraphQLError(`Brackets nest deeper than ${limit} levels, the most this API parses.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
      });
    },
  };
}

/** The bracket nesting allowed: well above what MAX_QUERY_DEPTH fields with arguments need. */
export function nestingLimit(limits: Limits): number {
  return Math.max(100, 3 * limits.maxDepth);
}

export function useQueryLimits(limits: Limits, production: boolean): Plugin {
  const onReject = [markTooComplex];
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, onReject, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, onReject, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, onReject, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, onReject, exposeLimits: true },
    maxTokens: { n: limits.maxTokens, onReject, exposeLimits: true },
    // "Did you mean ...?" helps in development and maps the schema for an attacker in production.
    blockFieldSuggestion: { enabled: production },
  });
}

/**
 * At most `perMinute` requests per client and minute: the token's holder when the request has a
 * valid token, else the client's address.
 */
export function useRateLimit(perMinute: number, tokens: readonly ApiToken[]): Plugin<GraphQLContext> {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async onRequest(payload) {
      const { request, serverContext, url, fetchAPI } = payload;
      if (perMinute === 0 || url.pathname !== '/graphql') return;
      const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress;
      // Unknown tokens count against the address, so inventing tokens buys no extra requests.
      const { viewer } = authenticate(tokens, request.headers.get('authorization'));
      const client = viewer ? `token:${viewer.name}` : `ip:${address ?? 'local'}`;
      try {
        await limiter.consume(client);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
        payload.endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Too many requests: at most ${perMinute} a minute. Retry in ${retryAfter} s.`,
                  extensions: { code: 'RATE_LIMITED' },
                },
              ],
            }),
            { status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(retryAfter) } },
          ),
        );
      }
    },
  };
}
