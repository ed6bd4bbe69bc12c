/**
 * What a fact is: the node facts (actors, places, engagements) and the edge types with the kinds
 * of node at each end. The loader, the mutations, the export and the API's fact references take
 * the list from here, so an edge type is added in one place.
 */
import { z } from 'zod';
import { AffiliationKind, LineageKind } from './enums.js';

/** Stable ASCII slug used as a node's id: lower case, digits, hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case ASCII slug like "khan-touman"');

export type NodeFactType = 'Actor' | 'Place' | 'Engagement' | 'Agreement' | 'Weapon';

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
  VIOLATED: ['Actor', 'Agreement'],
  /** holder -[:ARMED_WITH {suppliedBy}]-> weapon: who had or used it, and who supplied it. */
  ARMED_WITH: ['Actor', 'Weapon'],
} as const satisfies Record<string, readonly ['Actor', 'Actor' | 'Place' | 'Agreement' | 'Weapon']>;

export type EdgeType = keyof typeof EDGE_ENDPOINTS;
export type FactType = NodeFactType | EdgeType;

export const EDGE_TYPES = Object.keys(EDGE_ENDPOINTS) as EdgeType[];

/** The sourced relations between two actors (the network, paths between actors, lineage and alliances). */
export type ActorRelationType = {
  [T in EdgeType]: (typeof EDGE_ENDPOINTS)[T][1] extends 'Actor' ? T : never;
}[EdgeType];
export const ACTOR_RELATION_TYPES = EDGE_TYPES.filter((t): t is ActorRelationType => EDGE_ENDPOINTS[t][1] === 'Actor');

/** The lineage edges along which a group goes on as another node (a split leaves the old one). */
export const SUCCESSION_TYPES = ['RENAMED_TO', 'MERGED_INTO', 'ABSORBED_INTO'] as const satisfies readonly EdgeType[];

/** The edges between actors and places. */
export const ENTITY_EDGE_TYPES = EDGE_TYPES.filter(
  (t) => EDGE_ENDPOINTS[t][1] === 'Actor' || EDGE_ENDPOINTS[t][1] === 'Place',
);

/** Node facts that can be contested (actors and places are entities, not claims). */
export const CONTESTABLE_NODE_TYPES = ['Engagement', 'Agreement'] as const satisfies readonly NodeFactType[];
export type ContestableType = (typeof CONTESTABLE_NODE_TYPES)[number] | EdgeType;

export function isContestableType(type: string): type is ContestableType {
  return isEdgeType(type) || (CONTESTABLE_NODE_TYPES as readonly string[]).includes(type);
}
export const NODE_FACT_TYPES: readonly NodeFactType[] = ['Actor', 'Place', 'Engagement', 'Agreement', 'Weapon'];

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

/** A fact node found under an id: its kind (label) and its name (an engagement's title). */
export interface FactNodeHolder {
  label: NodeFactType;
  name: string;
}

/**
 * One id, one fact node, whatever its kind: facts, citations and the history refer to a node by
 * its id alone. A create may reuse an id only for the very node it re-sends (same kind, same
 * name); any other holder of the id is the clash returned (undefined: the id is free to use).
 */
export function idClash(wanted: FactNodeHolder, holders: readonly FactNodeHolder[]): FactNodeHolder | undefined {
  return holders.find((h) => h.label !== wanted.label || h.name !== wanted.name);
}

/** The ids held by fact nodes of more than one kind, with those kinds (data files are checked whole). */
export function idsSharedAcrossKinds(
  idsByKind: readonly (readonly [NodeFactType, Iterable<string>])[],
): Map<string, NodeFactType[]> {
  const kindsById = new Map<string, NodeFactType[]>();
  for (const [kind, ids] of idsByKind) {
    for (const id of ids) kindsById.set(id, [...(kindsById.get(id) ?? []), kind]);
  }
  return new Map([...kindsById].filter(([, kinds]) => kinds.length > 1));
}
