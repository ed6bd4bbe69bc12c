/**
 * Requests the fuzzer found or that once reached INTERNAL_SERVER_ERROR: each is refused as the
 * client's mistake with a code, an HTTP 4xx and no stack trace, through the real server.
 */
import { describe, expect, it } from 'vitest';
import { Executor } from '../../src/db/executor.js';
import { cursorFor, MAX_CURSOR_OFFSET } from '../../src/graphql/resolvers/arguments.js';
import { testApp, testDatabase } from '../helpers/graph.js';

const { executor, driver, queries } = testDatabase();
const app = testApp(executor);

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await app.fetch(`http://localhost${path}`, {
    ...init,
    headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

function post(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function codesOf(answer: Answer): unknown[] {
  return (answer.body.errors ?? []).map((e) => e.extensions?.['code']);
}

describe('malformed requests are BAD_REQUEST, HTTP 4xx', () => {
  it('GET with variables that are not JSON: 400, not 500', async () => {
    const query = encodeURIComponent('query($t: String!) { search(text: $t) { id } }');
    const answer = await send(`/graphql?query=${query}&variables=${encodeURIComponent('{"t": "HTS"')}`);
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.body.errors?.[0]?.message).toMatch(/not valid JSON/);
  });

  it('a form-encoded POST with variables that are not JSON: 400', async () => {
    const answer = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: '{ sources { id } }', extensions: '{oops' }).toString(),
    });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
  });

  it('an operationName the document does not define', async () => {
    const answer = await send('/graphql', post({ query: 'query A { sources { id } }', operationName: 'B' }));
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
  });

  it('a content type that is not a GraphQL request: 415 with a JSON error', async () => {
    const answer = await send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ sources { id } }',
    });
    expect(answer.status).toBe(415);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
  });

  it('a batch over MAX_BATCH_OPERATIONS: 413', async () => {
    const answer = await send('/graphql', post(Array.from({ length: 6 }, () => ({ query: '{ sources { id } }' }))));
    expect(answer.status).toBe(413);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
  });
});

describe('nesting is refused before the parser recurses', () => {
  it.each([
    ['a list literal 5,000 deep', `{ search(text: ${'['.repeat(5000)}"x"${']'.repeat(5000)}) { id } }`],
    ['an object literal 3,000 deep', `{ search(text: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}) { id } }`],
    ['selections 1,000 deep', `${'{ actor(name: "HTS") '.repeat(1000)}${'}'.repeat(1000)}`],
  ])('%s is QUERY_TOO_COMPLEX, HTTP 400', async (_, query) => {
    const answer = await send('/graphql', post({ query }));
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('brackets inside strings and comments do not count', async () => {
    const query = `# ${'['.repeat(150)}\n{ search(text: "${'['.repeat(150)}", first: 1) { id } s: search(text: """${'{'.repeat(150)}""") { id } }`;
    const answer = await send('/graphql', post({ query }));
    expect(answer.body.errors).toBeUndefined();
  });
});

describe('cursors', () => {
  const page = 'query($after: String) { engagements(first: 2, after: $after) { edges { cursor } } }';

  it.each([
    ['offset 2^31', cursorFor(2 ** 31)],
    ['the first offset past the limit', cursorFor(MAX_CURSOR_OFFSET + 1)],
    ['offset 2^53', cursorFor(2 ** 53)],
    ['a negative offset', cursorFor(-1)],
    ['not base64', '%%%'],
    ['a non-canonical spelling of offset 1', Buffer.from('offset:01').toString('base64url')],
  ])('%s is BAD_USER_INPUT naming `after`', async (_, after) => {
    const answer = await send('/graphql', post({ query: page, variables: { after } }));
    expect(answer.status).toBeLessThan(500);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors?.[0]?.extensions?.['argument']).toBe('after');
  });

  it('the largest offset allowed still pages (to an empty page)', async () => {
    const answer = await send('/graphql', post({ query: page, variables: { after: cursorFor(MAX_CURSOR_OFFSET) } }));
    expect(answer.body).toEqual({ data: { engagements: { edges: [] } } });
  });
});

describe('variables and operation kinds', () => {
  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    const answer = await send(
      '/graphql',
      post({ query: 'query($n: Int) { search(text: "x", first: $n) { id } }', variables: { n: 'ten' } }),
    );
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
  });

  it('a required variable left out is BAD_USER_INPUT', async () => {
    const answer = await send('/graphql', post({ query: 'query($t: String!) { search(text: $t) { id } }' }));
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
  });

  it('a subscription is GRAPHQL_VALIDATION_FAILED: this API has none', async () => {
    const answer = await send('/graphql', post({ query: 'subscription { sources { id } }' }));
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors?.[0]?.message).toMatch(/no subscription operations/);
  });
});

/** An executor with a bug: every read fails with a plain Error naming a file, as a crash would. */
class BrokenExecutor extends Executor {
  override scoped(): Executor {
    return this;
  }
  override read<T>(): Promise<T[]> {
    return Promise.reject(new Error('boom in /srv/app/src/db/executor.ts:42'));
  }
}

describe('unexpected errors', () => {
  const query = '{ sources { id } }';

  it('show no message, stack or path by default', async () => {
    const broken = testApp(new BrokenExecutor(driver, queries, undefined));
    const response = await broken.fetch('http://localhost/graphql', post({ query }));
    const text = await response.text();
    expect(text).toContain('Unexpected error.');
    expect(text).toContain('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/stack|boom|executor\.ts|\/srv\//);
  });

  it('show message and stack when GRAPHQL_DEBUG_ERRORS asks', async () => {
    const broken = testApp(new BrokenExecutor(driver, queries, undefined), { debugErrors: true });
    const response = await broken.fetch('http://localhost/graphql', post({ query }));
    const body = (await response.json()) as {
      errors: { extensions: { originalError?: { message: string; stack: string } } }[];
    };
    expect(body.errors[0]?.extensions.originalError?.message).toContain('boom');
    expect(body.errors[0]?.extensions.originalError?.stack).toMatch(/hostileRequests\.test\.ts/);
  });
});
