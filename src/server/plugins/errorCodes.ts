/**
 * Every error a client sees carries `extensions.code` from the closed set in src/errors.ts:
 *  - a request that is not a usable GraphQL request (a body or `variables` that is not JSON, an
 *    unknown `operationName`, a body or batch over its limit) is BAD_REQUEST;
 *  - GraphQL syntax errors are GRAPHQL_PARSE_FAILED, schema validation errors
 *    GRAPHQL_VALIDATION_FAILED (a subscription included: this API has none);
 *  - variables that do not fit their declared types, or required ones left out, are
 *    BAD_USER_INPUT;
 *  - errors that already carry a code keep it.
 */
import {
  GraphQLError,
  type ASTVisitor,
  type ExecutionResult,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../../errors.js';

function withCode(error: GraphQLError, code: ErrorCode, extra: Record<string, unknown> = {}): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  // createGraphQLError, not `new GraphQLError`: yoga tells our errors from unexpected ones with
  // instanceof, and its copy of graphql may be another module instance than ours (as under vitest).
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extra, code },
  });
}

/** Yoga's own codes for refused HTTP requests, folded into ours. */
const YOGA_REQUEST_CODES: ReadonlySet<unknown> = new Set(['OPERATION_RESOLUTION_FAILURE', 'REQUEST_ENTITY_TOO_LARGE']);

/** Refuses operations of a kind the schema has no root type for (subscriptions, here). */
const KnownOperationTypes: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation) !== undefined) return;
    context.reportError(
      createGraphQLError(`This API has no ${node.operation} operations; send a query or a mutation.`, { nodes: node }),
    );
  },
});

/**
 * graphql-js answers without `data` only when execution never started: the variables did not
 * coerce to their declared types (or a required one is missing), which is the client's input.
 */
function codeRequestErrors(result: ExecutionResult): ExecutionResult | null {
  if ('data' in result || result.errors === undefined) return null;
  return { ...result, errors: result.errors.map((e) => withCode(e, 'BAD_USER_INPUT', variableArgument(e.message))) };
}

/** The variable path GraphQL names in a coercion error ("input.kind"), as `argument`. */
const VARIABLE_ERROR =
  /^Variable "\$([^"]+)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of required type|of non-null type)/;

function variableArgument(message: string): { argument?: string } {
  const match = VARIABLE_ERROR.exec(message);
  return match === null ? {} : { argument: match[2] ?? match[1] };
}

function refusedRequest(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

export function useErrorCodes(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (requestParser === undefined) {
        // Yoga's parsers come first; none took this content type. Yoga would answer an empty 415.
        const body = JSON.stringify({
          errors: [
            {
              message: `Content type ${JSON.stringify(request.headers.get('content-type') ?? '')} is not a GraphQL request; send application/json.`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
        endResponse(new fetchAPI.Response(body, { status: 415, headers: { 'content-type': 'application/json' } }));
        return;
      }
      // Yoga's GET and form parsers JSON.parse `variables` and `extensions` unguarded: a
      // SyntaxError there would be an unexpected error and HTTP 500.
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw refusedRequest(`The request's variables or extensions are not valid JSON: ${error.message}`);
        }
      });
    },
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(withCode(result, 'GRAPHQL_PARSE_FAILED'));
      };
    },
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationTypes);
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        setResult(result.map((e: Error) => (e instanceof GraphQLError ? withCode(e, 'GRAPHQL_VALIDATION_FAILED') : e)));
      };
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const coded = codeRequestErrors(result);
          if (coded !== null) setResult(coded);
        },
      };
    },
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!('errors' in single) || single.errors === undefined) continue;
        for (const error of single.errors) {
          const extensions = error.extensions as Record<string, unknown> | undefined;
          if (extensions !== undefined && YOGA_REQUEST_CODES.has(extensions['code']))
            extensions['code'] = 'BAD_REQUEST';
        }
      }
    },
  };
}
