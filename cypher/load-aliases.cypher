// Upserts the names an actor or place goes by. Params: $rows [{id, entityType ('Actor'|'Place'),
// entityId, props}] (props: name, key, kind, sources, fromValue, fromPrecision, fromEarliest,
// fromLatest, toValue, toPrecision, toEarliest, toLatest). Returns: count.
UNWIND $rows AS row
CALL (row) {
  MATCH (e:Actor {id: row.entityId}) WHERE row.entityType = 'Actor' RETURN e
  UNION
  MATCH (e:Place {id: row.entityId}) WHERE row.entityType = 'Place' RETURN e
}
MERGE (n:Alias {id: row.id})
SET n += row.props, n.entityType = row.entityType, n.entityId = row.entityId
MERGE (n)-[:ALIAS_OF]->(e)
RETURN count(*) AS count
