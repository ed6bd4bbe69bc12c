/**
 * The HTTP application: GraphQL at /graphql with the offline playground, and /health.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Executor } from '../db/executor.js';
import { createRequestContext, type GraphQLContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/schema.js';
import { playgroundTabs } from './playground.js';
import { useErrorCodes } from './plugins/errorCodes.js';
import { useReadiness } from './plugins/health.js';
import { useNoIntrospection } from './plugins/introspection.js';

export interface AppOptions {
  executor: Executor;
  playground: boolean;
  introspection: boolean;
  production: boolean;
}

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

export function createApp(options: AppOptions): App {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: () => createRequestContext(options.executor),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The bundled GraphiQL inlines its scripts and styles: nothing is fetched from a CDN.
    graphiql: options.playground ? { title: 'Aleppo actors graph', defaultTabs: playgroundTabs() } : false,
    renderGraphiQL,
    maskedErrors: options.production ? true : { isDev: true },
    healthCheckEndpoint: '/live',
    plugins: [
      useErrorCodes(),
      useReadiness(options.executor),
      ...(options.introspection ? [] : [useNoIntrospection()]),
    ],
  });
}
