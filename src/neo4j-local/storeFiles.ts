/**
 * The files in the local Neo4j's data folder through which the project's processes share one
 * Neo4j (docs/local-neo4j.md describes the protocol): who uses it (`users/<pid>.json`), who may
 * start or stop it right now (`neo4j.lock`), and the launcher's own `launcher.pid` and
 * `launcher.ready`. The Java launcher reads and writes the same files.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What kind of process uses the local Neo4j: shown when a second server is refused. */
export type UserRole = 'server' | 'cli' | 'test' | 'bench';

export interface UserRecord {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc), to tell a recycled pid apart. */
  startTime: string;
  role: UserRole;
  /** For a server: where it answers. */
  url?: string;
  since: string;
}

export interface LauncherReady {
  pid: number;
  port: number;
}

/** Leases this process holds per store: its users file goes only when the last is closed. */
const leasesHere = new Map<string, number>();

export class StoreFiles {
  readonly users: string;
  readonly lock: string;
  readonly launcherPid: string;
  readonly launcherReady: string;

  constructor(readonly dataDir: string) {
    this.users = path.join(dataDir, 'users');
    this.lock = path.join(dataDir, 'neo4j.lock');
    this.launcherPid = path.join(dataDir, 'launcher.pid');
    this.launcherReady = path.join(dataDir, 'launcher.ready');
  }

  /**
   * Registers this process as a user; the launcher keeps Neo4j up while one is alive. `lease`
   * counts one more use by this process (false when a supervisor only rewrites the file).
   */
  register(role: UserRole, url: string | undefined, lease: boolean): void {
    if (lease) leasesHere.set(this.users, (leasesHere.get(this.users) ?? 0) + 1);
    fs.mkdirSync(this.users, { recursive: true });
    const record: UserRecord = {
      pid: process.pid,
      startTime: startTimeOf(process.pid),
      role,
      ...(url === undefined ? {} : { url }),
      since: new Date().toISOString(),
    };
    const file = path.join(this.users, `${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(record));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** Gives back one lease; the users file goes with the last. */
  unregister(): void {
    const left = (leasesHere.get(this.users) ?? 1) - 1;
    if (left > 0) {
      leasesHere.set(this.users, left);
      return;
    }
    leasesHere.delete(this.users);
    fs.rmSync(path.join(this.users, `${process.pid}.json`), { force: true });
  }

  /** Whether this process still holds a lease on the store through another handle. */
  heldHere(): boolean {
    return (leasesHere.get(this.users) ?? 0) > 0;
  }

  /** The registered processes that are alive, other than this one. */
  otherLiveUsers(): UserRecord[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.users).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const live: UserRecord[] = [];
    for (const name of names) {
      const record = readJson<UserRecord>(path.join(this.users, name));
      if (record === undefined || record.pid === process.pid) continue;
      if (isSameProcessAlive(record.pid, record.startTime)) live.push(record);
    }
    return live;
  }

  /**
   * Takes `neo4j.lock`, waiting while a live process holds it (it is starting or stopping Neo4j)
   * and taking it over from a dead holder. Resolves with the release function.
   */
  async acquireLock(timeoutMs: number, onWait?: (holder: number) => void): Promise<() => void> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const deadline = Date.now() + timeoutMs;
    let told = false;
    for (;;) {
      try {
        fs.writeFileSync(this.lock, `${process.pid} ${startTimeOf(process.pid)}\n`, { flag: 'wx' });
        return () => {
          if (this.lockHolder()?.pid === process.pid) fs.rmSync(this.lock, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = this.lockHolder();
      if (holder !== undefined && !isSameProcessAlive(holder.pid, holder.startTime)) {
        fs.rmSync(this.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${this.lock} has been held by process ${holder?.pid ?? '?'} for over ${Math.round(timeoutMs / 1000)} s.`,
        );
      }
      if (!told && holder !== undefined) onWait?.(holder.pid);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private lockHolder(): { pid: number; startTime: string } | undefined {
    try {
      const [pid, startTime] = fs.readFileSync(this.lock, 'utf8').trim().split(' ');
      return { pid: Number(pid), startTime: startTime ?? '' };
    } catch {
      return undefined;
    }
  }

  /** The pid the launcher recorded, if that process still runs. */
  liveLauncherPid(): number | undefined {
    try {
      const pid = Number(fs.readFileSync(this.launcherPid, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether launcher.pid still names `pid` (it is removed once that launcher closed the store). */
  launcherPidIs(pid: number): boolean {
    try {
      return Number(fs.readFileSync(this.launcherPid, 'utf8').trim()) === pid;
    } catch {
      return false;
    }
  }

  ready(): LauncherReady | undefined {
    return readJson<LauncherReady>(this.launcherReady);
  }

  /** Removes what a launcher that died without its shutdown hook left behind. */
  clearLauncherFiles(): void {
    fs.rmSync(this.launcherPid, { force: true });
    fs.rmSync(this.launcherReady, { force: true });
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat, or '' where there is no /proc. */
export function startTimeOf(pid: number): string {
  const fields = statFields(pid);
  return fields[19] ?? '';
}

function statFields(pid: number): string[] {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .trim()
      .split(' ');
  } catch {
    return [];
  }
}

/** Whether a process with this pid exists, a zombie included. */
export function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process runs (a zombie, dead but not yet reaped, does not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return statFields(pid)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Alive and the same process that wrote the record (a recycled pid has another start time). */
export function isSameProcessAlive(pid: number, startTime: string): boolean {
  if (!isAlive(pid)) return false;
  const now = startTimeOf(pid);
  return now === '' || startTime === '' || now === startTime;
}
