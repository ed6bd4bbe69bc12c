// Changes recorded before their subjects were stored (or restored from an older backup), to be
// given them. Params: $limit. Returns: id, entityIds.
MATCH (c:Change) WHERE c.subjects IS NULL
RETURN c.id AS id, coalesce(c.entityIds, []) AS entityIds
LIMIT toInteger($limit)
