/** How each relation reads in the explorer, and the evidence of a network edge. */
import type { NetworkQuery } from '../generated/graphql';
import { showDate, showPeriod } from '../dates';
import type { FactEvidence } from './Evidence';

export const RELATION_LABEL: Record<string, string> = {
  RENAMED_TO: 'renamed to',
  MERGED_INTO: 'merged into',
  SPLIT_FROM: 'split from',
  ABSORBED_INTO: 'absorbed into',
  MEMBER_OF: 'member of',
  ALLIED_WITH: 'allied with',
  SPONSORED_BY: 'backed by',
  MEDIA_WING_OF: 'media wing of',
  SUBUNIT_OF: 'sub-unit of',
  AFFILIATED_WITH: 'affiliated with',
  LEADER_OF: 'leader of',
};

type NetworkEdge = NetworkQuery['network']['edges'][number];

export function edgeWhen(edge: NetworkEdge): string {
  return edge.date ? showDate(edge.date) : showPeriod(edge.from, edge.to);
}

export function edgeEvidence(edge: NetworkEdge): FactEvidence {
  const support = edge.support.length > 0 ? ` (${edge.support.join(', ').toLowerCase().replace(/_/g, ' ')})` : '';
  return {
    title: `${edge.source.name} ${RELATION_LABEL[edge.relation] ?? edge.relation} ${edge.target.name}${support}, ${edgeWhen(edge)}`,
    citations: edge.citations,
    contested: edge.contested,
    contestedNote: edge.contestedNote,
  };
}
