// Every alias of the given entity types, for ranked fuzzy matching in the domain layer.
// Params: $entityTypes [string]. Returns: name, entityId, entityType, entityName.
MATCH (n:Alias)-[:ALIAS_OF]->(e)
WHERE n.entityType IN $entityTypes
RETURN n.name AS name, n.entityId AS entityId, n.entityType AS entityType, e.name AS entityName
