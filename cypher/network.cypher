// The network around an actor: the actors within $hops relations of the wanted types, and every
// such relation between them (the ego network). At $asOf, a dated relation counts while its
// period can include that day, and a lineage event once it can have happened.
// Params: $around (actor id), $hops (1..3), $types [relation type], $asOf (ISO day or null),
//         $limit (most actors besides the centre).
// Returns: nodeIds [string] (the centre first), truncated (boolean), edges [edge (as in edges-by-id)].
MATCH (c:Actor {id: $around})
OPTIONAL MATCH (c)-[rels:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF*1..3]-(n:Actor)
WHERE size(rels) <= $hops AND n <> c
  AND all(r IN rels WHERE type(r) IN $types AND
      ($asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= $asOf) AND (r.toLatest IS NULL OR r.toLatest >= $asOf)
        AND (r.dateEarliest IS NULL OR r.dateEarliest <= $asOf))))
WITH c, collect(DISTINCT n) AS reached
WITH c, reached[..toInteger($limit)] AS kept, size(reached) > $limit AS truncated
WITH [c] + kept AS nodes, truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Actor)
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
