// MERGEs relationships read from a JSON export between nodes found by label and id: on their id
// when they have one, else on their endpoints and type; then sets their typed properties.
// Params: $rows [{type, from {label, id}, to {label, id}, properties, integers, integerLists,
// points}] (as in graph-import-nodes). Returns: count.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.from.label = 'Source'
  MATCH (a:Source {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Actor'
  MATCH (a:Actor {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Place'
  MATCH (a:Place {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Engagement'
  MATCH (a:Engagement {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Agreement'
  MATCH (a:Agreement {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Weapon'
  MATCH (a:Weapon {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Alias'
  MATCH (a:Alias {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Citation'
  MATCH (a:Citation {id: row.from.id})
  RETURN a
  UNION ALL
  WITH row WHERE row.from.label = 'Change'
  MATCH (a:Change {id: row.from.id})
  RETURN a
}
CALL (row) {
  WITH row WHERE row.to.label = 'Source'
  MATCH (b:Source {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Actor'
  MATCH (b:Actor {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Place'
  MATCH (b:Place {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Engagement'
  MATCH (b:Engagement {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Agreement'
  MATCH (b:Agreement {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Weapon'
  MATCH (b:Weapon {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Alias'
  MATCH (b:Alias {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Citation'
  MATCH (b:Citation {id: row.to.id})
  RETURN b
  UNION ALL
  WITH row WHERE row.to.label = 'Change'
  MATCH (b:Change {id: row.to.id})
  RETURN b
}
CALL (row, a, b) {
  WITH row, a, b WHERE row.properties.id IS NULL
  MERGE (a)-[r:$(row.type)]->(b)
  RETURN r
  UNION ALL
  WITH row, a, b WHERE row.properties.id IS NOT NULL
  MERGE (a)-[r:$(row.type) {id: row.properties.id}]->(b)
  RETURN r
}
SET r += row.properties
FOREACH (key IN keys(row.integers) | SET r[key] = toInteger(row.integers[key]))
FOREACH (key IN keys(row.integerLists) | SET r[key] = [x IN row.integerLists[key] | toInteger(x)])
FOREACH (key IN keys(row.points) | SET r[key] = point(row.points[key]))
// An engagement at more than one place is labelled so (load-engagement-places.cypher).
FOREACH (_ IN CASE WHEN row.type = 'AT' AND COUNT { (a)-[:AT]->() } > 1 THEN [1] ELSE [] END | SET a:MultiPlace)
RETURN count(*) AS count
