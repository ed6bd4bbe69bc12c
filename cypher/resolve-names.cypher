// Exact lookup of normalised name keys, with what tells same-named entities apart.
// Params: $keys [string], $entityType ('Actor'|'Place'), $withinId (a place id, or null: only
// places that are it or lie in it count).
// Returns: key, entityId, name (the alias that matched), entityName, kind, reviewStatus, partOfId,
// partOfName (the place it lies in directly, or null), ordered by entityId.
UNWIND $keys AS key
MATCH (n:Alias {key: key})
WHERE n.entityType = $entityType
CALL (n) {
  MATCH (e:Actor {id: n.entityId}) WHERE n.entityType = 'Actor' RETURN e
  UNION
  MATCH (e:Place {id: n.entityId}) WHERE n.entityType = 'Place' RETURN e
}
WITH key, n, e
WHERE $withinId IS NULL OR EXISTS { (e)-[:PART_OF]->{0,8}(:Place {id: $withinId}) }
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Place)
WITH key, n, e, head(collect(parent)) AS parent
RETURN key, e.id AS entityId, n.name AS name, e.name AS entityName, e.kind AS kind,
       coalesce(e.reviewStatus, 'REVIEWED') AS reviewStatus, parent.id AS partOfId, parent.name AS partOfName
ORDER BY entityId
