/**
 * The graph as exporters see it: nodes (a label, an id, typed properties) and relationships (a
 * type, two node references, typed properties), read page by page through the executor so that a
 * graph of any size streams through bounded memory.
 *
 * Properties keep their Neo4j type (from Cypher's valueType), because the formats need it: a
 * Cypher script must write 36.0 for a float that happens to be whole, GraphML declares each
 * attribute's type, and an import must give back an INTEGER as an INTEGER.
 */
import type { Executor } from '../db/executor.js';

/**
 * Every label of the graph model; each node has exactly one, and an `id` unique within it.
 * Change nodes are the curation history (who changed what, when).
 */
export const EXPORT_LABELS = [
  'Source',
  'Actor',
  'Place',
  'Engagement',
  'Agreement',
  'Weapon',
  'Alias',
  'Citation',
  'Change',
] as const;
export type ExportLabel = (typeof EXPORT_LABELS)[number];

export function isExportLabel(label: string): label is ExportLabel {
  return (EXPORT_LABELS as readonly string[]).includes(label);
}

/** The property types the graph stores (valueType without "NOT NULL"). */
export const PROPERTY_TYPES = [
  'STRING',
  'INTEGER',
  'FLOAT',
  'BOOLEAN',
  'POINT',
  'LIST<STRING>',
  'LIST<INTEGER>',
  'LIST<FLOAT>',
  'LIST<BOOLEAN>',
  'LIST<NOTHING>',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** A point: WGS84 (srid 4326, x = longitude, y = latitude; 4979 adds z = height) or Cartesian. */
export interface GraphPoint {
  srid: number;
  x: number;
  y: number;
  z?: number;
}

export type PropertyValue = string | number | boolean | GraphPoint | readonly (string | number | boolean)[];

export interface Property {
  key: string;
  type: PropertyType;
  value: PropertyValue;
}

export interface NodeRef {
  label: string;
  id: string;
}

export interface GraphNode extends NodeRef {
  properties: Property[];
}

export interface GraphEdge {
  type: string;
  from: NodeRef;
  to: NodeRef;
  properties: Property[];
}

interface PropertyRow {
  key: string;
  type: string;
  value: unknown;
}

/** Thrown for a property type the formats cannot carry (dates, durations): better than losing it. */
export class UnsupportedPropertyError extends Error {
  override name = 'UnsupportedPropertyError';
}

function toPoint(value: unknown): GraphPoint {
  const { srid, x, y, z } = value as { srid: number; x: number; y: number; z?: number };
  return z === undefined || Number.isNaN(z) ? { srid, x, y } : { srid, x, y, z };
}

/** A valueType() text as a PropertyType. @throws UnsupportedPropertyError for other types */
function propertyType(valueType: string, owner: string, key: string): PropertyType {
  const type = valueType.replace(/ NOT NULL/g, '');
  if (!(PROPERTY_TYPES as readonly string[]).includes(type)) {
    throw new UnsupportedPropertyError(`${owner}: property ${key} has type ${type}, which exports cannot carry`);
  }
  return type as PropertyType;
}

/** Turns the `{key, type, value}` rows the export queries return into typed properties, by key. */
export function decodeProperties(rows: readonly PropertyRow[], owner: string): Property[] {
  return rows
    .map((row) => {
      const type = propertyType(row.type, owner, row.key);
      return { key: row.key, type, value: type === 'POINT' ? toPoint(row.value) : (row.value as PropertyValue) };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A value as text for the table formats: lists (and points) as JSON, the rest as they print. */
export function valueText(value: PropertyValue): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A node's display name: its name, title or id. */
export function displayName(node: GraphNode): string {
  const named = node.properties.find((p) => p.key === 'name' || p.key === 'title');
  return typeof named?.value === 'string' ? named.value : node.id;
}

/** Ids of the nodes of one label, in id order, a page at a time (keyset paging on the id index). */
export async function* idPages(executor: Executor, label: ExportLabel, pageSize: number): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await executor.read<{ id: string }>('export-id-page', { label, after, limit: pageSize });
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < pageSize) return;
  }
}

/** The nodes of one label with these ids. */
export async function readNodes(executor: Executor, label: ExportLabel, ids: readonly string[]): Promise<GraphNode[]> {
  const rows = await executor.read<{ id: string; properties: PropertyRow[] }>('export-nodes', { label, ids });
  return rows.map((r) => ({ label, id: r.id, properties: decodeProperties(r.properties, `${label} ${r.id}`) }));
}

/**
 * The relationships of these nodes that are read from them: each relationship is read from its
 * endpoint with fewer relationships, so that the nodes with a million (a dataset source, a
 * government) are never expanded from, and every relationship is read exactly once.
 */
export async function readEdges(executor: Executor, label: ExportLabel, ids: readonly string[]): Promise<GraphEdge[]> {
  const rows = await executor.read<{
    type: string;
    fromLabel: string;
    fromId: string;
    toLabel: string;
    toId: string;
    properties: PropertyRow[];
  }>('export-edges', { label, ids });
  return rows.map((r) => ({
    type: r.type,
    from: { label: r.fromLabel, id: r.fromId },
    to: { label: r.toLabel, id: r.toId },
    properties: decodeProperties(r.properties, `${r.type} ${r.fromId}->${r.toId}`),
  }));
}

/** Property keys and types per label and per relationship type, for formats that declare columns. */
export interface GraphSchema {
  nodes: Map<string, Map<string, PropertyType>>;
  edges: Map<string, Map<string, PropertyType>>;
}

/** Reads the keys every label and relationship type uses (one pass over the graph). */
export async function readSchema(executor: Executor): Promise<GraphSchema> {
  const rows = await executor.read<{ kind: 'node' | 'edge'; name: string; key: string; type: string }>('export-schema');
  const schema: GraphSchema = { nodes: new Map(), edges: new Map() };
  for (const row of rows) {
    const type = propertyType(row.type, row.name, row.key);
    const group = row.kind === 'node' ? schema.nodes : schema.edges;
    const keys = group.get(row.name) ?? new Map<string, PropertyType>();
    const known = keys.get(row.key);
    // An empty list has no element type, so another list type wins; two real types make it text.
    if (known === undefined || known === 'LIST<NOTHING>') keys.set(row.key, type);
    else if (known !== type && type !== 'LIST<NOTHING>') keys.set(row.key, 'STRING');
    group.set(row.name, keys);
  }
  return schema;
}
