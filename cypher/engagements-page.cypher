// One page of engagements per filter, oldest first, with the total. Each filter is answered by the
// narrowest index first (actor, place subtree, point index for `near`), then the other conditions.
// Dates compare the engagement's span [startEarliest, endLatest or startLatest] with [from, to].
// Params: $filters [{key, actorIds, placeId, near {latitude, longitude, meters}, from, to, kinds,
// contested, offset, limit}] (absent conditions are null).
// Returns: key, totalCount, ids (the page). A filter with no match returns no row.
UNWIND $filters AS f
CALL (f) {
  WITH f WHERE f.actorIds IS NOT NULL
  MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)
  WHERE a.id IN f.actorIds
  RETURN DISTINCT e
  UNION
  WITH f WHERE f.actorIds IS NULL AND f.placeId IS NOT NULL
  MATCH (:Place {id: f.placeId})<-[:PART_OF]-{0,8}(:Place)<-[:AT]-(e:Engagement)
  RETURN DISTINCT e
  UNION
  WITH f WHERE f.actorIds IS NULL AND f.placeId IS NULL AND f.near IS NOT NULL
  MATCH (p:Place)
  WHERE point.distance(p.location, point({latitude: f.near.latitude, longitude: f.near.longitude})) <= f.near.meters
  MATCH (p)<-[:AT]-(e:Engagement)
  RETURN DISTINCT e
  UNION
  WITH f WHERE f.actorIds IS NULL AND f.placeId IS NULL AND f.near IS NULL
  MATCH (e:Engagement)
  RETURN e
}
WITH f, e
WHERE (f.from IS NULL OR coalesce(e.endLatest, e.startLatest) >= f.from)
  AND (f.to IS NULL OR e.startEarliest <= f.to)
  AND (f.kinds IS NULL OR e.kind IN f.kinds)
  AND (f.contested IS NULL OR e.contested = f.contested)
  AND (f.placeId IS NULL OR EXISTS { (e)-[:AT]->(:Place)-[:PART_OF]->{0,8}(:Place {id: f.placeId}) })
  AND (f.near IS NULL OR EXISTS {
        MATCH (e)-[:AT]->(p:Place)
        WHERE point.distance(p.location, point({latitude: f.near.latitude, longitude: f.near.longitude})) <= f.near.meters })
WITH f, e ORDER BY e.startEarliest, e.id
WITH f, collect(e.id) AS ids
RETURN f.key AS key, size(ids) AS totalCount, ids[toInteger(f.offset)..toInteger(f.offset + f.limit)] AS ids
