/**
 * The HTTP application: GraphQL at /graphql with the offline playground, the explorer at
 * /explore (GET / leads there), /health and /live.
 */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Executor } from '../db/executor.js';
import { useSharedReads } from './plugins/sharedReads.js';
import { createRequestContext, type GraphQLContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { playgroundTabs } from './playground.js';
import { authenticate, useAuthentication } from './plugins/authentication.js';
import { useErrorCodes } from './plugins/errorCodes.js';
import { useExplorer } from './plugins/explorer.js';
import { useReadiness } from './plugins/health.js';
import { useNoIntrospection } from './plugins/introspection.js';
import { nestingLimit, useNestingLimit, useQueryLimits, useRateLimit } from './plugins/limits.js';
import { splitPlayground } from './plugins/playgroundAssets.js';

export type AppSettings = Pick<
  Config,
  'playground' | 'introspection' | 'production' | 'debugErrors' | 'apiTokens' | 'readsRequireToken' | 'limits'
>;

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export function createApp(executor: Executor, settings: AppSettings): App {
  const playground = splitPlayground();
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => {
      const { viewer, invalid } = authenticate(settings.apiTokens, request.headers.get('authorization'));
      return createRequestContext(executor, viewer, invalid);
    },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The bundled GraphiQL, its scripts and styles served by this server: nothing from a CDN.
    graphiql: settings.playground ? { title: 'Aleppo actors graph', defaultTabs: playgroundTabs() } : false,
    renderGraphiQL: playground.render,
    // Unexpected errors are "Unexpected error." to the client and logged in full by the server;
    // their message and stack (absolute file paths) go out only when GRAPHQL_DEBUG_ERRORS asks.
    maskedErrors: { isDev: settings.debugErrors },
    healthCheckEndpoint: '/live',
    batching: { limit: settings.limits.maxBatch },
    maxRequestBodySize: settings.limits.maxBodyBytes,
    plugins: [
      useExplorer(),
      playground.plugin,
      useRateLimit(settings.limits.ratePerMinute, settings.apiTokens),
      useErrorCodes(),
      useReadiness(executor),
      useAuthentication(settings.readsRequireToken),
      useNestingLimit(nestingLimit(settings.limits)),
      useQueryLimits(settings.limits, settings.production),
      useSharedReads(),
      ...(settings.introspection ? [] : [useNoIntrospection()]),
    ],
  });
}
