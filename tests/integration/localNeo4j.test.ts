import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDriver, waitForBolt } from '../../src/db/driver.js';
import { freePort, LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';
// A zombie (exited, not yet reaped by whichever process adopted it) counts as gone.
import { isAlive } from '../../src/neo4j-local/storeFiles.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-graph-lifecycle-'));
const password = 'lifecycle-test';
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function countMarkers(uri: string): Promise<number> {
  const driver = createDriver({ uri, user: 'neo4j', password });
  try {
    const result = await driver.executeQuery('MATCH (m:LifecycleMarker) RETURN count(m) AS n');
    return result.records[0]?.get('n') as number;
  } finally {
    await driver.close();
  }
}

describe('the local Neo4j the project starts', () => {
  it('keeps committed data across a crash, recovers on the next start, and leaves no JVM behind when closed', async () => {
    const port = await freePort();
    const first = await LocalNeo4j.attach({ port, dataDir, password, heap: '512m', pageCache: '128m', role: 'test' });
    expect(first.startedHere).toBe(true);
    const driver = createDriver({ uri: first.uri, user: 'neo4j', password });
    await driver.executeQuery('CREATE (:LifecycleMarker {at: datetime()})');
    await driver.close();

    // A crash: the JVM dies without shutting down, leaving its pid file and store behind.
    const crashedPid = first.pid;
    process.kill(crashedPid, 'SIGKILL');
    while (isAlive(crashedPid)) await new Promise((r) => setTimeout(r, 100));
    await first.close();

    const second = await LocalNeo4j.attach({ port, dataDir, password, heap: '512m', pageCache: '128m', role: 'test' });
    try {
      expect(second.pid).not.toBe(crashedPid);
      expect(await countMarkers(second.uri)).toBe(1);
    } finally {
      await second.close();
    }
    expect(isAlive(second.pid)).toBe(false);
  }, 300_000);

  it('is started again by its supervisor after kill -9, on the same store, with its data', async () => {
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-graph-supervised-'));
    const neo4j = await LocalNeo4j.attach({
      port: await freePort(),
      dataDir: store,
      password,
      heap: '512m',
      pageCache: '128m',
      role: 'test',
    });
    try {
      const driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password });
      await driver.executeQuery('CREATE (:LifecycleMarker {at: datetime()})');
      await driver.close();
      const back = new Promise<number>((resolve) => neo4j.supervise({ onUp: (_, downMs) => resolve(downMs) }));
      const killed = neo4j.pid;
      process.kill(killed, 'SIGKILL');
      await back;
      expect(neo4j.pid).not.toBe(killed);
      expect(await countMarkers(neo4j.uri)).toBe(1);
    } finally {
      await neo4j.close();
      fs.rmSync(store, { recursive: true, force: true });
    }
    expect(isAlive(neo4j.pid)).toBe(false);
  }, 300_000);

  it('says which port is taken when something already listens there', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(
        LocalNeo4j.attach({ port, dataDir, password, heap: '512m', pageCache: '128m', role: 'test' }),
      ).rejects.toThrow(new RegExp(`Port ${port} on 127.0.0.1 is already in use.*LOCAL_NEO4J_PORT`));
    } finally {
      blocker.close();
    }
  });

  it('reports an unreachable Neo4j with its URI and reason after retrying for the bounded time', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    await expect(waitForBolt({ uri, user: 'neo4j', password }, 1_500)).rejects.toThrow(
      new RegExp(`Neo4j at ${uri} did not answer within 2 s`),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  });

  it('says the password is wrong at once instead of retrying', async () => {
    const started = Date.now();
    await expect(
      waitForBolt({ uri: inject('neo4jUri'), user: 'neo4j', password: 'not-the-password' }, 30_000),
    ).rejects.toThrow(/refused the credentials of user "neo4j".*check NEO4J_USER and NEO4J_PASSWORD/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
