/**
 * The CSV export: a folder with one file per node label (`nodes/Actor.csv`, ...) and one per
 * relationship type (`edges/FOUGHT_IN.csv`, ...), for spreadsheets and tools that read tables.
 *
 * Node files start with `id`, then every property key of the label in alphabetical order.
 * Relationship files start with `from_label, from_id, to_label, to_id`, then the properties.
 * Lists are written as JSON arrays, points as two columns `<key>.latitude` and `<key>.longitude`
 * (y and x), booleans as true/false, absent values as empty cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import {
  valueText,
  type GraphEdge,
  type GraphPoint,
  type GraphSchema,
  type Property,
  type PropertyType,
} from './graph.js';
import type { ExportContext, GraphWriter } from './writer.js';

/** The columns one property gives: a point gives two. */
function columnsOf(key: string, type: PropertyType): string[] {
  return type === 'POINT' ? [`${key}.latitude`, `${key}.longitude`] : [key];
}

function cells(property: Property | undefined, type: PropertyType): string[] {
  if (type === 'POINT') {
    const point = property?.value as GraphPoint | undefined;
    return point === undefined ? ['', ''] : [String(point.y), String(point.x)];
  }
  return [property === undefined ? '' : valueText(property.value)];
}

/** One CSV file: its header from the schema, rows written as they come. */
class Table {
  private readonly csv: Stringifier;
  private readonly file: fs.WriteStream;
  private readonly keys: [string, PropertyType][];

  constructor(filePath: string, leading: readonly string[], keys: ReadonlyMap<string, PropertyType> | undefined) {
    this.keys = [...(keys ?? new Map<string, PropertyType>())]
      .filter(([key]) => !leading.includes(key))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    this.file = fs.createWriteStream(filePath);
    this.csv = stringify({ header: true, columns: [...leading, ...this.keys.flatMap(([k, t]) => columnsOf(k, t))] });
    this.csv.pipe(this.file);
  }

  async write(leading: readonly string[], properties: readonly Property[]): Promise<void> {
    const byKey = new Map(properties.map((p) => [p.key, p]));
    const row = [...leading, ...this.keys.flatMap(([key, type]) => cells(byKey.get(key), type))];
    if (!this.csv.write(row)) await once(this.csv, 'drain');
  }

  async close(): Promise<void> {
    this.csv.end();
    await finished(this.file);
  }
}

/** Writes a CSV export into the folder `dir` (created; see the module comment). */
export async function csvWriter(dir: string, context: ExportContext): Promise<GraphWriter> {
  if (context.schema === null) throw new Error('The CSV export needs the graph schema');
  const schema: GraphSchema = context.schema;
  await fs.promises.mkdir(path.join(dir, 'nodes'), { recursive: true });
  await fs.promises.mkdir(path.join(dir, 'edges'), { recursive: true });
  const nodeTables = new Map<string, Table>();
  const edgeTables = new Map<string, Table>();
  const table = (tables: Map<string, Table>, name: string, make: () => Table) => {
    const existing = tables.get(name);
    if (existing !== undefined) return existing;
    const created = make();
    tables.set(name, created);
    return created;
  };
  const fileName = (name: string) => `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
  return {
    async writeNode(node) {
      const nodes = table(nodeTables, node.label, () => {
        return new Table(path.join(dir, 'nodes', fileName(node.label)), ['id'], schema.nodes.get(node.label));
      });
      await nodes.write([node.id], node.properties);
    },
    async startEdges() {
      await Promise.all([...nodeTables.values()].map((t) => t.close()));
    },
    async writeEdge(edge: GraphEdge) {
      const edges = table(edgeTables, edge.type, () => {
        const leading = ['from_label', 'from_id', 'to_label', 'to_id'];
        return new Table(path.join(dir, 'edges', fileName(edge.type)), leading, schema.edges.get(edge.type));
      });
      await edges.write([edge.from.label, edge.from.id, edge.to.label, edge.to.id], edge.properties);
    },
    async close() {
      await Promise.all([...edgeTables.values()].map((t) => t.close()));
    },
  };
}
