// The part of the graph a filtered export covers (src/export/selection.ts explains the rules):
// the engagements matching every filter, their participants and places, the filter's actors and
// place subtree, the dated edges among them that fall in the period (lineage edges whatever their
// date), the places' ancestors, and the aliases of every actor and place.
// Params: $actorIds ([string] or null), $placeId (string or null), $from, $to (ISO days or null),
// $lineageTypes (the lineage kinds). Edge types: ENTITY_EDGE_TYPES of src/domain/facts.ts, spelled
// out so that the expansion reads only those types (tests/unit/edgeTypes.test.ts checks the list).
// Returns: engagementIds, agreementIds, weaponIds, actorIds, placeIds, edges [{type, id}], aliasIds.
CALL () {
  CALL () {
    WITH 1 AS ignored WHERE $actorIds IS NOT NULL
    MATCH (a:Actor)-[:FOUGHT_IN]->(e:Engagement)
    WHERE a.id IN $actorIds
    RETURN DISTINCT e
    UNION
    WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NOT NULL
    MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(:Place)<-[:AT]-(e:Engagement)
    RETURN DISTINCT e
    UNION
    WITH 1 AS ignored WHERE $actorIds IS NULL AND $placeId IS NULL
    MATCH (e:Engagement)
    RETURN e
  }
  WITH e
  WHERE ($from IS NULL OR coalesce(e.endLatest, e.startLatest) >= $from)
    AND ($to IS NULL OR e.startEarliest <= $to)
    AND ($placeId IS NULL OR EXISTS { (e)-[:AT]->(:Place)-[:PART_OF]->{0,8}(:Place {id: $placeId}) })
  RETURN collect(e) AS engagements
}
CALL (engagements) {
  UNWIND engagements AS e
  OPTIONAL MATCH (a:Actor)-[:FOUGHT_IN]->(e)
  RETURN collect(DISTINCT a) AS participants
}
CALL (engagements) {
  UNWIND engagements AS e
  OPTIONAL MATCH (e)-[:AT]->(p:Place)
  RETURN collect(DISTINCT p) AS sites
}
CALL () {
  OPTIONAL MATCH (:Place {id: $placeId})<-[:PART_OF]-{0,8}(p:Place)
  RETURN collect(DISTINCT p) AS subtree
}
CALL () {
  UNWIND coalesce($actorIds, []) AS id
  MATCH (a:Actor {id: id})
  RETURN collect(a) AS filterActors
}
WITH engagements, filterActors, subtree, participants + filterActors AS actors, sites + subtree AS places
// Dated edges: touching a filter actor or filter place, or between two selected nodes.
CALL (filterActors, subtree, actors, places) {
  MATCH (a:Actor)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED]->(b)
  WHERE (a IN filterActors OR b IN filterActors OR b IN subtree OR (a IN actors AND (b IN actors OR b IN places)))
    AND (type(r) IN $lineageTypes OR (
         ($from IS NULL OR coalesce(r.toLatest, r.dateLatest) IS NULL OR coalesce(r.toLatest, r.dateLatest) >= $from)
         AND ($to IS NULL OR coalesce(r.fromEarliest, r.dateEarliest) IS NULL OR coalesce(r.fromEarliest, r.dateEarliest) <= $to)))
  RETURN collect({type: type(r), id: r.id}) AS edges, collect(DISTINCT a) + collect(DISTINCT b) AS ends
}
WITH engagements, edges, ends, actors, places
// Agreements a selected actor is party to or violated, or covering a selected place, whose span
// (from .. to, or the announcement) overlaps the period; with their parties, the places they
// cover and their violations in the period, whose actors join the export.
CALL (actors, places) {
  CALL (actors, places) {
    UNWIND actors AS a
    MATCH (a)-[:PARTY_TO|VIOLATED]->(g:Agreement)
    RETURN g
    UNION
    UNWIND places AS p
    MATCH (g:Agreement)-[:COVERS]->(p)
    RETURN g
  }
  WITH DISTINCT g,
       coalesce(g.fromEarliest, g.announcedEarliest) AS starts,
       coalesce(g.toLatest, CASE WHEN g.fromEarliest IS NULL THEN g.announcedLatest END) AS ends
  WHERE ($from IS NULL OR ends IS NULL OR ends >= $from) AND ($to IS NULL OR starts IS NULL OR starts <= $to)
  RETURN collect(g) AS agreements
}
CALL (agreements) {
  UNWIND agreements AS g
  MATCH (x)-[r:PARTY_TO|COVERS]-(g)
  RETURN collect(DISTINCT x) AS agreementEnds
}
CALL (agreements) {
  UNWIND agreements AS g
  MATCH (a:Actor)-[v:VIOLATED]->(g)
  WHERE ($from IS NULL OR v.toLatest IS NULL OR v.toLatest >= $from)
    AND ($to IS NULL OR v.fromEarliest IS NULL OR v.fromEarliest <= $to)
  RETURN collect({type: 'VIOLATED', id: v.id}) AS violations, collect(DISTINCT a) AS violators
}
// Armaments of a selected actor, as holder or supplier, in the period; their weapons and the
// other actor join the export.
CALL (actors) {
  UNWIND actors AS a
  CALL (a) {
    MATCH (a)-[r:ARMED_WITH]->(w:Weapon)
    RETURN r, w
    UNION
    MATCH (:Actor)-[r:ARMED_WITH {suppliedBy: a.id}]->(w:Weapon)
    RETURN r, w
  }
  WITH DISTINCT r, w
  WHERE ($from IS NULL OR r.toLatest IS NULL OR r.toLatest >= $from)
    AND ($to IS NULL OR r.fromEarliest IS NULL OR r.fromEarliest <= $to)
  OPTIONAL MATCH (supplier:Actor {id: r.suppliedBy})
  RETURN collect({type: 'ARMED_WITH', id: r.id}) AS armaments, collect(DISTINCT w) AS weapons,
         collect(DISTINCT startNode(r)) + collect(DISTINCT supplier) AS armed
}
WITH engagements, agreements, weapons, edges + violations + armaments AS edges,
     ends + agreementEnds + violators + armed AS ends, actors, places
CALL (actors, ends) {
  UNWIND actors + ends AS a
  WITH a WHERE a:Actor
  RETURN collect(DISTINCT a) AS allActors
}
CALL (places, ends) {
  UNWIND places + ends AS p
  WITH p WHERE p:Place
  MATCH (p)-[:PART_OF]->{0,8}(ancestor:Place)
  RETURN collect(DISTINCT ancestor) AS allPlaces
}
CALL (allActors, allPlaces) {
  UNWIND allActors + allPlaces AS entity
  MATCH (alias:Alias)-[:ALIAS_OF]->(entity)
  RETURN collect(alias.id) AS aliasIds
}
RETURN [e IN engagements | e.id] AS engagementIds,
       [g IN agreements | g.id] AS agreementIds,
       [w IN weapons | w.id] AS weaponIds,
       [a IN allActors | a.id] AS actorIds,
       [p IN allPlaces | p.id] AS placeIds,
       edges,
       aliasIds
