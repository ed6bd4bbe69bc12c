// The recorded changes touching an entity or fact, newest first. Params: $id, $limit.
// Returns: change {id, at, by, operation, entityIds, summary, details, noop, sameAs}.
MATCH (c:Change)
WHERE $id IN c.entityIds
RETURN c {.id, .at, .by, .operation, .entityIds, .summary, .details, noop: coalesce(c.noop, false), .sameAs} AS change
ORDER BY c.seq DESC, c.at DESC, c.id
LIMIT toInteger($limit)
