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
  RETURN p, count(DISTINCT e) AS engagements
  UNION ALL
  // Each place counts its own, one subquery a place, with no row per engagement to make distinct;
  // whether anyone fought is the engagement's FOUGHT_IN degree, which only actors have (Idlib
  // governorate's map at the 1M scale: 1.35-1.57 s for the statement with a row per engagement and
  // an :Actor check on each participant, 0.56-0.63 s like this).
  WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NOT NULL
  MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place)
  WITH DISTINCT p
  WITH p, COUNT { (p)<-[:AT]-(e:Engagement) WHERE COUNT { (e)<-[:FOUGHT_IN]-() } > 0 } AS engagements
  WHERE engagements > 0
  RETURN p, engagements
}
WITH p, engagements
ORDER BY engagements DESC, p.name, p.id
WITH collect({place: p, engagements: engagements}) AS counted
WITH size(counted) AS totalCount, counted[..toInteger($limit)] AS kept
CALL (kept) {
  UNWIND kept AS x
  WITH x.place AS p
  RETURN collect(CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END) AS placeRows
}
RETURN totalCount, [x IN kept | {placeId: x.place.id, engagements: x.engagements}] AS places, placeRows
