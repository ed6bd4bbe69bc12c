// Every actor or place one of whose names has the normalised key, for list filters (all of them,
// not one: a list shows every entity answering to a name). Params: $key, $entityType.
// Returns: ids.
MATCH (n:Alias {key: $key})
WHERE n.entityType = $entityType
RETURN collect(DISTINCT n.entityId) AS ids
