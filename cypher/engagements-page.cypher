// One page of engagements per filter, oldest first, with the total and the page's rows, and, when the
// request reads them, their places and participants with their rows (one statement for what would
// be four dependent reads). Each filter is answered by the narrowest index first (actor, place
// subtree, point index for `near`), then the other conditions. Dates compare the engagement's span
// [startEarliest, endLatest or startLatest] with [from, to].
// Params: $filters [{key, actorIds, placeId, near {latitude, longitude, meters}, from, to, kinds,
// contested, offset, limit, withPlaces, withParticipants}] (absent conditions are null); $pageEnd (the
// largest offset + limit of them); $brief {actor, place, engagement}: which rows are the brief ones
// of cypher/rows/*-brief.cypher.
// Returns: key, totalCount, engagements (rows of cypher/rows/engagement.cypher, the page in order),
// places ([{engagementId, placeIds}] or null) and placeRows (rows of those places, each once, or
// empty), participants ([{engagementId, participants [{actorId, side, role, note, inferredFrom}]}]
// or null) and actorRows (rows of those actors, each once, or empty).
CALL () { MATCH (e:Engagement) RETURN count(e) AS engagements }
UNWIND $filters AS f
// One actor, or one place with the places in it, and no other condition: the total is the sum of
// the store's degrees, read without matching an engagement (Idlib governorate's 438,210 at the 1M
// scale: 0.83 s matched and made distinct, 0.14 s from its 9,956 places' degrees; the busiest
// actor's 123,865 from one degree). An actor fights in an engagement once; an engagement at two
// of the places would count twice, and every engagement at more than one place is labelled
// MultiPlace (by the statements that write AT), so the few of them are read to take the extra off.
WITH engagements, f,
     f.near IS NULL AND f.from IS NULL AND f.to IS NULL AND f.kinds IS NULL AND f.contested IS NULL
       AND (coalesce(size(f.actorIds) = 1 AND f.placeId IS NULL, false)
            OR (f.actorIds IS NULL AND f.placeId IS NOT NULL)) AS countable
CALL (f, countable) {
  WITH f WHERE countable AND f.actorIds IS NOT NULL
  OPTIONAL MATCH (a:Actor {id: f.actorIds[0]})
  RETURN a AS actor, [] AS within, CASE WHEN a IS NULL THEN 0 ELSE COUNT { (a)-[:FOUGHT_IN]->() } END AS degreeCount
  UNION ALL
  WITH f WHERE countable AND f.placeId IS NOT NULL
  WITH COLLECT { MATCH (:Place {id: f.placeId})<-[:PART_OF]-{0,8}(p:Place) RETURN DISTINCT p } AS within
  CALL (within) {
    UNWIND within AS p
    RETURN sum(COUNT { (p)<-[:AT]-() }) AS atPlaces
  }
  CALL (within) {
    MATCH (e:MultiPlace)
    WITH COUNT { (e)-[:AT]->(p:Place) WHERE p IN within } AS places
    RETURN sum(CASE WHEN places > 1 THEN places - 1 ELSE 0 END) AS countedTwice
  }
  RETURN null AS actor, within, atPlaces - countedTwice AS degreeCount
  UNION ALL
  WITH f WHERE NOT countable
  RETURN null AS actor, [] AS within, null AS degreeCount
}
// Such a total above a twentieth of all engagements is walked in start order, each engagement
// checked against the actor or the places on the way (the reason for twentieth: below).
WITH f, engagements, actor, within, degreeCount, coalesce(degreeCount * 20 > engagements, false) AS walkCounted
CALL (f, engagements, actor, within, degreeCount, walkCounted) {
  WITH f, degreeCount, actor, within WHERE walkCounted
  RETURN degreeCount AS totalCount, COLLECT {
    // The branch that does not apply seeks from null, which seeks nothing.
    MATCH (e:Engagement)
    WHERE e.startEarliest >= CASE WHEN actor IS NOT NULL THEN '' END AND EXISTS { (actor)-[:FOUGHT_IN]->(e) }
    WITH e ORDER BY e.startEarliest, e.id LIMIT toInteger($pageEnd)
    RETURN e
    UNION ALL
    MATCH (e:Engagement)
    WHERE e.startEarliest >= CASE WHEN actor IS NULL THEN '' END AND EXISTS { (e)-[:AT]->(p:Place) WHERE p IN within }
    WITH e ORDER BY e.startEarliest, e.id LIMIT toInteger($pageEnd)
    RETURN e
  } AS ordered
  UNION ALL
  WITH f, engagements
  WHERE NOT walkCounted AND (f.actorIds IS NOT NULL OR f.placeId IS NOT NULL OR f.near IS NOT NULL)
  CALL (f) {
    // The branches exclude each other, and each checks only what its index did not: checked after
    // the branches, the place and distance conditions cost every row an Apply, and the place's own
    // engagements were checked again against the place (at 100k engagements, 37% of the db hits
    // of who-fought-where, which had the same shape, and 9 ms of this statement's 44 for a page of
    // one actor's). An actor's engagements in a place are checked against the place's subtree,
    // collected once, not by walking up from each engagement's place (an actor's page in a
    // governorate at 100k, 118 ms to 53). Neo4j checks IN against a list as a set: 100,000 checks
    // against 2,055 places took what they took against 10.
    WITH f WHERE f.actorIds IS NOT NULL
    WITH f, COLLECT { MATCH (:Place {id: f.placeId})<-[:PART_OF]-{0,8}(p:Place) RETURN DISTINCT p } AS within
    MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)
    WHERE a.id IN f.actorIds
      AND (f.placeId IS NULL OR EXISTS { (e)-[:AT]->(p:Place) WHERE p IN within })
      AND (f.near IS NULL OR EXISTS {
            MATCH (e)-[:AT]->(p:Place)
            WHERE point.distance(p.location, point({latitude: f.near.latitude, longitude: f.near.longitude})) <= f.near.meters })
    RETURN DISTINCT e
    UNION ALL
    WITH f WHERE f.actorIds IS NULL AND f.placeId IS NOT NULL
    MATCH (:Place {id: f.placeId})<-[:PART_OF]-{0,8}(:Place)<-[:AT]-(e:Engagement)
    WHERE f.near IS NULL OR EXISTS {
            MATCH (e)-[:AT]->(p:Place)
            WHERE point.distance(p.location, point({latitude: f.near.latitude, longitude: f.near.longitude})) <= f.near.meters }
    RETURN DISTINCT e
    UNION ALL
    WITH f WHERE f.actorIds IS NULL AND f.placeId IS NULL AND f.near IS NOT NULL
    MATCH (p:Place)
    WHERE point.distance(p.location, point({latitude: f.near.latitude, longitude: f.near.longitude})) <= f.near.meters
    MATCH (p)<-[:AT]-(e:Engagement)
    RETURN DISTINCT e
  }
  WITH f, engagements, e
  WHERE (f.from IS NULL OR coalesce(e.endLatest, e.startLatest) >= f.from)
    AND (f.to IS NULL OR e.startEarliest <= f.to)
    AND (f.kinds IS NULL OR e.kind IN f.kinds)
    AND (f.contested IS NULL OR e.contested = f.contested)
  // Where a walk starts: the first engagement's start when a `from` leaves the early ones out,
  // else the index's start (reading the 438,210 starts costs 0.6 s).
  WITH f, engagements, collect(e) AS matched,
       coalesce(min(CASE WHEN f.from IS NOT NULL THEN e.startEarliest END), '') AS earliest
  // The order: a filter matching more than a twentieth of all engagements walks the start index
  // from `earliest` and stops at the page's end (20 index entries or fewer per engagement kept, on
  // average); any other sorts its own, at most a twentieth of them all. Sorting Idlib
  // governorate's 438,210 at the 1M scale took 2.4 s of the statement's 3.3; walking, 0.1 s. Below
  // a twentieth the sort wins: 61 ms against 108 for an actor's 11,973.
  WITH f, matched, CASE WHEN size(matched) * 20 > engagements THEN earliest END AS walkFrom
  RETURN size(matched) AS totalCount, COLLECT {
    // A null walkFrom seeks nothing: the condition has to sit in the seek, or it is checked on
    // each entry of a whole-index scan. IN checks against the list as a set.
    MATCH (e:Engagement) WHERE e.startEarliest >= walkFrom AND e IN matched
    WITH e ORDER BY e.startEarliest, e.id LIMIT toInteger($pageEnd)
    RETURN e
    UNION ALL
    UNWIND CASE WHEN walkFrom IS NULL THEN matched ELSE [] END AS e
    WITH e ORDER BY e.startEarliest, e.id LIMIT toInteger($pageEnd)
    RETURN e
  } AS ordered
  UNION ALL
  // No actor, place or distance: every engagement, counted, and walked in start order with the
  // conditions above checked on the way, never held in a list (the 1,000,046 of the 1M scale and
  // their set ran out of Neo4j's transaction memory).
  WITH f WHERE f.actorIds IS NULL AND f.placeId IS NULL AND f.near IS NULL
  CALL (f) {
    MATCH (e:Engagement)
    WHERE (f.from IS NULL OR coalesce(e.endLatest, e.startLatest) >= f.from)
      AND (f.to IS NULL OR e.startEarliest <= f.to)
      AND (f.kinds IS NULL OR e.kind IN f.kinds)
      AND (f.contested IS NULL OR e.contested = f.contested)
    RETURN count(e) AS totalCount
  }
  RETURN totalCount, COLLECT {
    MATCH (e:Engagement)
    WHERE e.startEarliest >= ''
      AND (f.from IS NULL OR coalesce(e.endLatest, e.startLatest) >= f.from)
      AND (f.to IS NULL OR e.startEarliest <= f.to)
      AND (f.kinds IS NULL OR e.kind IN f.kinds)
      AND (f.contested IS NULL OR e.contested = f.contested)
    WITH e ORDER BY e.startEarliest, e.id LIMIT toInteger($pageEnd)
    RETURN e
  } AS ordered
}
// LIMIT takes no variable, so each filter's page is a slice of the batch's longest.
WITH f, totalCount, ordered[toInteger(f.offset)..toInteger(f.offset + f.limit)] AS page
// Each place and actor row comes once per filter, however many of the page's engagements name it:
// a page of one actor's engagements names that actor in every one (HTS's page at the UCDP scale
// was 185 KB with a row per mention, 88 KB with a row per actor). Subqueries of the page alone, as
// in who-fought-where.cypher, keep the statement's memory to the page's.
CALL (f, page) {
  UNWIND CASE WHEN f.withPlaces THEN page ELSE [] END AS e
  MATCH (e)-[:AT]->(p:Place)
  WITH DISTINCT p
  RETURN collect(CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END) AS placeRows
}
CALL (f, page) {
  UNWIND CASE WHEN f.withParticipants THEN page ELSE [] END AS e
  MATCH (a:Actor)-[:FOUGHT_IN]->(e)
  WITH DISTINCT a
  RETURN collect(CASE WHEN $brief.actor THEN {{actor-brief a}} ELSE {{actor a}} END) AS actorRows
}
RETURN f.key AS key, totalCount,
       [e IN page | CASE WHEN $brief.engagement THEN {{engagement-brief e}} ELSE {{engagement e}} END] AS engagements,
       CASE WHEN f.withPlaces THEN [e IN page | {
         engagementId: e.id,
         placeIds: COLLECT { MATCH (e)-[:AT]->(p:Place) WITH p ORDER BY p.name RETURN p.id }
       }] END AS places,
       placeRows,
       CASE WHEN f.withParticipants THEN [e IN page | {
         engagementId: e.id,
         participants: COLLECT {
           MATCH (a:Actor)-[r:FOUGHT_IN]->(e)
           WITH a, r ORDER BY r.side, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, a.name
           RETURN {actorId: a.id, side: r.side, role: r.role, note: r.note, inferredFrom: r.inferredFrom}
         }
       }] END AS participants,
       actorRows
