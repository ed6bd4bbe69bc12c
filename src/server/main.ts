/**
 * `npm start`: Neo4j (the configured one, or the local one started here), the dataset loaded
 * when the graph is empty, GraphQL and the playground on http://localhost:4000/graphql.
 * Ctrl-C stops the server and the Neo4j it started, and leaves no process behind.
 */
import { createServer } from 'node:http';
import { ConfigError, readConfig } from '../config.js';
import { connectDatabase } from '../db/database.js';
import { ensureDataset } from '../dataset/bootstrap.js';
import { createApp } from './app.js';

const log = (line: string) => console.log(`[aleppo-graph] ${line}`);

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  let url = `http://${shownHost}:${config.port}/graphql`;
  const database = await connectDatabase(config, log, {
    role: 'server',
    url,
    // A request should fail fast with DATABASE_UNAVAILABLE during an outage, not hang for 30 s.
    retryBudgetMs: 5_000,
  });
  const app = createApp(database.executor.withTimeout(config.limits.requestTimeoutMs), config);
  const server = createServer((request, response) => void app.requestListener(request, response));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ...`);
    server.close();
    server.closeAllConnections();
    await database.close();
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const summary = await ensureDataset(database.executor, config.loadDataset);
    if (summary) log(`Loaded the founding dataset in ${summary.elapsedMs} ms.`);
    else log('The graph already holds data; the dataset was not reloaded (LOAD_DATASET=always reloads it).');
    await listen(server, config.port, config.host);
    // PORT=0 lets the system pick the port: say the one it picked.
    const address = server.address();
    if (address !== null && typeof address === 'object' && address.port !== config.port) {
      url = `http://${shownHost}:${address.port}/graphql`;
    }
    database.local?.announce(url);
  } catch (error) {
    await database.close();
    throw error;
  }
  const local = database.local;
  const how = local === undefined ? '' : local.startedHere ? ' (local, started by this process)' : ' (local, shared)';
  log(`Neo4j: ${database.target.uri}${how}`);
  log(`GraphQL and playground: ${url}`);
  log(
    `Ready in ${((performance.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops the server` +
      (local === undefined ? '.' : ' (and the local Neo4j, unless another process of the project still uses it).'),
  );
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use: set PORT to a free port, or stop what holds it.`)
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`[aleppo-graph] Could not start: ${message}`);
  process.exit(1);
});
