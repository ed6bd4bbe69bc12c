/**
 * The JSON export: one document holding every node and relationship with all its properties
 * (citations are nodes like any other, linked to their sources by CITES and to their facts by
 * factId), readable by people and by `importGraphJson`.
 *
 *   {"format":"aleppo-actors-graph export","version":1,"exportedAt":"...","filter":null,
 *   "nodes":[
 *   {"label":"Actor","id":"hezbollah","properties":{"id":"hezbollah","name":"Hezbollah",...}},
 *   ...
 *   ],
 *   "relationships":[
 *   {"type":"FOUGHT_IN","from":{"label":"Actor","id":"..."},"to":{...},"properties":{...}},
 *   ...
 *   ],
 *   "counts":{"nodes":{...},"edges":{...}}}
 *
 * Each node and relationship sits on a line of its own, so the file streams in both directions.
 * Property values are plain JSON; `types` names the Neo4j type where JSON cannot tell it: FLOAT
 * and LIST<FLOAT> (other numbers are INTEGER) and POINT, written as the map Cypher's point() takes:
 * {latitude, longitude[, height]} for WGS84, {x, y[, z]} for Cartesian. Neo4j has only these four
 * coordinate systems, so the keys give the srid (and JSON would turn an srid into a float).
 */
import type { GraphEdge, GraphNode, GraphPoint, Property, PropertyType } from './graph.js';
import { TextOutput } from './output.js';
import type { ExportContext, ExportCounts, GraphWriter } from './writer.js';

export const GRAPH_JSON_FORMAT = 'aleppo-actors-graph export';
export const GRAPH_JSON_VERSION = 1;

/** The first line of a JSON export, and the lines that open its two arrays. */
export const NODES_START = '"nodes":[';
export const RELATIONSHIPS_START = '"relationships":[';

const WGS84 = 4326;
const WGS84_3D = 4979;

/** A point as the map Cypher's point() takes; its keys name its coordinate system. */
export function pointMap(point: GraphPoint): Record<string, number> {
  const { x, y, z } = point;
  if (point.srid === WGS84 || point.srid === WGS84_3D) {
    return z === undefined ? { latitude: y, longitude: x } : { latitude: y, longitude: x, height: z };
  }
  return z === undefined ? { x, y } : { x, y, z };
}

const STATED_TYPES: ReadonlySet<PropertyType> = new Set(['FLOAT', 'LIST<FLOAT>', 'POINT']);

/** Properties as plain JSON, with the types JSON cannot tell. */
export function encodeProperties(properties: readonly Property[]): {
  properties: Record<string, unknown>;
  types?: Record<string, PropertyType>;
} {
  const values: Record<string, unknown> = {};
  const types: Record<string, PropertyType> = {};
  for (const p of properties) {
    values[p.key] = p.type === 'POINT' ? pointMap(p.value as GraphPoint) : p.value;
    if (STATED_TYPES.has(p.type)) types[p.key] = p.type;
  }
  return Object.keys(types).length === 0 ? { properties: values } : { properties: values, types };
}

/** Writes a JSON export to `path` (see the module comment). */
export async function jsonWriter(path: string, context: ExportContext): Promise<GraphWriter> {
  const out = new TextOutput(path);
  // Each element is held back one step, so that only the last of an array goes without a comma.
  let pending: string | null = null;
  const element = async (json: string) => {
    if (pending !== null) await out.write(`${pending},\n`);
    pending = json;
  };
  const endArray = async () => {
    if (pending !== null) await out.write(`${pending}\n`);
    pending = null;
    await out.write('],\n');
  };
  const header = {
    format: GRAPH_JSON_FORMAT,
    version: GRAPH_JSON_VERSION,
    exportedAt: context.exportedAt,
    filter: context.filter,
  };
  await out.write(`${JSON.stringify(header).slice(0, -1)},\n${NODES_START}\n`);
  return {
    writeNode: (node: GraphNode) =>
      element(JSON.stringify({ label: node.label, id: node.id, ...encodeProperties(node.properties) })),
    async startEdges() {
      await endArray();
      await out.write(`${RELATIONSHIPS_START}\n`);
    },
    writeEdge: (edge: GraphEdge) =>
      element(JSON.stringify({ type: edge.type, from: edge.from, to: edge.to, ...encodeProperties(edge.properties) })),
    async close(counts: ExportCounts) {
      await endArray();
      await out.write(`"counts":${JSON.stringify(counts)}}\n`);
      await out.close();
    },
  };
}
