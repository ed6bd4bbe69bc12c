// One citation with the number of other live citations of its fact (to refuse retracting the last).
// Params: $id. Returns: citation {id, factId, factType, quote, note, sourceId, retracted}, others.
MATCH (c:Citation {id: $id})-[:CITES]->(s:Source)
OPTIONAL MATCH (other:Citation {factId: c.factId})
WHERE other.factType = c.factType AND other <> c AND coalesce(other.retracted, false) = false
RETURN c {.id, .factId, .factType, .quote, .note, sourceId: s.id, retracted: coalesce(c.retracted, false)} AS citation,
       count(other) AS others
