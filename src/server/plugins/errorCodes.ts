/**
 * Every error a client sees carries `extensions.code` from the closed set in src/errors.ts:
 * GraphQL syntax errors become GRAPHQL_PARSE_FAILED, schema validation errors
 * GRAPHQL_VALIDATION_FAILED, and errors that already carry a code keep it.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export function useErrorCodes(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(withCode(result, 'GRAPHQL_PARSE_FAILED'));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(result.map((e: Error) => (e instanceof GraphQLError ? withCode(e, 'GRAPHQL_VALIDATION_FAILED') : e)));
      };
    },
  };
}
