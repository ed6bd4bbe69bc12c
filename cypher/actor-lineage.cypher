// The whole lineage chain each actor belongs to (renames, mergers, splits, both directions), as
// the edges between its members, oldest first, with the rows of both ends (so a request reads the
// actors with their chain). Params: $ids [string]; $brief {actor}: whether those rows are the brief
// ones (cypher/rows/actor-brief.cypher).
// Returns: actorId, edge (as in edges-by-id), fromActor, toActor (rows of cypher/rows/actor.cypher).
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]-{0,12}(m:Actor)
  RETURN collect(DISTINCT m) AS chain
}
UNWIND chain AS m
MATCH (m)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]->(n:Actor)
WHERE n IN chain
RETURN actorId, r {.id, type: type(r), fromId: m.id, toId: n.id, fromName: m.name, toName: n.name,
                   .dateValue, .datePrecision, .contested, .contestedNote} AS edge,
       CASE WHEN $brief.actor THEN {{actor-brief m}} ELSE {{actor m}} END AS fromActor,
       CASE WHEN $brief.actor THEN {{actor-brief n}} ELSE {{actor n}} END AS toActor
ORDER BY actorId, r.dateEarliest, r.id
