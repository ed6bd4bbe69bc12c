// Merges two actors that are one: every edge of `remove` moves to `keep` (edges with an id are
// recreated with their properties, id-less ones such as FOUGHT_IN, AT and PART_OF are merged so
// they are not doubled), its names become names of `keep`, its citations cite `keep`, and it is
// deleted. Edges between the two are dropped: they would become loops. Armaments it supplied
// name `keep` as their supplier.
// Params: $keep, $remove. Returns: movedOut, movedIn, droppedBetween, names.
MATCH (keep:Actor {id: $keep})
MATCH (gone:Actor {id: $remove})
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
  WHERE same.entityType = 'Actor' AND same.name = a.name
  WITH keep, a, same WHERE a IS NOT NULL
  FOREACH (_ IN CASE WHEN same IS NULL THEN [1] ELSE [] END |
    SET a.id = 'Actor:' + keep.id + ':' + a.name, a.entityId = keep.id
    MERGE (a)-[:ALIAS_OF]->(keep))
  FOREACH (_ IN CASE WHEN same IS NULL THEN [] ELSE [1] END | DETACH DELETE a)
  RETURN count(a) AS names
}
CALL (keep, gone) {
  OPTIONAL MATCH (c:Citation {factId: gone.id})
  WHERE c.factType = 'Actor'
  SET c.factId = keep.id
  RETURN count(c) AS citations
}
// An armament names its supplier by id: the supplier is now `keep`.
CALL (keep, gone) {
  OPTIONAL MATCH ()-[r:ARMED_WITH {suppliedBy: gone.id}]->()
  SET r.suppliedBy = keep.id
  RETURN count(r) AS supplied
}
DETACH DELETE gone
RETURN movedOut, movedIn, droppedBetween, names
