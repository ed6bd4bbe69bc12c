/**
 * Refuses introspection queries (GRAPHQL_INTROSPECTION=false, the default in production).
 * A rule of our own rather than graphql's NoSchemaIntrospectionCustomRule: that one compares type
 * objects, which breaks when the schema and the rule load different copies of graphql.
 */
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (INTROSPECTION_ROOTS.has(node.name.value)) {
      context.reportError(
        new GraphQLError(`Introspection is turned off on this server ("${node.name.value}").`, { nodes: node }),
      );
    }
  },
});

export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noIntrospection);
    },
  };
}
