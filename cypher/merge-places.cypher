// Merges two places that are one: every edge of `remove` moves to `keep` (edges with an id are
// recreated with their properties, id-less ones such as FOUGHT_IN, AT and PART_OF are merged so
// they are not doubled), its names become names of `keep`, its citations cite `keep`, and it is
// deleted. Edges between the two are dropped: they would become loops.
// Params: $keep, $remove. Returns: movedOut, movedIn, droppedBetween, names.
MATCH (keep:Place {id: $keep})
MATCH (gone:Place {id: $remove})
CALL (keep, gone) {
  OPTIONAL MATCH (gone)-[r]-(keep)
  RETURN count(r) AS droppedBetween
}
CALL (keep, gone) {
  OPTIONAL MATCH (gone)-[r]->(other)
  WHERE other <> keep
  CALL (keep, r, other) {
    WITH keep, r, other WHERE r IS NOT NULL AND r.id IS NOT NULL
    CREATE (keep)-[n:$(type(r))]->(other)
    SET n = properties(r)
    RETURN count(n) AS created
    UNION ALL
    WITH keep, r, other WHERE r IS NOT NULL AND r.id IS NULL
    MERGE (keep)-[n:$(type(r))]->(other)
    SET n += properties(r)
    RETURN count(n) AS created
  }
  RETURN sum(created) AS movedOut
}
CALL (keep, gone) {
  OPTIONAL MATCH (other)-[r]->(gone)
  WHERE other <> keep AND NOT other:Alias
  CALL (keep, r, other) {
    WITH keep, r, other WHERE r IS NOT NULL AND r.id IS NOT NULL
    CREATE (other)-[n:$(type(r))]->(keep)
    SET n = properties(r)
    RETURN count(n) AS created
    UNION ALL
    WITH keep, r, other WHERE r IS NOT NULL AND r.id IS NULL
    MERGE (other)-[n:$(type(r))]->(keep)
    SET n += properties(r)
    RETURN count(n) AS created
  }
  RETURN sum(created) AS movedIn
}
CALL (keep, gone) {
  OPTIONAL MATCH (a:Alias)-[:ALIAS_OF]->(gone)
  OPTIONAL MATCH (same:Alias {entityId: keep.id})
  WHERE same.entityType = 'Place' AND same.name = a.name
  WITH keep, a, same WHERE a IS NOT NULL
  FOREACH (_ IN CASE WHEN same IS NULL THEN [1] ELSE [] END |
    SET a.id = 'Place:' + keep.id + ':' + a.name, a.entityId = keep.id
    MERGE (a)-[:ALIAS_OF]->(keep))
  FOREACH (_ IN CASE WHEN same IS NULL THEN [] ELSE [1] END | DETACH DELETE a)
  RETURN count(a) AS names
}
CALL (keep, gone) {
  OPTIONAL MATCH (c:Citation {factId: gone.id})
  WHERE c.factType = 'Place'
  SET c.factId = keep.id
  RETURN count(c) AS citations
}
// A place without coordinates takes those of the place merged into it.
WITH keep, gone, movedOut, movedIn, droppedBetween, names, keep.location IS NULL AND gone.location IS NOT NULL AS adopt
FOREACH (_ IN CASE WHEN adopt THEN [1] ELSE [] END |
  SET keep.location = gone.location, keep.locationSource = gone.locationSource,
      keep.locationName = gone.locationName, keep.locationPrecision = gone.locationPrecision)
DETACH DELETE gone
RETURN movedOut, movedIn, droppedBetween, names
