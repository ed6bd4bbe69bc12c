// An actor or place by its exact id, in the shape of resolve-names, so a name argument may be an id.
// Params: $id, $entityType ('Actor'|'Place'), $withinId (a place id or null, as in resolve-names).
// Returns: entityId, name, entityName, kind, reviewStatus, partOfId, partOfName (no row when unknown).
CALL () {
  MATCH (e:Actor {id: $id}) WHERE $entityType = 'Actor' RETURN e
  UNION
  MATCH (e:Place {id: $id}) WHERE $entityType = 'Place' RETURN e
}
WITH e
WHERE $withinId IS NULL OR EXISTS { (e)-[:PART_OF]->{0,8}(:Place {id: $withinId}) }
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Place)
WITH e, head(collect(parent)) AS parent
RETURN e.id AS entityId, e.name AS name, e.name AS entityName, e.kind AS kind,
       coalesce(e.reviewStatus, 'REVIEWED') AS reviewStatus, parent.id AS partOfId, parent.name AS partOfName
