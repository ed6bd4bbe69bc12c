// The recorded changes touching an entity or fact, newest first. Params: $id, $limit.
// Returns: change {id, at, by, operation, entityIds, summary, details}.
MATCH (c:Change)
WHERE $id IN c.entityIds
RETURN c {.id, .at, .by, .operation, .entityIds, .summary, .details} AS change
ORDER BY c.at DESC, c.id
LIMIT toInteger($limit)
