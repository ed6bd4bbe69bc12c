/**
 * Soak benchmark (not a test): the real server in a child process, on loopback, answering the
 * playground's example queries in a random mix from 32 concurrent clients for a bounded time.
 * Prints, per minute, the requests, errors, p50/p99 latency and the server's resident memory,
 * and at the end the RSS slope (MB per minute, least squares over samples every 5 s after the
 * first minute), the sign of a leak.
 *
 *   npm run bench:soak                       # 10 minutes, a throwaway local Neo4j on a free port
 *   npm run bench:soak -- --minutes 1 --concurrency 32
 *   NEO4J_URI=... NEO4J_PASSWORD=... npm run bench:soak   # or yours (the dataset is loaded if empty)
 *
 * The server runs as `npm start` runs it (request timeout, limits), with the rate limit off so
 * that 32 clients on one address are not refused. The load generator is plain node:http with a
 * keep-alive agent of one socket per client: no library between the clients and the server.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { freePort } from '../src/neo4j-local/localNeo4j.js';
import { exampleQueries } from '../src/server/playground.js';
import { post, startChild, type Answer } from './http.js';
import { benchDatabase, percentile } from './support.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!(value > 0)) throw new Error(`--${name} takes a positive number`);
  return value;
}

const minutes = option('minutes', 10);
const concurrency = Math.round(option('concurrency', 32));
const SAMPLE_MS = 5_000;

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

async function main(): Promise<void> {
  const { env, database, close } = await benchDatabase('soak');
  let server: ChildProcess | undefined;
  try {
    const port = await freePort();
    server = await startChild(
      'src/server/main.ts',
      {
        ...process.env,
        NEO4J_URI: database.target.uri,
        NEO4J_USER: env.neo4jUser,
        NEO4J_PASSWORD: env.neo4jPassword,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOAD_DATASET: 'never',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      'server',
    );
    const pid = server.pid;
    if (pid === undefined) throw new Error('the server has no pid');

    const bodies = exampleQueries().map((e) => JSON.stringify({ query: e.query }));
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    console.log(
      `soak: ${minutes} min, ${concurrency} clients, ${bodies.length} playground queries in a random mix; ` +
        `server pid ${pid} on 127.0.0.1:${port}; Neo4j ${database.target.uri}; ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(1)}`,
    );
    console.log(
      ['minute', 'requests', 'req/s', 'errors', 'p50 ms', 'p99 ms', 'RSS MB'].map((h) => h.padStart(9)).join(''),
    );

    const started = performance.now();
    const end = started + minutes * 60_000;
    let window: Answer[] = [];
    let totalRequests = 0;
    let totalErrors = 0;
    const errorKinds = new Map<string, number>();
    const samples: { x: number; y: number }[] = [];
    // Only while the clients send: the drain of the last answers is not load.
    const sampler = setInterval(() => {
      if (performance.now() <= end) samples.push({ x: (performance.now() - started) / 60_000, y: rssMb(pid) });
    }, SAMPLE_MS);
    let minute = 0;
    let minuteStart = started;
    const report = (now: number) => {
      minute += 1;
      const times = window.map((a) => a.ms).sort((a, b) => a - b);
      const errors = window.filter((a) => a.error !== null).length;
      for (const a of window) if (a.error !== null) errorKinds.set(a.error, (errorKinds.get(a.error) ?? 0) + 1);
      totalRequests += window.length;
      totalErrors += errors;
      console.log(
        [
          String(minute),
          String(window.length),
          (window.length / ((now - minuteStart) / 1000)).toFixed(0),
          String(errors),
          percentile(times, 50).toFixed(1),
          percentile(times, 99).toFixed(1),
          rssMb(pid).toFixed(0),
        ]
          .map((c) => c.padStart(9))
          .join(''),
      );
      window = [];
      minuteStart = now;
    };
    const client = async () => {
      while (performance.now() < end) {
        const body = bodies[Math.floor(Math.random() * bodies.length)] ?? '';
        const answer = await post(agent, port, body);
        window.push(answer);
        const now = performance.now();
        // Answers that arrive after the end belong to the last minute, reported below.
        if (now - minuteStart >= 60_000 && now < end) report(now);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    clearInterval(sampler);
    if (window.length > 0) report(performance.now());
    agent.destroy();

    const afterWarmup = samples.filter((s) => s.x >= 1);
    const used = afterWarmup.length >= 2 ? afterWarmup : samples;
    console.log(
      `total: ${totalRequests} requests, ${totalErrors} errors ${JSON.stringify(Object.fromEntries(errorKinds))}; RSS ${samples[0]?.y.toFixed(0)} -> ${samples.at(-1)?.y.toFixed(0)} MB, ` +
        `slope ${slope(used).toFixed(2)} MB/min over ${used.length} samples every ${SAMPLE_MS / 1000} s` +
        (used === samples ? ' (the run is too short to leave out the first minute)' : ' after the first minute'),
    );
  } finally {
    if (server !== undefined && server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    await close();
  }
}

await main();
