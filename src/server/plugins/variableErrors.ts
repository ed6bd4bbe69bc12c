/**
 * Variables that do not fit the schema (a value outside an enum, a missing required field) are
 * refused by GraphQL before any resolver runs, with an error that has no code. They are the
 * client's mistake: BAD_USER_INPUT, with `argument` the path GraphQL names ("input.kind").
 */
import type { ExecutionResult, GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const VARIABLE_ERROR =
  /^Variable "\$([^"]+)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of required type|of non-null type)/;

function withCode(error: GraphQLError): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  const match = VARIABLE_ERROR.exec(error.message);
  if (match === null) return error;
  // Created by yoga's own GraphQL (no originalError): the executor may run another copy of
  // graphql, whose errors the masking would not recognise as GraphQL errors.
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', argument: match[2] ?? match[1] },
  });
}

export function useVariableErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const { errors } = result as ExecutionResult;
          // Variables are coerced before execution: such a result has errors and no data.
          if (errors === undefined || 'data' in result) return;
          setResult({ ...result, errors: errors.map(withCode) });
        },
      };
    },
  };
}
