/**
 * Exports the graph, whole or filtered, as JSON, CSV, GraphML or a Cypher script. Two passes
 * over the selected nodes, a page of ids at a time: first the nodes, then the relationships read
 * from them (see readEdges), so every format gets all nodes before any relationship and memory
 * holds one page at a time whatever the size of the graph.
 */
import type { Executor } from '../db/executor.js';
import { csvWriter } from './csvFormat.js';
import { cypherWriter } from './cypherFormat.js';
import {
  EXPORT_LABELS,
  idPages,
  isExportLabel,
  readEdges,
  readNodes,
  readSchema,
  type ExportLabel,
  type GraphEdge,
  type NodeRef,
} from './graph.js';
import { graphmlWriter } from './graphmlFormat.js';
import { jsonWriter } from './jsonFormat.js';
import { selectSubgraph, type ExportFilter, type Selection } from './selection.js';
import type { ExportContext, ExportCounts, GraphWriter } from './writer.js';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const WRITERS: Record<ExportFormat, (out: string, context: ExportContext) => Promise<GraphWriter>> = {
  json: jsonWriter,
  csv: csvWriter,
  graphml: graphmlWriter,
  cypher: cypherWriter,
};

/** Nodes per read: one page of ids, then their properties or their relationships. */
const DEFAULT_PAGE_SIZE = 1000;

export interface ExportOptions {
  /** Only part of the graph (see selection.ts); default: the whole graph. */
  filter?: ExportFilter | null;
  /** Nodes per read; default 1000. */
  pageSize?: number;
  /** Told after each page: node pages done (two per node: one pass each) of `total`, and items written. */
  onProgress?: (progress: { done: number; total: number; written: number }) => void;
}

export interface ExportSummary extends ExportCounts {
  format: ExportFormat;
  out: string;
  filter: ExportFilter | null;
  /** Labels in the graph that are not part of the graph model, and so not exported. */
  skippedLabels: string[];
  elapsedMs: number;
}

function inSelection(selection: Selection | null, node: NodeRef): boolean {
  if (!isExportLabel(node.label)) return false;
  const ids = selection?.nodes.get(node.label) ?? 'all';
  return ids === 'all' || ids.has(node.id);
}

function keep(selection: Selection | null, edge: GraphEdge): boolean {
  if (!inSelection(selection, edge.from) || !inSelection(selection, edge.to)) return false;
  const id = edge.properties.find((p) => p.key === 'id')?.value;
  return selection === null || typeof id !== 'string' || selection.edgeIds.has(id);
}

/** Pages of ids of one label: all of them, or the selected ones in id order. */
async function* pagesOf(
  executor: Executor,
  selection: Selection | null,
  label: ExportLabel,
  pageSize: number,
): AsyncGenerator<string[]> {
  const selected = selection?.nodes.get(label) ?? 'all';
  if (selected === 'all') {
    yield* idPages(executor, label, pageSize);
    return;
  }
  const ids = [...selected].sort();
  for (let start = 0; start < ids.length; start += pageSize) yield ids.slice(start, start + pageSize);
}

/** Writes the graph (or the part `options.filter` selects) to `out` in `format`. */
export async function exportGraph(
  executor: Executor,
  format: ExportFormat,
  out: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const started = performance.now();
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const filter = options.filter ?? null;
  const graphCounts = await executor.read<{ kind: string; name: string; count: number }>('graph-counts');
  const labelCounts = new Map(graphCounts.filter((c) => c.kind === 'node').map((c) => [c.name, c.count]));
  const selection = filter === null ? null : await selectSubgraph(executor, filter);
  const total = EXPORT_LABELS.reduce((sum, label) => {
    const selected = selection?.nodes.get(label) ?? 'all';
    return sum + (selected === 'all' ? (labelCounts.get(label) ?? 0) : selected.size);
  }, 0);
  const context: ExportContext = {
    exportedAt: new Date().toISOString(),
    filter,
    schema: format === 'csv' || format === 'graphml' ? await readSchema(executor) : null,
  };
  const writer = await WRITERS[format](out, context);
  const counts: ExportCounts = { nodes: {}, edges: {} };
  let done = 0;
  let written = 0;
  const progress = (pageLength: number) => {
    done += pageLength;
    options.onProgress?.({ done, total: total * 2, written });
  };

  for (const label of EXPORT_LABELS) {
    for await (const ids of pagesOf(executor, selection, label, pageSize)) {
      for (const node of await readNodes(executor, label, ids)) {
        await writer.writeNode(node);
        counts.nodes[label] = (counts.nodes[label] ?? 0) + 1;
        written += 1;
      }
      progress(ids.length);
    }
  }
  await writer.startEdges();
  for (const label of EXPORT_LABELS) {
    for await (const ids of pagesOf(executor, selection, label, pageSize)) {
      for (const edge of await readEdges(executor, label, ids)) {
        if (!keep(selection, edge)) continue;
        await writer.writeEdge(edge);
        counts.edges[edge.type] = (counts.edges[edge.type] ?? 0) + 1;
        written += 1;
      }
      progress(ids.length);
    }
  }
  await writer.close(counts);
  return {
    format,
    out,
    filter,
    ...counts,
    skippedLabels: [...labelCounts.keys()].filter((label) => !isExportLabel(label)),
    elapsedMs: Math.round(performance.now() - started),
  };
}
