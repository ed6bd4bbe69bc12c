/**
 * Creating the neo4j-driver and waiting for Neo4j to answer. Only this folder imports the driver.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
}

export class Neo4jUnavailableError extends Error {
  override name = 'Neo4jUnavailableError';
}

export interface DriverOptions {
  /** How long a transaction failing for a transient reason is retried; default 30 s. */
  retryBudgetMs?: number;
}

export function createDriver(target: Neo4jTarget, options: DriverOptions = {}): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxTransactionRetryTime: options.retryBudgetMs ?? 30_000,
    // Numbers come back as JS numbers; ids and counts in this graph stay far below 2^53.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 30_000,
    maxConnectionPoolSize: 50,
    userAgent: 'aleppo-actors-graph',
  });
}

/**
 * Resolves once Neo4j at `target.uri` accepts the credentials, retrying with backoff while it is
 * unreachable. A wrong password fails at once: retrying cannot fix it and Neo4j rate-limits it.
 */
export async function waitForBolt(target: Neo4jTarget, timeoutMs: number): Promise<void> {
  const driver = createDriver(target);
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (code.startsWith('Neo.ClientError.Security.')) {
          throw new Neo4jUnavailableError(
            `Neo4j at ${target.uri} refused the credentials of user "${target.user}" (${code}): ` +
              'check NEO4J_USER and NEO4J_PASSWORD.',
          );
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new Neo4jUnavailableError(
            `Neo4j at ${target.uri} did not answer within ${Math.round(timeoutMs / 1000)} s: ` +
              `${(error as Error).message}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(delay, remaining)));
        delay = Math.min(delay * 2, 2_000);
      }
    }
  } finally {
    await driver.close();
  }
}
