/**
 * What the import/export tests share: fixture paths, temporary folders, and reading the graph
 * back with plain Cypher (independent of the API's queries) to check what an import wrote.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import type { Executor } from '../../src/db/executor.js';
import { normaliseName } from '../../src/domain/names.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs `npm run cli -- <args>` against the lane's Neo4j; rejects with code, stdout and stderr on a non-zero exit. */
export function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return cliWith({}, ...args);
}

/** The same, with some environment variables changed (a Neo4j that is not there, say). */
export function cliWith(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(TSX, [CLI, ...args], {
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), ...env },
  });
}

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aleppo-import-export-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A driver on the lane's Neo4j for reading the graph with plain Cypher; closed after the file. */
export function testDriver(): Driver {
  const driver = createDriver({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
  afterAll(() => driver.close());
  return driver;
}

/** Runs one statement and returns its rows as objects. */
export async function cypher<T = Record<string, unknown>>(
  driver: Driver,
  query: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const result = await driver.executeQuery(query, params);
  return result.records.map((r) => r.toObject() as T);
}

/** Node counts per label and edge counts per type, as "node:Actor" → n. */
export async function graphCounts(executor: Executor): Promise<Record<string, number>> {
  const rows = await executor.read<{ kind: string; name: string; count: number }>('graph-counts');
  // The write lock and import checkpoints are operational, not the graph (cypher/graph-write-lock.cypher).
  const operational = new Set(['node:GraphWriteLock', 'node:ImportRun']);
  return Object.fromEntries(
    rows.filter((r) => !operational.has(`${r.kind}:${r.name}`)).map((r) => [`${r.kind}:${r.name}`, r.count]),
  );
}

/**
 * The id of the actor or place answering to `name` (any spelling the graph knows): the curated
 * one when an import has created a namesake elsewhere (names repeat), else the imported one.
 */
export async function idNamed(executor: Executor, entityType: 'Actor' | 'Place', name: string): Promise<string> {
  const rows = await executor.read<{ entityId: string }>('resolve-names', {
    keys: [normaliseName(name)],
    entityType,
    withinId: null,
  });
  const ids = [...new Set(rows.map((r) => r.entityId))];
  const curated = ids.filter((id) => !/^(?:acled|ucdp)-(?:actor|place)-/.test(id));
  const [id, ...others] = curated.length > 0 ? curated : ids;
  if (id === undefined || others.length > 0)
    throw new Error(`${entityType} "${name}" resolves to ${ids.join(', ') || 'nothing'}`);
  return id;
}

/** Who took part in an engagement: actor id → side and role. */
export async function participantsOf(
  driver: Driver,
  engagementId: string,
): Promise<Map<string, { side: string; role: string | null; note: string | null }>> {
  const rows = await cypher<{ actor: string; side: string; role: string | null; note: string | null }>(
    driver,
    'MATCH (a:Actor)-[r:FOUGHT_IN]->(:Engagement {id: $id}) RETURN a.id AS actor, r.side AS side, r.role AS role, r.note AS note',
    { id: engagementId },
  );
  return new Map(rows.map((r) => [r.actor, { side: r.side, role: r.role, note: r.note }]));
}

/** The stored properties of an engagement; throws when there is none with that id. */
export async function engagementProperties(driver: Driver, engagementId: string): Promise<Record<string, unknown>> {
  const [row] = await cypher<{ e: Record<string, unknown> }>(
    driver,
    'MATCH (e:Engagement {id: $id}) RETURN properties(e) AS e',
    { id: engagementId },
  );
  if (row === undefined) throw new Error(`no engagement ${engagementId}`);
  return row.e;
}

/** Where an engagement happened (place ids). */
export async function placesOf(driver: Driver, engagementId: string): Promise<string[]> {
  const rows = await cypher<{ id: string }>(
    driver,
    'MATCH (:Engagement {id: $id})-[:AT]->(p:Place) RETURN p.id AS id',
    { id: engagementId },
  );
  return rows.map((r) => r.id);
}

/** The rows of a rejects file. */
export function readRejects(file: string): { line: number; reason: string; text: string }[] {
  const rows = parse<{ line: string; reason: string; text: string }>(fs.readFileSync(file), { columns: true });
  return rows.map((r) => ({ line: Number(r.line), reason: r.reason, text: r.text }));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const { srid, x, y, z } = value as { srid: number; x: number; y: number; z?: number };
    return { srid, x, y, ...(z === undefined || Number.isNaN(z) ? {} : { z }) };
  }
  return value;
}

/**
 * A checksum of the whole graph: every node (labels, each property with its Cypher type and
 * value) and every relationship (type, endpoints by label and id, typed properties), in a
 * canonical order. Two graphs with equal checksums hold the same data.
 */
export async function graphChecksum(driver: Driver): Promise<{ checksum: string; nodes: number; edges: number }> {
  const properties = (v: string) =>
    `COLLECT { UNWIND keys(${v}) AS key WITH key ORDER BY key RETURN [key, valueType(${v}[key]), ${v}[key]] }`;
  const nodes = await cypher(
    driver,
    `MATCH (n) WHERE NOT n:GraphWriteLock AND NOT n:ImportRun RETURN labels(n) AS labels, ${properties('n')} AS properties`,
  );
  const edges = await cypher(
    driver,
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, labels(b) AS toLabels, b.id AS toId,
            ${properties('r')} AS properties`,
  );
  const lines = [...nodes, ...edges].map((row) => JSON.stringify(canonical(Object.entries(row).sort()))).sort();
  return {
    checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
    nodes: nodes.length,
    edges: edges.length,
  };
}
