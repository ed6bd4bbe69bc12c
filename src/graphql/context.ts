/**
 * The per-request context: who is asking, an executor that counts this request's round trips,
 * and fresh DataLoaders so caching never leaks between requests.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { FULL_ROWS, type BriefRows } from './briefRows.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  executor: Executor;
  loaders: Loaders;
  /** How the request reads rows: set once its operation is known (src/server/plugins/sharedReads.ts). */
  reads: RequestReads;
  /** The holder of the request's valid bearer token, or null without one. */
  viewer: Viewer | null;
  /** True when the request carried a bearer token that matches none we know. */
  invalidToken: boolean;
}

export interface RequestReads {
  /** The rows that statements returning rows with their parents may return brief. */
  brief: BriefRows;
}

export function createRequestContext(
  base: Executor,
  viewer: Viewer | null = null,
  invalidToken = false,
): GraphQLContext {
  const executor = base.scoped();
  // One object, shared with the loaders, so the plugin that sets it reaches them however the
  // server copies the context.
  const reads: RequestReads = { brief: FULL_ROWS };
  return { executor, loaders: createLoaders(executor, reads), reads, viewer, invalidToken };
}
