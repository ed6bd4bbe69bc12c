// Agreements with their parties, places and violations, for each key: one by id (id), those an actor is party to
// or violated (actorId), those covering a place, a place within it or a place it lies in
// (placeId), or all (both null); and, with from/to, those whose period (announced .. to, at the
// widest reading) overlaps that range.
// Params: $keys [{id, actorId, placeId, from, to}] (each may be null).
// Returns: index (of the key in $keys), agreement {id, name, kind, announcedValue, announcedPrecision,
// fromValue, fromPrecision, toValue, toPrecision, dateNote, description, contested, contestedNote,
// inferredFrom, parties [{actorId, role, note}], placeIds [string], violations [edge as in
// edges-by-id]}.
UNWIND range(0, size($keys) - 1) AS index
WITH index, $keys[index] AS key
CALL (key) {
  MATCH (g:Agreement)
  WHERE (key.id IS NULL OR g.id = key.id)
    AND (key.actorId IS NULL OR EXISTS { (:Actor {id: key.actorId})-[:PARTY_TO|VIOLATED]->(g) })
    AND (key.placeId IS NULL
         OR EXISTS { (g)-[:COVERS]->(:Place)-[:PART_OF]->{0,8}(:Place {id: key.placeId}) }
         OR EXISTS { (g)-[:COVERS]->(:Place)<-[:PART_OF]-{1,8}(:Place {id: key.placeId}) })
    AND (key.to IS NULL OR coalesce(g.announcedEarliest, g.fromEarliest) IS NULL
         OR coalesce(g.announcedEarliest, g.fromEarliest) <= key.to)
    AND (key.from IS NULL OR g.toLatest IS NULL OR g.toLatest >= key.from)
  RETURN g
}
CALL (g) {
  OPTIONAL MATCH (a:Actor)-[r:PARTY_TO]->(g)
  WITH a, r ORDER BY r.role, a.name
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE {actorId: a.id, role: r.role, note: r.note} END) AS parties
}
CALL (g) {
  OPTIONAL MATCH (g)-[:COVERS]->(p:Place)
  WITH p ORDER BY p.name
  RETURN collect(p.id) AS placeIds
}
CALL (g) {
  OPTIONAL MATCH (a:Actor)-[v:VIOLATED]->(g)
  WITH a, v ORDER BY v.fromEarliest, v.id
  RETURN collect(CASE WHEN v IS NULL THEN NULL ELSE
    v {.id, type: 'VIOLATED', fromId: a.id, toId: g.id, fromName: a.name, toName: g.name, .fromValue,
       .fromPrecision, .toValue, .toPrecision, .contested, .contestedNote, .inferredFrom} END) AS violations
}
RETURN index, g {.id, .name, .kind, .announcedValue, .announcedPrecision, .fromValue, .fromPrecision,
               .toValue, .toPrecision, .dateNote, .description, .contested, .contestedNote,
               .inferredFrom, parties: parties, placeIds: placeIds, violations: violations} AS agreement
ORDER BY index, coalesce(g.announcedEarliest, g.fromEarliest, g.toLatest), g.id
