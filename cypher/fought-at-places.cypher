// Where engagements with fighters happened, each place once with how many happened there, the
// most first, for a map: an actor's (with $placeId, those within that place), or a place's and the
// places within it. Every pair is read once, where paging who-fought-where read them all for each
// page (the busiest actor's map at 100k: 9 pages, 6.1 s).
// Params: $actorIds ([string] or null), $placeId (or null; one of the two is given), $limit,
// $brief {place}: whether the place rows are the brief ones (cypher/rows/place-brief.cypher).
// Returns: totalCount (every place), places [{placeId, engagements}] (the first $limit), placeRows
// (rows of those places).
CALL () {
  WITH 1 AS ignored WHERE $actorIds IS NOT NULL
  WITH COLLECT { MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place) RETURN DISTINCT p } AS within
  MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)-[:AT]->(p:Place)
  WHERE a.id IN $actorIds AND ($placeId IS NULL OR p IN within)
  RETURN p, e
  UNION ALL
  WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NOT NULL
  MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place)
  WITH DISTINCT p
  MATCH (p)<-[:AT]-(e:Engagement)
  WHERE EXISTS { (:Actor)-[:FOUGHT_IN]->(e) }
  RETURN p, e
}
WITH p, count(DISTINCT e) AS engagements
ORDER BY engagements DESC, p.name, p.id
WITH collect({place: p, engagements: engagements}) AS counted
WITH size(counted) AS totalCount, counted[..toInteger($limit)] AS kept
CALL (kept) {
  UNWIND kept AS x
  WITH x.place AS p
  RETURN collect(CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END) AS placeRows
}
RETURN totalCount, [x IN kept | {placeId: x.place.id, engagements: x.engagements}] AS places, placeRows
