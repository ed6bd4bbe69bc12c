/**
 * Hostile input at volume: random valid and invalid requests generated from the schema, sent
 * through the real server to the real Neo4j with the founding dataset. Whatever arrives, the
 * answer is a client error with a code from the closed set, never a 5xx or INTERNAL_SERVER_ERROR,
 * shows no stack trace or file path, lets no anonymous (or reader's) mutation through and changes
 * nothing in the graph; the server answers normally afterwards.
 *
 *   FUZZ_DOCUMENTS=20000 FUZZ_SEED=7 npx vitest run tests/integration/fuzz.test.ts
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseApiTokens } from '../../src/auth/tokens.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { ERROR_CODES } from '../../src/errors.js';
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { SCHEMA_FILE } from '../../src/graphql/schema.js';
import { fuzzRequest, Random, type FuzzRequest } from '../helpers/fuzzRequests.js';
import { graphDigest, graphql, testApp, testDatabase } from '../helpers/graph.js';

const DOCUMENTS = Number(process.env['FUZZ_DOCUMENTS'] ?? 1000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 9);
const CONCURRENCY = 4;

const { executor, driver } = testDatabase();
const app = testApp(executor, { apiTokens: parseApiTokens('fuzz-reader:reader:fuzz-reader-token-0123456789').tokens });

/** A stack frame, a file URL or a path into this checkout, node_modules or the system. */
const LEAK = new RegExp(
  [
    String.raw`\bat [\w.<>$ ]+ \((?:file:|node:|/)`,
    String.raw`\\n\s+at `,
    'file://',
    'node_modules',
    PROJECT_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    String.raw`/(?:home|root|tmp|usr|opt|work)/\w`,
    String.raw`\.[cm]?[jt]s:\d+`,
    '"stack"',
  ].join('|'),
);

interface Outcome {
  status: number;
  codes: string[];
  problems: string[];
}

interface ResultBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

function check(request: FuzzRequest, status: number, text: string): Outcome {
  const problems: string[] = [];
  const codes: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (LEAK.test(text)) problems.push(`leaks a stack or path: ${LEAK.exec(text)?.[0]}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`body is not JSON (HTTP ${status}): ${text.slice(0, 80)}`);
    return { status, codes, problems };
  }
  const results = (Array.isArray(parsed) ? parsed : [parsed]) as ResultBody[];
  results.forEach((result, index) => {
    for (const error of result.errors ?? []) {
      const code = error.extensions?.code;
      if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) {
        problems.push(`error without a code of the closed set (${String(code)}): ${String(error.message)}`);
      } else {
        codes.push(code);
        if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message)}`);
      }
    }
    const kind = request.kinds[index] ?? 'unknown';
    const data = result.data;
    if (kind !== 'query' && data !== null && data !== undefined && Object.values(data).some((v) => v !== null)) {
      problems.push(`a ${kind} without an editor token answered data: ${JSON.stringify(data).slice(0, 200)}`);
    }
    if ((result.errors ?? []).length === 0 && data !== undefined && data !== null) codes.push('(data, no errors)');
  });
  if (status >= 400 && codes.length === 0) problems.push(`HTTP ${status} without an error code`);
  return { status, codes, problems };
}

async function send(request: FuzzRequest): Promise<Outcome & { ms: number }> {
  const started = performance.now();
  const response = await app.fetch(`http://localhost${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  return { ...check(request, response.status, text), ms: performance.now() - started };
}

describe(`${DOCUMENTS} random requests from the schema (seed ${SEED})`, () => {
  const tally = new Map<string, number>();
  const statuses = new Map<number, number>();
  const failures: { request: FuzzRequest; problems: string[] }[] = [];
  const slowest: { ms: number; request: FuzzRequest; codes: string[] }[] = [];
  let digestBefore = '';

  beforeAll(
    async () => {
      digestBefore = await graphDigest(driver);
      // Built from the SDL here: the executable schema's types come from another copy of graphql.
      const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
      const random = new Random(SEED);
      const requests = Array.from({ length: DOCUMENTS }, () => fuzzRequest(random, schema));
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < requests.length; i = next++) {
          const request = requests[i]!;
          const outcome = await send(request);
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          for (const code of outcome.codes) tally.set(code, (tally.get(code) ?? 0) + 1);
          if (outcome.problems.length > 0) failures.push({ request, problems: outcome.problems });
          slowest.push({ ms: outcome.ms, request, codes: outcome.codes });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      console.log(
        `fuzz: ${DOCUMENTS} requests, seed ${SEED}; HTTP ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
          `codes ${JSON.stringify(Object.fromEntries([...tally].sort()))}`,
      );
      if (process.env['FUZZ_SLOWEST'])
        for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 8))
          console.log(
            Math.round(s.ms),
            s.codes.join(','),
            s.request.method,
            (s.request.body ?? s.request.path).slice(0, 600),
          );
    },
    Math.max(120_000, DOCUMENTS * 250),
  );

  it('answers every one with a client error of the closed set or data: no 5xx, no INTERNAL_SERVER_ERROR, no leaked stack', () => {
    const report = failures
      .slice(0, 5)
      .map(
        (f) =>
          `${f.problems.join('; ')}\n  ${f.request.method} ${f.request.path.slice(0, 300)}\n  ${(f.request.body ?? '').slice(0, 500)}`,
      )
      .join('\n');
    expect(failures.length, report).toBe(0);
  });

  it('exercised both sides: many requests answered with data, and refusals of many kinds', () => {
    expect(tally.get('(data, no errors)') ?? 0).toBeGreaterThan(DOCUMENTS * 0.05);
    for (const code of [
      'BAD_REQUEST',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'QUERY_TOO_COMPLEX',
    ]) {
      expect(tally.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });

  it('changed nothing in the graph', async () => {
    expect(await graphDigest(driver)).toBe(digestBefore);
  });

  it('still answers normally afterwards', async () => {
    const health = await app.fetch('http://localhost/health');
    expect(health.status).toBe(200);
    const place = await graphql<{ place: { id: string } | null }>(app, '{ place(name: "Khan Tuman") { id } }');
    expect(place.data?.place?.id).toBe('khan-touman');
  });
});
