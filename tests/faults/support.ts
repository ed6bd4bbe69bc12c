/**
 * What the fault tests share: real processes (the server and the CLI as a user starts them, on a
 * store and ports of their own), the local Neo4j found by its command line, and a graph digest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver.js';
import { freePort, LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';
import { isAlive } from '../../src/neo4j-local/storeFiles.js';

export const PASSWORD = 'fault-tests-password';
export const EDITOR_TOKEN = 'fault-tests-editor-token-0123456789';

/** A store and ports of the test's own, removed after the file (processes on it stopped first). */
export interface Store {
  dataDir: string;
  boltPort: number;
  env: Record<string, string>;
}

const children = new Set<ChildProcess>();
const stores: string[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dataDir of stores) {
    await until(() => launchersOn(dataDir).length === 0, 30_000).catch(() => {
      for (const pid of launchersOn(dataDir)) process.kill(pid, 'SIGKILL');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

export async function newStore(): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-graph-faults-'));
  stores.push(dataDir);
  const boltPort = await freePort();
  return {
    dataDir,
    boltPort,
    env: {
      LOCAL_NEO4J_DATA_DIR: dataDir,
      LOCAL_NEO4J_PORT: String(boltPort),
      NEO4J_PASSWORD: PASSWORD,
      LOCAL_NEO4J_HEAP: '512m',
      API_TOKENS: `faults:editor:${EDITOR_TOKEN}`,
      RATE_LIMIT_PER_MINUTE: '0',
    },
  };
}

/**
 * Runs `work` with this test process registered as a user of the store's Neo4j (started when none
 * runs, supervised), so that it stays up between CLI runs, and a driver on it.
 */
export async function usingStore<T>(store: Store, work: (driver: Driver) => Promise<T>): Promise<T> {
  const lease = await LocalNeo4j.attach({
    port: store.boltPort,
    dataDir: store.dataDir,
    password: PASSWORD,
    heap: '512m',
    pageCache: '128m',
    role: 'test',
  });
  lease.supervise();
  const driver = createDriver({ uri: lease.uri, user: 'neo4j', password: PASSWORD });
  try {
    return await work(driver);
  } finally {
    await driver.close();
    await lease.close();
  }
}

/** A child process with its output kept. */
export interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

export interface Server extends Running {
  url: string;
}

/** `npm start` on the store; resolves once it says Ready. */
export async function startServer(store: Store, env: Record<string, string> = {}): Promise<Server> {
  // PORT=0: the server takes a free port when it listens, and says which.
  const server = run('src/server/main.ts', [], { ...store.env, PORT: '0', ...env });
  const ready = until(() => server.output().includes('Ready in'), 150_000);
  const failed = server.exited.then((code) => {
    throw new Error(`the server exited with ${String(code)}:\n${server.output()}`);
  });
  await Promise.race([ready, failed]);
  failed.catch(() => undefined);
  const port = /GraphQL and playground: http:\/\/[^:]+:(\d+)\/graphql/.exec(server.output())?.[1];
  return { ...server, url: `http://127.0.0.1:${port ?? '?'}` };
}

/** `npm run cli -- ...args` on the store, without waiting for it. */
export function startCli(store: Store, args: string[], env: Record<string, string> = {}): Running {
  return run('src/cli/main.ts', args, { ...store.env, ...env });
}

/** `npm run cli -- ...args` on the store, to its end. */
export async function cli(store: Store, args: string[]): Promise<{ code: number | null; output: string }> {
  const running = startCli(store, args);
  const code = await running.exited;
  return { code, output: running.output() };
}

export interface GraphQLAnswer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
}

export async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

/** Pids of the project's Neo4j launchers on this store, found by their command line. */
export function launchersOn(dataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return cmdline.includes('org.aleppoactors.launcher.LocalNeo4j') && cmdline.includes(dataDir);
      } catch {
        return false;
      }
    });
}

/** Kills the store's Neo4j outright, as a crash or the OOM killer would; resolves once it is gone. */
export async function killNeo4j(dataDir: string): Promise<number> {
  const [pid] = launchersOn(dataDir);
  if (pid === undefined) throw new Error(`no Neo4j runs on ${dataDir}`);
  process.kill(pid, 'SIGKILL');
  await until(() => !isAlive(pid), 10_000);
  return pid;
}

/** Polls `condition` every 100 ms until it holds; rejects after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The digest of every node and edge of the graph model (tests/helpers/graph.ts). */
export { graphDigest } from '../helpers/graph.js';

/** An ACLED export of `rows` clashes between the army and one of three brigades, ids `SYRFAULT<prefix>-<n>`. */
export function acledFile(dir: string, prefix: string, rows: number): string {
  const file = path.join(dir, `faults-${prefix}.csv`);
  const header =
    'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,admin1,location,latitude,longitude,notes,fatalities';
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return `SYRFAULT${prefix}-${i},${day},2021,1,Battles,Armed clash,Military Forces of Syria (2000-),1,Fault Test Brigade ${i % 3},2,Aleppo,Khan Tuman,36.1170,37.0510,Clash number ${i}.,1`;
  });
  fs.writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
  return file;
}
