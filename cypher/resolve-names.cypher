// Exact lookup of normalised name keys. Params: $keys [string], $entityType ('Actor'|'Place').
// Returns: key, entityId, name (the alias that matched).
UNWIND $keys AS key
MATCH (n:Alias {key: key})
WHERE n.entityType = $entityType
RETURN key, n.entityId AS entityId, n.name AS name
