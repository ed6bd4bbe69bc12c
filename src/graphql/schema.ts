/**
 * The executable schema: the SDL in schema.graphql with the resolvers in ./resolvers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config.js';
import type { Resolvers } from './generated/resolvers.js';
import { annotateQuery, annotationAccept, annotationResolvers } from './resolvers/annotate.js';
import { Mutation } from './resolvers/mutation.js';
import { Query } from './resolvers/query.js';
import { typeResolvers } from './resolvers/types.js';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export function buildSchema(): GraphQLSchema {
  const resolvers: Resolvers = {
    Query: { ...Query, annotate: annotateQuery },
    Mutation: { ...Mutation, annotationAccept },
    ...typeResolvers,
    ...annotationResolvers,
  };
  return makeExecutableSchema({ typeDefs: fs.readFileSync(SCHEMA_FILE, 'utf8'), resolvers });
}
