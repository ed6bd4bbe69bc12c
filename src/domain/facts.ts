/**
 * What a fact is: the node facts (actors, places, engagements) and the edge types with the kinds
 * of node at each end. The loader, the mutations, the export and the API's fact references take
 * the list from here, so an edge type is added in one place.
 */
import { AffiliationKind, LineageKind } from './enums.js';

export type NodeFactType = 'Actor' | 'Place' | 'Engagement' | 'Agreement';

/** Edge types and the labels of their ends (read in the stored direction). */
export const EDGE_ENDPOINTS = {
  RENAMED_TO: ['Actor', 'Actor'],
  MERGED_INTO: ['Actor', 'Actor'],
  SPLIT_FROM: ['Actor', 'Actor'],
  ABSORBED_INTO: ['Actor', 'Actor'],
  MEMBER_OF: ['Actor', 'Actor'],
  ALLIED_WITH: ['Actor', 'Actor'],
  /** client -[:SPONSORED_BY]-> sponsor */
  SPONSORED_BY: ['Actor', 'Actor'],
  MEDIA_WING_OF: ['Actor', 'Actor'],
  SUBUNIT_OF: ['Actor', 'Actor'],
  AFFILIATED_WITH: ['Actor', 'Actor'],
  LEADER_OF: ['Actor', 'Actor'],
  CONTROLLED: ['Actor', 'Place'],
} as const satisfies Record<string, readonly ['Actor', 'Actor' | 'Place']>;

export type EdgeType = keyof typeof EDGE_ENDPOINTS;
export type FactType = NodeFactType | EdgeType;

export const EDGE_TYPES = Object.keys(EDGE_ENDPOINTS) as EdgeType[];
export const NODE_FACT_TYPES: readonly NodeFactType[] = ['Actor', 'Place', 'Engagement', 'Agreement'];

// Every lineage and affiliation kind is an edge type (checked by the compiler).
const _lineageIsEdge: readonly EdgeType[] = LineageKind.options;
const _affiliationIsEdge: readonly EdgeType[] = AffiliationKind.options;
void _lineageIsEdge;
void _affiliationIsEdge;

export function isEdgeType(type: string): type is EdgeType {
  return Object.hasOwn(EDGE_ENDPOINTS, type);
}

export function isNodeFactType(type: string): type is NodeFactType {
  return (NODE_FACT_TYPES as readonly string[]).includes(type);
}

export function isFactType(type: string): type is FactType {
  return isEdgeType(type) || isNodeFactType(type);
}
