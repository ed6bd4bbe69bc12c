/**
 * Reads a JSON export (src/export/jsonFormat.ts) into a graph: the way back of the JSON format,
 * so a graph exported from one Neo4j can be loaded into another, or into an emptied one.
 *
 * The file is streamed a line at a time (the export writes one node or relationship per line) and
 * written in batches, one write transaction each, nodes before relationships. Everything is
 * MERGEd on ids, so importing a file twice gives the same graph.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { z } from 'zod';
import type { Executor, Params } from '../db/executor.js';
import { EXPORT_LABELS, PROPERTY_TYPES } from '../export/graph.js';
import { GRAPH_JSON_FORMAT, GRAPH_JSON_VERSION, NODES_START, RELATIONSHIPS_START } from '../export/jsonFormat.js';
import type { ExportCounts } from '../export/writer.js';
import { ImportFileError } from './events.js';

const Header = z.object({ format: z.literal(GRAPH_JSON_FORMAT), version: z.literal(GRAPH_JSON_VERSION) });
const Typed = {
  properties: z.record(z.string(), z.unknown()),
  types: z.record(z.string(), z.enum(PROPERTY_TYPES)).optional(),
};
const NodeRef = z.object({ label: z.enum(EXPORT_LABELS), id: z.string() });
const NodeLine = z.object({ label: z.enum(EXPORT_LABELS), id: z.string(), ...Typed });
const EdgeLine = z.object({ type: z.string().min(1), from: NodeRef, to: NodeRef, ...Typed });
const Counts = z.object({ nodes: z.record(z.string(), z.number()), edges: z.record(z.string(), z.number()) });

const BATCH_SIZE = 1000;

/** Splits properties into what Cypher can set as given and what needs its type restored. */
function typedParams(properties: Record<string, unknown>, types: Record<string, string> = {}): Params {
  const plain: Record<string, unknown> = {};
  const integers: Record<string, unknown> = {};
  const integerLists: Record<string, unknown> = {};
  const points: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const type = types[key];
    if (type === 'POINT') points[key] = value;
    // JSON numbers reach Neo4j as floats: every number not stated FLOAT is an INTEGER.
    else if (type === undefined && typeof value === 'number') integers[key] = value;
    else if (type === undefined && Array.isArray(value) && typeof value[0] === 'number') integerLists[key] = value;
    else plain[key] = value;
  }
  return { properties: plain, integers, integerLists, points };
}

/** What the file says it holds and what was written. */
export interface GraphJsonImport {
  written: ExportCounts;
  /** The counts the export recorded at its end. */
  declared: ExportCounts;
}

/**
 * Imports a JSON export into the graph. @throws ImportFileError for a file that is not a complete
 * JSON export of this project (a truncated file fails at its end, after the batches before it).
 */
export async function importGraphJson(
  executor: Executor,
  file: string,
  options: { /** Read and check every line but write nothing; default true. */ write?: boolean } = {},
): Promise<GraphJsonImport> {
  const writing = options.write ?? true;
  if (!fs.existsSync(file)) throw new ImportFileError(`No such file: ${file}`);
  const written: ExportCounts = { nodes: {}, edges: {} };
  let declared: ExportCounts | null = null;
  let section: 'header' | 'nodes' | 'between' | 'relationships' | 'end' = 'header';
  let batch: Params[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (!writing) {
      batch = [];
      return;
    }
    await executor.write(section === 'nodes' ? 'graph-import-nodes' : 'graph-import-edges', { rows: batch });
    batch = [];
  };
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  const parse = <T>(schema: z.ZodType<T>, text: string): T => {
    try {
      return schema.parse(JSON.parse(text));
    } catch (error) {
      throw new ImportFileError(
        `${file}, line ${lineNumber}: not a ${GRAPH_JSON_FORMAT} line: ${(error as Error).message}`,
      );
    }
  };
  for await (const line of lines) {
    lineNumber += 1;
    const element = line.endsWith(',') ? line.slice(0, -1) : line;
    if (section === 'header') {
      parse(Header, `${element}}`);
      section = 'between';
    } else if (line === NODES_START && section === 'between') {
      section = 'nodes';
    } else if (line === RELATIONSHIPS_START && section === 'between') {
      section = 'relationships';
    } else if (line === '],' && (section === 'nodes' || section === 'relationships')) {
      await flush();
      section = 'between';
    } else if (section === 'nodes') {
      const node = parse(NodeLine, element);
      batch.push({ label: node.label, id: node.id, ...typedParams(node.properties, node.types) });
      written.nodes[node.label] = (written.nodes[node.label] ?? 0) + 1;
    } else if (section === 'relationships') {
      const edge = parse(EdgeLine, element);
      batch.push({ type: edge.type, from: edge.from, to: edge.to, ...typedParams(edge.properties, edge.types) });
      written.edges[edge.type] = (written.edges[edge.type] ?? 0) + 1;
    } else if (line.startsWith('"counts":') && section === 'between') {
      declared = parse(Counts, line.slice('"counts":'.length, -1));
      section = 'end';
    } else if (line.trim() !== '') {
      throw new ImportFileError(`${file}, line ${lineNumber}: unexpected in a ${GRAPH_JSON_FORMAT}`);
    }
    if (batch.length >= BATCH_SIZE) await flush();
  }
  if (declared === null) throw new ImportFileError(`${file} ends before its counts: the export is incomplete.`);
  return { written, declared };
}
