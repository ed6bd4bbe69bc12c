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
import { weaponResolvers } from './resolvers/weapons.js';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export function buildSchema(): GraphQLSchema {
  const { Query: agreementQuery, Mutation: agreementMutation, Actor, Place, ...agreementTypes } = agreementResolvers;
  const { Query: weaponQuery, Mutation: weaponMutation, Actor: weaponActor, ...weaponTypes } = weaponResolvers;
  const resolvers: Resolvers = {
    ...typeResolvers,
    ...agreementTypes,
    ...weaponTypes,
    ...annotationResolvers,
    Query: { ...Query, ...agreementQuery, ...weaponQuery, annotate: annotateQuery },
    Mutation: { ...Mutation, ...agreementMutation, ...weaponMutation, annotationAccept },
    Actor: { ...typeResolvers.Actor, ...Actor, ...weaponActor },
    Place: { ...typeResolvers.Place, ...Place },
  };
  return makeExecutableSchema({ typeDefs: fs.readFileSync(SCHEMA_FILE, 'utf8'), resolvers });
}
