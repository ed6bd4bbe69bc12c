// Everything the graph takes from each source (retracted citations aside). Params: $ids [string].
// Returns: sourceId, citation {id, factId, factType, quote, note, sourceId}.
UNWIND $ids AS id
MATCH (c:Citation)-[:CITES]->(s:Source {id: id})
WHERE coalesce(c.retracted, false) = false
RETURN id AS sourceId, c {.id, .factId, .factType, .quote, .note, sourceId: s.id} AS citation
ORDER BY c.factType, c.factId
