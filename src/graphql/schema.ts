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
import { agreementResolvers } from './resolvers/agreements.js';
import { Mutation } from './resolvers/mutation.js';
import { Query } from './resolvers/query.js';
import { typeResolvers } from './resolvers/types.js';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export function buildSchema(): GraphQLSchema {
  const { Query: agreementQuery, Mutation: agreementMutation, Actor, Place, ...agreementTypes } = agreementResolvers;
  const resolvers: Resolvers = {
    ...typeResolvers,
    ...agreementTypes,
    ...annotationResolvers,
    Query: { ...Query, ...agreementQuery, annotate: annotateQuery },
    Mutation: { ...Mutation, ...agreementMutation, annotationAccept },
    Actor: { ...typeResolvers.Actor, ...Actor },
    Place: { ...typeResolvers.Place, ...Place },
  };
  return makeExecutableSchema({ typeDefs: fs.readFileSync(SCHEMA_FILE, 'utf8'), resolvers });
}
