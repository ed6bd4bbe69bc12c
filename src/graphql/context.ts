/**
 * The per-request context: who is asking, an executor that counts this request's round trips,
 * and fresh DataLoaders so caching never leaks between requests.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  executor: Executor;
  loaders: Loaders;
  /** The holder of the request's valid bearer token, or null without one. */
  viewer: Viewer | null;
  /** True when the request carried a bearer token that matches none we know. */
  invalidToken: boolean;
}

export function createRequestContext(
  base: Executor,
  viewer: Viewer | null = null,
  invalidToken = false,
): GraphQLContext {
  const executor = base.scoped();
  return { executor, loaders: createLoaders(executor), viewer, invalidToken };
}
