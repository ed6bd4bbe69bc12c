// Recomputes the `aliases` list of actors or places from their Alias nodes (every name but the
// canonical one), after names were added, removed or merged.
// Params: $entities [{type ('Actor'|'Place'), id}]. Returns: count.
UNWIND $entities AS entity
CALL (entity) {
  MATCH (e:Actor {id: entity.id}) WHERE entity.type = 'Actor' RETURN e
  UNION
  MATCH (e:Place {id: entity.id}) WHERE entity.type = 'Place' RETURN e
}
OPTIONAL MATCH (a:Alias)-[:ALIAS_OF]->(e)
WHERE a.name <> e.name
WITH e, a ORDER BY a.name
WITH e, collect(a.name) AS names
SET e.aliases = names
RETURN count(*) AS count
