/**
 * A query request's reads share one read transaction (Executor.shareReads); a mutation's do not,
 * because its reads must see what it wrote.
 */
import { getOperationAST, OperationTypeNode, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../../graphql/context.js';

export function useSharedReads(): Plugin<GraphQLContext> {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operationName = args.operationName as string | null | undefined;
      if (getOperationAST(document, operationName)?.operation !== OperationTypeNode.QUERY) return;
      const { executor } = args.contextValue;
      executor.shareReads();
      return { onExecuteDone: () => void executor.release() };
    },
  };
}
