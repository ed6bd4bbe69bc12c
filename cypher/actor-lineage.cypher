// The whole lineage chain each actor belongs to (renames, mergers, splits, both directions), as
// the edges between its members, oldest first, with the rows of both ends (so a request reads the
// actors with their chain) and the actor's own row (an actor read by id with its lineage is then
// one statement, not two). Params: $ids [string]; $brief {actor}: whether the rows are the brief
// ones (cypher/rows/actor-brief.cypher).
// Returns: one row per id whose actor exists, actorId, actor (its row), links [{edge (as in
// edges-by-id), fromActor, toActor (rows of cypher/rows/actor.cypher)}], oldest first.
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]-{0,12}(m:Actor)
  WITH collect(DISTINCT m) AS chain
  UNWIND chain AS m
  MATCH (m)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]->(n:Actor)
  WHERE n IN chain
  WITH m, r, n ORDER BY r.dateEarliest, r.id
  RETURN collect({
    edge: r {.id, type: type(r), fromId: m.id, toId: n.id, fromName: m.name, toName: n.name,
             .dateValue, .datePrecision, .contested, .contestedNote},
    fromActor: CASE WHEN $brief.actor THEN {{actor-brief m}} ELSE {{actor m}} END,
    toActor: CASE WHEN $brief.actor THEN {{actor-brief n}} ELSE {{actor n}} END
  }) AS links
}
RETURN actorId, CASE WHEN $brief.actor THEN {{actor-brief a}} ELSE {{actor a}} END AS actor, links
