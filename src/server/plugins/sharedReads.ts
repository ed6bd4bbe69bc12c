/**
 * A query request's reads share one read transaction (Executor.shareReads), and read brief rows of
 * the types it asks only names of (src/graphql/briefRows.ts); a mutation's do neither, because its
 * reads must see what it wrote.
 */
import { getOperationAST, OperationTypeNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { briefRowsFor } from '../../graphql/briefRows.js';
import type { GraphQLContext } from '../../graphql/context.js';

export function useSharedReads(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operationName = args.operationName as string | null | undefined;
      const operation = getOperationAST(document, operationName);
      if (operation?.operation !== OperationTypeNode.QUERY) return;
      const { executor, reads } = args.contextValue;
      executor.shareReads();
      reads.brief = briefRowsFor(args.schema as GraphQLSchema, document, operation);
      return { onExecuteDone: () => void executor.release() };
    },
  };
}
