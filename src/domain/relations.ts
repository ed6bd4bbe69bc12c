/**
 * The sourced relations between two actors, one list for every layer that needs it (curation,
 * the network query). Control of a place is an actor-to-place relation and is not among them.
 */
export const ACTOR_RELATION_TYPES = [
  'RENAMED_TO',
  'MERGED_INTO',
  'SPLIT_FROM',
  'ABSORBED_INTO',
  'MEMBER_OF',
  'ALLIED_WITH',
  'SPONSORED_BY',
  'MEDIA_WING_OF',
  'SUBUNIT_OF',
  'AFFILIATED_WITH',
  'LEADER_OF',
] as const;

export type ActorRelationType = (typeof ACTOR_RELATION_TYPES)[number];
