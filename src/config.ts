/**
 * Configuration, read once from the environment and validated at start. Every bad value is
 * reported together, each with the variable's name, before anything else happens.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseApiTokens, type ApiToken } from './auth/tokens.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type DatasetLoadPolicy = 'if-empty' | 'always' | 'never';

export interface Config {
  /** NEO4J_URI: an existing Neo4j (bolt://, neo4j://, +s/+ssc variants). Unset: start the local one. */
  readonly neo4jUri: string | undefined;
  /** NEO4J_USER, default "neo4j". */
  readonly neo4jUser: string;
  /** NEO4J_PASSWORD; default "aleppo-local-neo4j" for the local Neo4j, required with NEO4J_URI. */
  readonly neo4jPassword: string;
  /** NEO4J_DATABASE, default: the server's default database. */
  readonly neo4jDatabase: string | undefined;
  /** NEO4J_CONNECT_TIMEOUT_MS: how long to retry an unreachable Neo4j at start, default 60000. */
  readonly neo4jConnectTimeoutMs: number;
  /** LOCAL_NEO4J_PORT: Bolt port of the local Neo4j, default 7687. */
  readonly localNeo4jPort: number;
  /** LOCAL_NEO4J_DATA_DIR: where the local Neo4j keeps its store, default ".local/neo4j". */
  readonly localNeo4jDataDir: string;
  /** LOCAL_NEO4J_HEAP: Java heap of the local Neo4j, default "1g". */
  readonly localNeo4jHeap: string;
  /** LOCAL_NEO4J_PAGECACHE: page cache of the local Neo4j, default "256m"; a store larger than it is read from disk. */
  readonly localNeo4jPageCache: string;
  /** HOST, default "127.0.0.1" (set 0.0.0.0 in a container). */
  readonly host: string;
  /** PORT of the GraphQL server, default 4000. */
  readonly port: number;
  /** LOAD_DATASET: "if-empty" (default), "always" (re-merge the files on start) or "never". */
  readonly loadDataset: DatasetLoadPolicy;
  /** GRAPHQL_PLAYGROUND: serve the offline playground at /graphql, default true. */
  readonly playground: boolean;
  /** GRAPHQL_INTROSPECTION: answer introspection queries, default true. */
  readonly introspection: boolean;
  /** NODE_ENV=production masks unexpected errors. */
  readonly production: boolean;
  /**
   * GRAPHQL_DEBUG_ERRORS: show an unexpected error's message and stack trace (with file paths) to
   * the client, for debugging on your own machine; default false, refused with NODE_ENV=production.
   */
  readonly debugErrors: boolean;
  /** API_TOKENS: `name:role:secret` entries (role editor or reader); only their hashes are kept. */
  readonly apiTokens: readonly ApiToken[];
  /** READS_REQUIRE_TOKEN: queries need a reader or editor token too, default false. */
  readonly readsRequireToken: boolean;
  readonly limits: Limits;
}

/** Limits on what one request may ask; each has its variable and default. */
export interface Limits {
  /** MAX_QUERY_DEPTH, default 12. */
  readonly maxDepth: number;
  /** MAX_QUERY_COST (GraphQL Armor's cost estimate), default 20000. */
  readonly maxCost: number;
  /** MAX_ALIASES per operation, default 20. */
  readonly maxAliases: number;
  /** MAX_DIRECTIVES per operation, default 10. */
  readonly maxDirectives: number;
  /** MAX_TOKENS in a document, default 2000. */
  readonly maxTokens: number;
  /** MAX_BATCH_OPERATIONS in one batched HTTP request, default 5. */
  readonly maxBatch: number;
  /** MAX_BODY_BYTES of a request, default 100000. */
  readonly maxBodyBytes: number;
  /** REQUEST_TIMEOUT_MS: each database transaction of a request is stopped after this, default 15000. */
  readonly requestTimeoutMs: number;
  /** RATE_LIMIT_PER_MINUTE per client (token name, else IP address), default 300; 0 turns it off. */
  readonly ratePerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function readConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}=${raw} must be true or false`);
    return fallback;
  };

  const neo4jUri = text('NEO4J_URI');
  if (neo4jUri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(neo4jUri)) {
    problems.push(`NEO4J_URI=${neo4jUri} must look like bolt://host:7687 or neo4j://host:7687 (+s/+ssc for TLS)`);
  }
  const password = text('NEO4J_PASSWORD');
  if (neo4jUri !== undefined && password === undefined) {
    problems.push('NEO4J_PASSWORD is required when NEO4J_URI points at an existing Neo4j');
  }
  if (neo4jUri === undefined && password !== undefined && password.length < 8) {
    problems.push('NEO4J_PASSWORD for the local Neo4j must hold at least 8 characters');
  }
  const heap = text('LOCAL_NEO4J_HEAP') ?? '1g';
  if (!/^\d+[mg]$/i.test(heap)) problems.push(`LOCAL_NEO4J_HEAP=${heap} must look like 512m or 2g`);
  const pageCache = text('LOCAL_NEO4J_PAGECACHE') ?? '256m';
  if (!/^\d+[mg]$/i.test(pageCache)) {
    problems.push(`LOCAL_NEO4J_PAGECACHE=${pageCache} must look like 512m or 2g`);
  }
  const loadDataset = (text('LOAD_DATASET') ?? 'if-empty') as DatasetLoadPolicy;
  if (!['if-empty', 'always', 'never'].includes(loadDataset)) {
    problems.push(`LOAD_DATASET=${String(loadDataset)} must be if-empty, always or never`);
  }
  const { tokens: apiTokens, problems: tokenProblems } = parseApiTokens(env['API_TOKENS']);
  problems.push(...tokenProblems);
  const nodeEnv = text('NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const debugErrors = flag('GRAPHQL_DEBUG_ERRORS', false);
  if (debugErrors && production) {
    problems.push(
      'GRAPHQL_DEBUG_ERRORS=true would show stack traces to every client; it is refused with NODE_ENV=production',
    );
  }

  const config: Config = Object.freeze({
    neo4jUri,
    neo4jUser: text('NEO4J_USER') ?? 'neo4j',
    neo4jPassword: password ?? 'aleppo-local-neo4j',
    neo4jDatabase: text('NEO4J_DATABASE'),
    neo4jConnectTimeoutMs: integer('NEO4J_CONNECT_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    localNeo4jPort: integer('LOCAL_NEO4J_PORT', 7687, 1, 65_535),
    localNeo4jDataDir: path.resolve(PROJECT_ROOT, text('LOCAL_NEO4J_DATA_DIR') ?? '.local/neo4j'),
    localNeo4jHeap: heap,
    localNeo4jPageCache: pageCache,
    host: text('HOST') ?? '127.0.0.1',
    port: integer('PORT', 4000, 0, 65_535),
    loadDataset,
    playground: flag('GRAPHQL_PLAYGROUND', true),
    introspection: flag('GRAPHQL_INTROSPECTION', !production),
    production,
    debugErrors,
    apiTokens,
    readsRequireToken: flag('READS_REQUIRE_TOKEN', false),
    limits: Object.freeze({
      maxDepth: integer('MAX_QUERY_DEPTH', 12, 2, 100),
      maxCost: integer('MAX_QUERY_COST', 20_000, 10, 10_000_000),
      maxAliases: integer('MAX_ALIASES', 20, 0, 1_000),
      maxDirectives: integer('MAX_DIRECTIVES', 10, 0, 1_000),
      maxTokens: integer('MAX_TOKENS', 2_000, 50, 1_000_000),
      maxBatch: integer('MAX_BATCH_OPERATIONS', 5, 1, 100),
      maxBodyBytes: integer('MAX_BODY_BYTES', 100_000, 1_000, 100_000_000),
      requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000),
      ratePerMinute: integer('RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000),
    }),
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The variable names the server reads; docker-compose.yml and the README must use the same. */
export const CONFIG_VARIABLES = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'NEO4J_CONNECT_TIMEOUT_MS',
  'LOCAL_NEO4J_PORT',
  'LOCAL_NEO4J_DATA_DIR',
  'LOCAL_NEO4J_HEAP',
  'LOCAL_NEO4J_PAGECACHE',
  'HOST',
  'PORT',
  'LOAD_DATASET',
  'GRAPHQL_PLAYGROUND',
  'GRAPHQL_INTROSPECTION',
  'NODE_ENV',
  'GRAPHQL_DEBUG_ERRORS',
  'API_TOKENS',
  'READS_REQUIRE_TOKEN',
  'MAX_QUERY_DEPTH',
  'MAX_QUERY_COST',
  'MAX_ALIASES',
  'MAX_DIRECTIVES',
  'MAX_TOKENS',
  'MAX_BATCH_OPERATIONS',
  'MAX_BODY_BYTES',
  'REQUEST_TIMEOUT_MS',
  'RATE_LIMIT_PER_MINUTE',
] as const;
