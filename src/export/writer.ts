/** What every export format implements: nodes first, then relationships, then close. */
import type { ExportFilter } from './selection.js';
import type { GraphEdge, GraphNode, GraphSchema } from './graph.js';

/** Counts of what an export wrote, per label and per relationship type. */
export interface ExportCounts {
  nodes: Record<string, number>;
  edges: Record<string, number>;
}

/** Facts about the export that formats record in their header. */
export interface ExportContext {
  exportedAt: string;
  filter: ExportFilter | null;
  /** Property keys and types: needed by the formats that declare columns (CSV, GraphML). */
  schema: GraphSchema | null;
}

export interface GraphWriter {
  writeNode(node: GraphNode): Promise<void>;
  /** Called once, after the last node and before the first relationship. */
  startEdges(): Promise<void>;
  writeEdge(edge: GraphEdge): Promise<void>;
  close(counts: ExportCounts): Promise<void>;
}
