// Dated edges touching each actor, of the given types and direction, active at `asOf` when given
// (compared against the earliest and latest days the fuzzy period allows).
// Params: $keys [{id, asOf}], $types [string], $direction ('OUT'|'IN'|'BOTH').
// Returns: key (the input map), edge (as in edges-by-id).
UNWIND $keys AS key
// The types spelt out (every fact edge type) so Neo4j expands only those, not an actor's thousands of
// FOUGHT_IN edges; $types then picks the field's.
MATCH (a:Actor {id: key.id})-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH]-(b)
WHERE type(r) IN $types
  AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = a))
  AND (key.asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= key.asOf) AND (r.toLatest IS NULL OR r.toLatest >= key.asOf)))
WITH key, r, startNode(r) AS s, endNode(r) AS t
RETURN key, r {.id, type: type(r), fromId: s.id, toId: t.id, fromName: s.name, toName: t.name,
               .fromValue, .fromPrecision, .toValue, .toPrecision, .contested, .contestedNote,
               .support, .endReason, .inferredFrom} AS edge
ORDER BY r.fromEarliest, r.id
