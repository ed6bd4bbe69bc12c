// The network around an actor: the actors within $hops relations of the wanted types, and every
// such relation between them (the ego network). At $asOf, a dated relation counts while its
// period can include that day, and a lineage event once it can have happened.
// Breadth first, one ring per hop, so the work grows with the actors reached, not with the
// paths between them (a coalition of 500 members has 250,000 two-hop paths).
// Edge types: ACTOR_RELATION_TYPES of src/domain/facts.ts, spelled out so that Neo4j expands only
// those of each actor's edges, never its thousands of FOUGHT_IN and CONTROLLED edges
// (tests/unit/edgeTypes.test.ts checks the list); $types narrows them.
// Params: $around (actor id), $hops (1..3), $types [relation type], $asOf (ISO day or null),
//         $limit (most actors besides the centre).
// Returns: nodeIds [string] (the centre first), truncated (boolean), edges [edge (as in edges-by-id)].
MATCH (c:Actor {id: $around})
CALL (c) {
  MATCH (c)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF]-(n:Actor)
  WHERE n <> c AND type(r) IN $types AND
      ($asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= $asOf) AND (r.toLatest IS NULL OR r.toLatest >= $asOf)
        AND (r.dateEarliest IS NULL OR r.dateEarliest <= $asOf)))
  RETURN collect(DISTINCT n) AS ring1
}
CALL (c, ring1) {
  UNWIND CASE WHEN $hops >= 2 THEN ring1 ELSE [] END AS a
  MATCH (a)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF]-(n:Actor)
  WHERE n <> c AND NOT n IN ring1 AND type(r) IN $types AND
      ($asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= $asOf) AND (r.toLatest IS NULL OR r.toLatest >= $asOf)
        AND (r.dateEarliest IS NULL OR r.dateEarliest <= $asOf)))
  RETURN collect(DISTINCT n) AS ring2
}
CALL (c, ring1, ring2) {
  UNWIND CASE WHEN $hops >= 3 THEN ring2 ELSE [] END AS a
  MATCH (a)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF]-(n:Actor)
  WHERE n <> c AND NOT n IN ring1 AND NOT n IN ring2 AND type(r) IN $types AND
      ($asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= $asOf) AND (r.toLatest IS NULL OR r.toLatest >= $asOf)
        AND (r.dateEarliest IS NULL OR r.dateEarliest <= $asOf)))
  RETURN collect(DISTINCT n) AS ring3
}
WITH c, ring1 + ring2 + ring3 AS reached
WITH [c] + reached[..toInteger($limit)] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF]->(b:Actor)
  WHERE b IN nodes AND type(r) IN $types AND
      ($asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= $asOf) AND (r.toLatest IS NULL OR r.toLatest >= $asOf)
        AND (r.dateEarliest IS NULL OR r.dateEarliest <= $asOf)))
  WITH a, r, b ORDER BY coalesce(r.fromEarliest, r.dateEarliest), r.id
  RETURN collect(r {.id, type: type(r), fromId: a.id, toId: b.id, fromName: a.name, toName: b.name,
                    .fromValue, .fromPrecision, .toValue, .toPrecision, .dateValue, .datePrecision,
                    .contested, .contestedNote, .support}) AS edges
}
RETURN [n IN nodes | n.id] AS nodeIds, truncated, edges
