/**
 * GET /health answers 200 "ready" only when Neo4j answers a read; 503 with the reason otherwise.
 * (Yoga's own endpoint, moved to /live, says only that the process runs.)
 */
import type { Plugin } from 'graphql-yoga';
import type { Executor } from '../../db/executor.js';

export function useReadiness(executor: Executor, path = '/health'): Plugin {
  return {
    async onRequest(payload) {
      const { request, url, fetchAPI } = payload;
      if (url.pathname !== path || request.method !== 'GET') return;
      const headers = { 'content-type': 'application/json' };
      try {
        await executor.ping();
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ status: 'ready', neo4j: 'up' }), { status: 200, headers }),
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ status: 'unavailable', neo4j: 'down', reason }), {
            status: 503,
            headers,
          }),
        );
      }
    },
  };
}
