/**
 * Owns the lifecycle of the Neo4j Community server the project starts itself (no Docker on our
 * machines): the Java launcher in `neo4j-launcher/`, its jars fetched once by `npm run neo4j:install`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { waitForBolt } from '../db/driver.js';

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-launcher');
const LAUNCHER_CLASS = 'org.aleppoactors.launcher.LocalNeo4j';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const ALTERNATIVES =
  'Alternatives: set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to an existing Neo4j 5, ' +
  'or run `docker compose up` to start Neo4j and the API in containers.';

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  password: string;
  heap: string;
  /** How long to wait for Bolt to answer after the JVM starts. */
  startTimeoutMs?: number;
  /** Where the launcher's output goes; default `<dataDir>/launcher.log`. */
  logFile?: string;
}

/** A running local Neo4j. `stop()` shuts it down cleanly; it is safe to call twice. */
export class LocalNeo4j {
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly uri: string,
    private readonly child: ChildProcess,
    private readonly pidFile: string,
  ) {}

  /**
   * Starts Neo4j on 127.0.0.1:`port` with its store in `dataDir` and resolves once Bolt answers
   * with the password. A Neo4j left behind by an earlier run on the same data folder is stopped
   * first, so a crash never blocks the next start.
   */
  static async start(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
    assertJavaAvailable();
    const classpath = launcherClasspath();
    fs.mkdirSync(options.dataDir, { recursive: true });
    const pidFile = path.join(options.dataDir, 'launcher.pid');
    await stopLeftoverLauncher(pidFile);
    await assertPortFree(options.port);

    const logFile = options.logFile ?? path.join(options.dataDir, 'launcher.log');
    const log = fs.openSync(logFile, 'a');
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    const child = spawn(
      'java',
      [
        `-Xmx${options.heap}`,
        '-XX:+UseG1GC',
        '-XX:-OmitStackTraceInFastThrow',
        // The page cache reads off-heap buffers directly only with these opened (Neo4j's own launcher does the same).
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
        '--add-opens=java.base/java.lang=ALL-UNNAMED',
        '-cp',
        classpath,
        LAUNCHER_CLASS,
        String(options.port),
        options.dataDir,
      ],
      {
        // stdin stays a pipe that we never write to: when this process dies, the JVM sees EOF and stops.
        // stdout is read for the launcher's NEO4J_STARTED line, printed once the password is set.
        stdio: ['pipe', 'pipe', log],
        env: { ...process.env, NEO4J_LAUNCHER_PASSWORD: options.password },
      },
    );
    fs.closeSync(log);
    if (child.pid === undefined) throw new LocalNeo4jError(`Could not start java. ${ALTERNATIVES}`);
    fs.writeFileSync(pidFile, String(child.pid));

    const uri = `bolt://127.0.0.1:${options.port}`;
    const started = new Promise<void>((resolve) => {
      let seen = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        logStream.write(chunk);
        seen += chunk.toString('utf8');
        if (seen.includes('NEO4J_STARTED')) resolve();
      });
    });
    const exited = once(child, 'exit').then(([code]) => {
      throw new LocalNeo4jError(
        `Local Neo4j exited with code ${String(code)} before it answered on ${uri}.\n` +
          `Last lines of ${logFile}:\n${tail(logFile, 15)}`,
      );
    });
    try {
      // Bolt may open before the launcher has set the password: wait for its word first.
      let timer: NodeJS.Timeout | undefined;
      const timeoutMs = options.startTimeoutMs ?? 120_000;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new LocalNeo4jError(
                `Local Neo4j did not start within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile, 15)}`,
              ),
            ),
          timeoutMs,
        );
      });
      await Promise.race([started, exited, timedOut]).finally(() => clearTimeout(timer));
      await Promise.race([waitForBolt({ uri, user: 'neo4j', password: options.password }, timeoutMs), exited]);
    } catch (error) {
      child.kill('SIGKILL');
      fs.rmSync(pidFile, { force: true });
      throw error;
    }
    exited.catch(() => undefined);
    return new LocalNeo4j(uri, child, pidFile);
  }

  /** Stops Neo4j cleanly (SIGTERM runs its shutdown hook); kills it if it hangs past 60 s. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.child.exitCode === null && this.child.signalCode === null) {
        const exited = once(this.child, 'exit');
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 60_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(this.pidFile, { force: true });
    })();
    return this.stopping;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
}

function assertJavaAvailable(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error !== undefined || java.status !== 0) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to start the local Neo4j, and \`java\` was not found on PATH. ${ALTERNATIVES}`,
    );
  }
  const version = /version "(\d+)/.exec(java.stderr)?.[1];
  if (version !== undefined && Number(version) < 17) {
    throw new LocalNeo4jError(`Neo4j 5 needs Java 17 or newer; found Java ${version}. ${ALTERNATIVES}`);
  }
}

/** The launcher's classpath; fails with the install command when the jars were never fetched. */
export function launcherClasspath(): string {
  const classes = path.join(LAUNCHER_DIR, 'target', 'classes');
  const lib = path.join(LAUNCHER_DIR, 'target', 'lib');
  if (
    !fs.existsSync(path.join(classes, 'org', 'aleppoactors', 'launcher', 'LocalNeo4j.class')) ||
    !fs.existsSync(lib)
  ) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    const hint =
      mvn.error === undefined
        ? 'Run `npm run neo4j:install` once (it fetches the Neo4j jars with Maven).'
        : 'Maven (`mvn`) is needed once to fetch the Neo4j jars and was not found on PATH.';
    throw new LocalNeo4jError(`The local Neo4j is not installed. ${hint} ${ALTERNATIVES}`);
  }
  return [classes, path.join(lib, '*')].join(path.delimiter);
}

/** A launcher whose parent was killed outright may still hold the store: stop it. */
async function stopLeftoverLauncher(pidFile: string): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isOurLauncher(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isOurLauncher(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(LAUNCHER_CLASS);
  } catch {
    // No /proc (macOS) or no such process: only a live process can be ours.
    return process.platform !== 'linux' && isAlive(pid);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function assertPortFree(port: number): Promise<void> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LocalNeo4jError(
      code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
            `Set LOCAL_NEO4J_PORT to a free port, or stop what holds it.`
        : `Cannot listen on 127.0.0.1:${port}: ${String(error)}`,
    );
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Asks the OS for a free port (for tests that need their own Neo4j). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
