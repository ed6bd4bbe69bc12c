// Removes one name of an actor or place. Params: $entityType ('Actor'|'Place'), $entityId, $name.
// Returns: removed (0 when the entity has no such name).
OPTIONAL MATCH (a:Alias {entityId: $entityId})
WHERE a.entityType = $entityType AND a.name = $name
WITH collect(a) AS found
FOREACH (a IN found | DETACH DELETE a)
RETURN size(found) AS removed
