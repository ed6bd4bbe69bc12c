// Live (not retracted) citations of facts (nodes or edges) by fact type and id. Params: $facts [{factType, factId}].
// Returns: citation {id, factId, factType, quote, note, sourceId}.
UNWIND $facts AS f
MATCH (c:Citation {factId: f.factId})-[:CITES]->(s:Source)
WHERE c.factType = f.factType AND coalesce(c.retracted, false) = false
RETURN c {.id, .factId, .factType, .quote, .note, sourceId: s.id} AS citation
ORDER BY s.id, c.id
