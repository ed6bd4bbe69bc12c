// The recorded changes touching an entity or fact, newest first, from the text index on their
// subjects. Params: $subject (`|id|`, src/db/changeSubjects.ts), $limit.
// Returns: change {id, at, by, operation, entityIds, summary, details, noop, sameAs}.
MATCH (c:Change)
WHERE c.subjects CONTAINS $subject
RETURN c {.id, .at, .by, .operation, .entityIds, .summary, .details, noop: coalesce(c.noop, false), .sameAs} AS change
ORDER BY c.seq DESC, c.at DESC, c.id
LIMIT toInteger($limit)
