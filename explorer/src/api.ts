/**
 * The explorer talks only to this server's public GraphQL endpoint, with the operations typed
 * by codegen (src/generated/graphql.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from './generated/graphql';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Sends one operation; `token`, when given, goes as the bearer token (mutations need an editor's). */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  token?: string,
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json()) as {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data`, undefined);
  return body.data;
}

export type Loaded<T> =
  | { state: 'loading'; data?: T; error?: undefined }
  | { state: 'done'; data: T; error?: undefined }
  | { state: 'failed'; data?: undefined; error: Error };

/** Runs the query whenever its variables change; a newer run cancels the older one. Null variables: wait. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): Loaded<TResult> {
  const [result, setResult] = useState<Loaded<TResult>>({ state: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    const controller = new AbortController();
    // Keep the last answer on screen while the next one loads.
    setResult((previous) => ({ state: 'loading', data: previous.data }));
    request(document, variables, controller.signal).then(
      (data) => setResult({ state: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'failed', error: error as Error });
      },
    );
    return () => controller.abort();
  }, [document, key]);
  return result;
}
