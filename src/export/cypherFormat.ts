/**
 * The Cypher export: a script that recreates the exported graph in another Neo4j 5, run with
 * `cypher-shell -f export.cypher` (or pasted into the browser). It is parameter-free: every value
 * is written as a literal, strings escaped, floats always with a decimal point, points as
 * point({...}). Nodes and relationships are MERGEd on their ids (relationships without an id on
 * their endpoints and type), so running the script twice, or into a graph that already holds part
 * of it, gives the same graph. Statements are batched (UNWIND over a literal list), one statement
 * per line, each ending with a semicolon; uniqueness constraints on every id come first so the
 * MERGEs use an index.
 */
import type { GraphEdge, GraphNode, GraphPoint, Property, PropertyValue } from './graph.js';
import { EXPORT_LABELS } from './graph.js';
import { TextOutput } from './output.js';
import type { ExportContext, ExportCounts, GraphWriter } from './writer.js';

/** Rows per UNWIND statement: large enough to run fast, small enough for any client. */
const ROWS_PER_STATEMENT = 200;

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A Cypher string literal; control characters as \uXXXX, so a statement stays on one line. */
export function cypherString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must be escaped
  return `'${text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/** A label, relationship type or property key, backquoted when it is not a plain identifier. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function cypherFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write the float ${value} as a Cypher literal`);
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function cypherInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Cannot write the integer ${value} exactly`);
  return String(value);
}

function cypherScalar(value: string | number | boolean, float: boolean): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  return float ? cypherFloat(value) : cypherInteger(value);
}

/** A property value as a Cypher literal of its own type. */
export function cypherValue(type: Property['type'], value: PropertyValue): string {
  if (type === 'POINT') {
    const { srid, x, y, z } = value as GraphPoint;
    const height = z === undefined ? '' : `, z: ${cypherFloat(z)}`;
    return `point({srid: ${srid}, x: ${cypherFloat(x)}, y: ${cypherFloat(y)}${height}})`;
  }
  const float = type === 'FLOAT' || type === 'LIST<FLOAT>';
  if (Array.isArray(value))
    return `[${(value as (string | number | boolean)[]).map((v) => cypherScalar(v, float)).join(', ')}]`;
  return cypherScalar(value as string | number | boolean, float);
}

function cypherMap(properties: readonly Property[]): string {
  return `{${properties.map((p) => `${cypherName(p.key)}: ${cypherValue(p.type, p.value)}`).join(', ')}}`;
}

/** Writes a Cypher script to `path` (see the module comment). */
export async function cypherWriter(path: string, context: ExportContext): Promise<GraphWriter> {
  const out = new TextOutput(path);
  // Rows waiting for their statement, by statement shape.
  const batches = new Map<string, { statement: (rows: string) => string; rows: string[] }>();
  const flush = async (shape: string) => {
    const batch = batches.get(shape);
    if (batch === undefined || batch.rows.length === 0) return;
    await out.write(`${batch.statement(`[${batch.rows.join(', ')}]`)};\n`);
    batch.rows = [];
  };
  const add = async (shape: string, statement: (rows: string) => string, row: string) => {
    const batch = batches.get(shape) ?? { statement, rows: [] };
    batches.set(shape, batch);
    batch.rows.push(row);
    if (batch.rows.length >= ROWS_PER_STATEMENT) await flush(shape);
  };
  const flushAll = async () => {
    for (const shape of batches.keys()) await flush(shape);
  };

  await out.write(
    `// aleppo-actors-graph export, ${context.exportedAt}; filter: ${JSON.stringify(context.filter)}\n` +
      '// Recreates the exported graph: run with `cypher-shell -f <this file>` on Neo4j 5. Safe to run again.\n' +
      EXPORT_LABELS.map(
        (l) => `CREATE CONSTRAINT IF NOT EXISTS FOR (n:${cypherName(l)}) REQUIRE n.id IS UNIQUE;\n`,
      ).join(''),
  );
  return {
    writeNode(node: GraphNode) {
      const label = cypherName(node.label);
      return add(
        `node:${node.label}`,
        (rows) => `UNWIND ${rows} AS row MERGE (n:${label} {id: row.id}) SET n += row.properties`,
        `{id: ${cypherString(node.id)}, properties: ${cypherMap(node.properties)}}`,
      );
    },
    startEdges: flushAll,
    writeEdge(edge: GraphEdge) {
      const [from, to, type] = [cypherName(edge.from.label), cypherName(edge.to.label), cypherName(edge.type)];
      const keyed = edge.properties.some((p) => p.key === 'id');
      const merge = keyed ? `MERGE (a)-[r:${type} {id: row.properties.id}]->(b)` : `MERGE (a)-[r:${type}]->(b)`;
      return add(
        `edge:${edge.type}:${edge.from.label}:${edge.to.label}:${String(keyed)}`,
        (rows) =>
          `UNWIND ${rows} AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) ${merge} SET r += row.properties`,
        `{from: ${cypherString(edge.from.id)}, to: ${cypherString(edge.to.id)}, properties: ${cypherMap(edge.properties)}}`,
      );
    },
    async close(counts: ExportCounts) {
      await flushAll();
      // The label a place's count relies on (src/db/multiPlace.ts), which the server writes with AT.
      if ([...batches.keys()].some((shape) => shape.startsWith('edge:AT:')))
        await out.write(
          'MATCH (e:Engagement) WHERE NOT e:MultiPlace AND COUNT { (e)-[:AT]->() } > 1 SET e:MultiPlace;\n',
        );
      await out.write(`// counts: ${JSON.stringify(counts)}\n`);
      await out.close();
    },
  };
}
