// Records one change for the history. The id is derived from the request, so re-sending the same
// request records nothing new. Params: $change {id, at, by, operation, entityIds, summary, details,
// mergedFrom, mergedInto}. Returns: created (false when this exact change was already recorded).
MERGE (c:Change {id: $change.id})
ON CREATE SET c += $change, c.created = true
WITH c, coalesce(c.created, false) AS created
REMOVE c.created
RETURN created
