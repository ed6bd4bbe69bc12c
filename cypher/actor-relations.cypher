// Dated edges touching each actor, of each key's types and direction, active at its `asOf` when
// given (compared against the earliest and latest days the fuzzy period allows), with the row of
// the node at the other end, and the actor's own row: an actor read by id with its relation
// fields is then one statement, not two. Every relation field of a request level is one statement.
// Params: $keys [{key, id, asOf, types [string], direction ('OUT'|'IN'|'BOTH')}]; $brief {actor, place}:
// whether the rows are the brief ones (cypher/rows/*-brief.cypher).
// Returns: one row per key whose actor exists, key (the input's key), actor (its row), relations
// [{edge (as in edges-by-id), otherActor or otherPlace (the row of the other end)}], oldest first.
UNWIND $keys AS key
MATCH (a:Actor {id: key.id})
CALL (key, a) {
  // One branch per single edge type, so Neo4j expands only that type of the actor's edges: a busy
  // actor has thousands of FOUGHT_IN and CONTROLLED edges, and a field asking for its alliances
  // should not read them. Any other list of types falls to the last branch, which spells out every
  // fact edge type (never FOUGHT_IN) and keeps the key's.
  CALL (key, a) {
    WITH key, a WHERE key.types = ['MEMBER_OF']
    MATCH (a)-[r:MEMBER_OF]-(b)
    RETURN r, b
    UNION
    WITH key, a WHERE key.types = ['ALLIED_WITH']
    MATCH (a)-[r:ALLIED_WITH]-(b)
    RETURN r, b
    UNION
    WITH key, a WHERE key.types = ['SPONSORED_BY']
    MATCH (a)-[r:SPONSORED_BY]-(b)
    RETURN r, b
    UNION
    WITH key, a WHERE key.types = ['CONTROLLED']
    MATCH (a)-[r:CONTROLLED]-(b)
    RETURN r, b
    UNION
    WITH key, a WHERE NOT key.types IN [['MEMBER_OF'], ['ALLIED_WITH'], ['SPONSORED_BY'], ['CONTROLLED']]
    MATCH (a)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH]-(b)
    WHERE type(r) IN key.types
    RETURN r, b
  }
  WITH key, a, r, b
  WHERE (key.direction = 'BOTH' OR (key.direction = 'OUT') = (startNode(r) = a))
    AND (key.asOf IS NULL OR
         ((r.fromEarliest IS NULL OR r.fromEarliest <= key.asOf) AND (r.toLatest IS NULL OR r.toLatest >= key.asOf)))
  WITH r, b, startNode(r) AS s, endNode(r) AS t
  ORDER BY r.fromEarliest, r.id
  RETURN collect({
    edge: r {.id, type: type(r), fromId: s.id, toId: t.id, fromName: s.name, toName: t.name,
             .fromValue, .fromPrecision, .toValue, .toPrecision, .contested, .contestedNote,
             .support, .endReason, .inferredFrom},
    otherActor: CASE WHEN b:Actor THEN CASE WHEN $brief.actor THEN {{actor-brief b}} ELSE {{actor b}} END END,
    otherPlace: CASE WHEN b:Place THEN CASE WHEN $brief.place THEN {{place-brief b}} ELSE {{place b}} END END
  }) AS relations
}
RETURN key.key AS key, CASE WHEN $brief.actor THEN {{actor-brief a}} ELSE {{actor a}} END AS actor, relations
