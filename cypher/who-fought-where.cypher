// Actor-place pairs linked by engagements, with the engagements oldest first. Starts from the
// narrowest index the arguments allow (actors, place subtree, point index for `near`).
// Params: $actorIds ([string] or null), $placeId (or null), $near ({latitude, longitude, meters}
// or null), $from, $to (ISO days or null), $offset, $limit (the page), $withActors, $withPlaces,
// $withEngagements (also return the rows of the page's actors, places or engagements, for a request
// that reads them), $brief {actor, place, engagement} (which of those rows are the brief ones of
// cypher/rows/*-brief.cypher).
// Returns: totalCount (every pair), pairs (the page: [{actorId, placeId, engagementIds}]), ordered
// by actor name, place name and ids, so pages never overlap; actors, places, engagements (rows of
// cypher/rows/, each once however many pairs name it; empty when not asked for).
// The branches exclude each other, and each checks only what its index did not (as in
// engagements-page.cypher): a place's own engagements checked again against the place were 37% of
// the db hits at the busiest place at 100k engagements, and half the statement's time. An actor's
// places are checked against the place's subtree, collected once (103 ms to 41 for an actor with
// 15,000 engagements in a governorate at 100k).
CALL () {
  WITH 1 AS ignored WHERE $actorIds IS NOT NULL
  WITH COLLECT { MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place) RETURN DISTINCT p } AS within
  MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)-[:AT]->(p:Place)
  WHERE a.id IN $actorIds AND ($placeId IS NULL OR p IN within)
    AND ($near IS NULL OR point.distance(p.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters)
  RETURN a, e, p
  UNION ALL
  WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NOT NULL
  MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place)
  WITH DISTINCT p
  WHERE $near IS NULL OR point.distance(p.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters
  MATCH (p)<-[:AT]-(e:Engagement)<-[:FOUGHT_IN]-(a:Actor)
  RETURN a, e, p
  UNION ALL
  WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NULL AND $near IS NOT NULL
  MATCH (p:Place)
  WHERE point.distance(p.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters
  MATCH (p)<-[:AT]-(e:Engagement)<-[:FOUGHT_IN]-(a:Actor)
  RETURN a, e, p
  UNION ALL
  WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NULL AND $near IS NULL
  MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)-[:AT]->(p:Place)
  RETURN a, e, p
}
WITH a, e, p
WHERE ($from IS NULL OR coalesce(e.endLatest, e.startLatest) >= $from)
  AND ($to IS NULL OR e.startEarliest <= $to)
WITH a, p, e ORDER BY e.startEarliest, e.id
WITH a, p, collect(e) AS engagements
ORDER BY a.name, a.id, p.name, p.id
WITH collect({actor: a, place: p, engagements: engagements}) AS pairs
WITH size(pairs) AS totalCount, pairs[toInteger($offset)..toInteger($offset + $limit)] AS page
// The rows as subqueries of the page alone: as COLLECT expressions of the RETURN, Neo4j kept what
// they read in the transaction's memory, 419 MB at 100k for the busiest place (7 MB this way), and
// at 1M the statement outgrew the transaction memory limit.
CALL (page) {
  UNWIND CASE WHEN $withActors THEN page ELSE [] END AS x
  WITH DISTINCT x.actor AS a
  RETURN collect(CASE WHEN $brief.actor THEN {{actor-brief a}} ELSE {{actor a}} END) AS actors
}
CALL (page) {
  UNWIND CASE WHEN $withPlaces THEN page ELSE [] END AS x
  WITH DISTINCT x.place AS p
  RETURN collect(CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END) AS places
}
CALL (page) {
  UNWIND CASE WHEN $withEngagements THEN page ELSE [] END AS x
  UNWIND x.engagements AS e
  WITH DISTINCT e
  RETURN collect(CASE WHEN $brief.engagement THEN {{engagement-brief e}} ELSE {{engagement e}} END) AS engagements
}
RETURN totalCount,
       [x IN page | {actorId: x.actor.id, placeId: x.place.id, engagementIds: [e IN x.engagements | e.id]}] AS pairs,
       actors, places, engagements
