// Dated edges touching each actor, of the given types and direction, active at `asOf` when given
// (compared against the earliest and latest days the fuzzy period allows).
// Params: $keys [{id, asOf}], $types [string], $direction ('OUT'|'IN'|'BOTH').
// Returns: key (the input map), edge (as in edges-by-id).
UNWIND $keys AS key
MATCH (a:Actor {id: key.id})-[r]-(b)
WHERE type(r) IN $types
  AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = a))
  AND (key.asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= key.asOf) AND (r.toLatest IS NULL OR r.toLatest >= key.asOf)))
WITH key, r, startNode(r) AS s, endNode(r) AS t
RETURN key, r {.id, type: type(r), fromId: s.id, toId: t.id, fromName: s.name, toName: t.name,
               .fromValue, .fromPrecision, .toValue, .toPrecision, .contested, .contestedNote,
               .support, .endReason, .inferredFrom} AS edge
ORDER BY r.fromEarliest, r.id
