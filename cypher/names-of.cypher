// The names of actors or places. Params: $ids [string], $entityType ('Actor'|'Place').
// Returns: entityId, name {name, kind, sources, fromValue, fromPrecision, toValue, toPrecision}.
UNWIND $ids AS id
MATCH (n:Alias {entityId: id})
WHERE n.entityType = $entityType
RETURN id AS entityId, n {.name, .kind, .sources, .fromValue, .fromPrecision, .toValue, .toPrecision} AS name
ORDER BY n.kind, n.name
