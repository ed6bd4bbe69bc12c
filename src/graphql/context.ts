/**
 * The per-request context: an executor that counts this request's round trips, and fresh
 * DataLoaders so caching never leaks between requests.
 */
import type { Executor } from '../db/executor.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  executor: Executor;
  loaders: Loaders;
}

export function createRequestContext(base: Executor): GraphQLContext {
  const executor = base.scoped();
  return { executor, loaders: createLoaders(executor) };
}
