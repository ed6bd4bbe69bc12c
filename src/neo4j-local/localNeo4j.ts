/**
 * Owns the lifecycle of the Neo4j Community server the project starts itself (no Docker on our
 * machines): the Java launcher in `neo4j-launcher/`, its jars fetched once by `npm run neo4j:install`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { waitForBolt } from '../db/driver.js';
import { isAlive, StoreFiles, type UserRole } from './storeFiles.js';

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
  /** The page cache ("256m", "4g"); a store larger than it is read from disk. */
  pageCache: string;
  /** How long to wait for Neo4j to start, or for another process that is starting it. */
  startTimeoutMs?: number;
  /** Where the launcher's output goes; default `<dataDir>/launcher.log`. */
  logFile?: string;
  /** What this process is, for the users registry; default `cli`. */
  role?: UserRole;
  /** For a server: where it answers, so that a second server on the store can say so. */
  url?: string;
  log?: (line: string) => void;
}

export interface SupervisionEvents {
  /** The launcher exited while this process used it. */
  onDown?: (pid: number) => void;
  /** It answers again, `downMs` after it was found gone. */
  onUp?: (pid: number, downMs: number) => void;
}

/**
 * This process's use of the local Neo4j on one store: started here or attached to one that
 * another process of the project started (docs/local-neo4j.md). The Neo4j runs detached and
 * stops by itself once no registered process is alive; `close()` unregisters this one.
 */
export class LocalNeo4j {
  private closing: Promise<void> | undefined;
  private supervisor: NodeJS.Timeout | undefined;

  private constructor(
    private readonly options: LocalNeo4jOptions & { url?: string },
    private readonly files: StoreFiles,
    private launcher: { pid: number; uri: string; startedHere: boolean },
  ) {}

  /**
   * Attaches to the local Neo4j running on `dataDir`, or starts it when none runs there, and
   * resolves once Bolt answers with the password. A Neo4j left by a crash (its users dead, or
   * not answering) is stopped first, so a crash never blocks the next start.
   * @throws LocalNeo4jError when a server already uses the store and this process is a server too.
   */
  static async attach(given: LocalNeo4jOptions): Promise<LocalNeo4j> {
    // The launcher is found by its command line, which holds the absolute path.
    const options = { ...given, dataDir: path.resolve(given.dataDir) };
    const files = new StoreFiles(options.dataDir);
    const launcher = await ensureRunning(options, files, true);
    return new LocalNeo4j(options, files, launcher);
  }

  get uri(): string {
    return this.launcher.uri;
  }

  get pid(): number {
    return this.launcher.pid;
  }

  /** Whether this process started the Neo4j it uses (rather than attaching to a running one). */
  get startedHere(): boolean {
    return this.launcher.startedHere;
  }

  /** Records where this process (a server) answers, once it listens (PORT=0 picks the port then). */
  announce(url: string): void {
    this.options.url = url;
    this.files.register(this.options.role ?? 'cli', url, false);
  }

  /**
   * Watches the launcher once a second; when it exits unexpectedly (crash, kill -9, out of
   * memory) starts it again on the same store with backoff (1 s doubling to 30 s) until it answers.
   */
  supervise(events: SupervisionEvents = {}): void {
    const log = this.options.log ?? (() => undefined);
    let restarting = false;
    this.supervisor = setInterval(() => {
      if (restarting || this.closing !== undefined || isAlive(this.launcher.pid)) return;
      restarting = true;
      const down = this.launcher.pid;
      const since = Date.now();
      log(`The local Neo4j (pid ${down}) exited unexpectedly; starting it again on the same store ...`);
      events.onDown?.(down);
      void (async () => {
        for (let delay = 1_000; this.closing === undefined; delay = Math.min(delay * 2, 30_000)) {
          try {
            this.launcher = await ensureRunning(this.options, this.files, false);
            log(
              `The local Neo4j answers again (pid ${this.launcher.pid}), ${((Date.now() - since) / 1000).toFixed(1)} s after it went down.`,
            );
            events.onUp?.(this.launcher.pid, Date.now() - since);
            break;
          } catch (error) {
            log(`Could not start the local Neo4j again (${(error as Error).message}); next try in ${delay / 1000} s.`);
            await new Promise((resolve) => setTimeout(resolve, delay));
          }
        }
        restarting = false;
      })();
    }, 1_000);
    this.supervisor.unref();
  }

  /**
   * Unregisters this process. When it was the last user, waits until the launcher has shut the
   * store down (it does so within a second), killing it if it hangs past 60 s. Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.supervisor);
      this.files.unregister();
      const pid = this.launcher.pid;
      const deadline = Date.now() + 60_000;
      // A zombie counts as gone: it has exited and released the store, and whichever process
      // adopted the detached launcher may be slow to reap it.
      while (isAlive(pid)) {
        if (this.files.heldHere() || this.files.otherLiveUsers().length > 0) return;
        if (Date.now() > deadline) {
          if (isAlive(pid)) process.kill(pid, 'SIGKILL');
          this.files.clearLauncherFiles();
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    return this.closing;
  }
}

/**
 * Under the store's lock: registers this process, then attaches to the running launcher or starts
 * one. `firstAttach` refuses a second server on the store (a restart by the supervisor does not).
 */
async function ensureRunning(
  options: LocalNeo4jOptions,
  files: StoreFiles,
  firstAttach: boolean,
): Promise<{ pid: number; uri: string; startedHere: boolean }> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const release = await files.acquireLock(timeoutMs, (holder) =>
    log(`Waiting for process ${holder}, which is starting or stopping the local Neo4j on this store ...`),
  );
  let registered = false;
  try {
    if (firstAttach && options.role === 'server') {
      const server = files.otherLiveUsers().find((u) => u.role === 'server');
      if (server !== undefined) {
        throw new LocalNeo4jError(
          `A server already runs on this store (${options.dataDir}): process ${server.pid}, answering at ` +
            `${server.url ?? '(unknown address)'}. Use that one, stop it first, or set LOCAL_NEO4J_DATA_DIR ` +
            'to another store.',
        );
      }
    }
    files.register(options.role ?? 'cli', options.url, firstAttach);
    registered = firstAttach;
    const running = await attachToRunning(options, files);
    if (running !== undefined) return { ...running, startedHere: false };
    await stopStrayLaunchers(options.dataDir);
    files.clearLauncherFiles();
    log(`Starting the local Neo4j on 127.0.0.1:${options.port} (data in ${options.dataDir}) ...`);
    return { ...(await startLauncher(options, files)), startedHere: true };
  } catch (error) {
    if (registered) files.unregister();
    throw error;
  } finally {
    release();
  }
}

/** The launcher running on the store when it answers; a leftover that does not is stopped. */
async function attachToRunning(
  options: LocalNeo4jOptions,
  files: StoreFiles,
): Promise<{ pid: number; uri: string } | undefined> {
  const pid = files.liveLauncherPid();
  if (pid === undefined || !isLauncherOn(pid, options.dataDir)) return undefined;
  const ready = files.ready();
  if (ready?.pid === pid) {
    const uri = `bolt://127.0.0.1:${ready.port}`;
    try {
      await waitForBolt({ uri, user: 'neo4j', password: options.password }, 15_000);
      return { pid, uri };
    } catch (error) {
      if (/refused the credentials/.test((error as Error).message)) throw error;
    }
  }
  // Alive but not ready while we hold the lock: whoever started it died, or it hangs.
  (options.log ?? (() => undefined))(`Stopping a leftover local Neo4j (pid ${pid}) that does not answer ...`);
  await terminate(pid);
  return undefined;
}

async function startLauncher(options: LocalNeo4jOptions, files: StoreFiles): Promise<{ pid: number; uri: string }> {
  assertJavaAvailable();
  const classpath = launcherClasspath();
  await assertPortFree(options.port);
  const logFile = options.logFile ?? path.join(options.dataDir, 'launcher.log');
  const log = fs.openSync(logFile, 'a');
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
      // Detached, in a process group of its own: Ctrl-C in the terminal of the process that
      // started it does not reach it, and it outlives that process while others use it.
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NEO4J_LAUNCHER_PASSWORD: options.password,
        NEO4J_LAUNCHER_PAGECACHE: options.pageCache,
      },
    },
  );
  fs.closeSync(log);
  if (child.pid === undefined) throw new LocalNeo4jError(`Could not start java. ${ALTERNATIVES}`);
  const pid = child.pid;
  child.unref();
  const uri = `bolt://127.0.0.1:${options.port}`;
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  let exitCode: number | null | undefined;
  child.once('exit', (code) => (exitCode = code));
  try {
    // Bolt may open before the launcher has set the password: wait for its ready file first.
    const deadline = Date.now() + timeoutMs;
    while (files.ready()?.pid !== pid) {
      if (exitCode !== undefined) {
        throw new LocalNeo4jError(
          `Local Neo4j exited with code ${String(exitCode)} before it answered on ${uri}.
` + `Last lines of ${logFile}:\n${tail(logFile, 15)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new LocalNeo4jError(
          `Local Neo4j did not start within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile, 15)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitForBolt({ uri, user: 'neo4j', password: options.password }, timeoutMs);
  } catch (error) {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    files.clearLauncherFiles();
    throw error;
  }
  return { pid, uri };
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

/** Whether `pid` is the project's launcher on this store (by its command line, where /proc exists). */
function isLauncherOn(pid: number, dataDir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes(LAUNCHER_CLASS) && cmdline.includes(dataDir);
  } catch {
    // No /proc (macOS): trust the pid file of a live process.
    return process.platform !== 'linux' && isAlive(pid);
  }
}

/** Launchers on this store that no pid file names (their starter died before it wrote one). */
async function stopStrayLaunchers(dataDir: string): Promise<void> {
  let pids: number[] = [];
  try {
    pids = fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => pid !== process.pid && isLauncherOn(pid, dataDir));
  } catch {
    return;
  }
  for (const pid of pids) await terminate(pid);
}

/** SIGTERM (Neo4j's clean shutdown), then SIGKILL if it is still there after 30 s. */
async function terminate(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
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
