// Actors or places an import created and nobody has reviewed yet, with how often they are used.
// Params: $entityType ('Actor'|'Place').
// Returns: entityId, name, importSource, reviewStatus, engagements (count).
CALL () {
  WITH 1 AS ignored WHERE $entityType = 'Actor'
  MATCH (n:Actor {reviewStatus: 'NEEDS_REVIEW'})
  RETURN n, COUNT { (n)-[:FOUGHT_IN]->() } AS engagements
  UNION ALL
  WITH 1 AS ignored WHERE $entityType = 'Place'
  MATCH (n:Place {reviewStatus: 'NEEDS_REVIEW'})
  RETURN n, COUNT { (n)<-[:AT]-() } AS engagements
}
RETURN n.id AS entityId, n.name AS name, n.importSource AS importSource, n.reviewStatus AS reviewStatus, engagements
ORDER BY entityId
