// MERGEs nodes read from a JSON export on their label and id, and sets their properties with their
// types (JSON numbers reach Cypher as floats; points as maps).
// Params: $rows [{label (Source|Actor|Place|Engagement|Agreement|Weapon|Alias|Citation|Change), id, properties (plain
// values), integers {key: number}, integerLists {key: [number]}, points {key: point map}}].
// Returns: count.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'Source'
  MERGE (n:Source {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Actor'
  MERGE (n:Actor {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Place'
  MERGE (n:Place {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Engagement'
  MERGE (n:Engagement {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Agreement'
  MERGE (n:Agreement {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Weapon'
  MERGE (n:Weapon {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Alias'
  MERGE (n:Alias {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Citation'
  MERGE (n:Citation {id: row.id})
  RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Change'
  MERGE (n:Change {id: row.id})
  RETURN n
}
SET n += row.properties
FOREACH (key IN keys(row.integers) | SET n[key] = toInteger(row.integers[key]))
FOREACH (key IN keys(row.integerLists) | SET n[key] = [x IN row.integerLists[key] | toInteger(x)])
FOREACH (key IN keys(row.points) | SET n[key] = point(row.points[key]))
RETURN count(*) AS count
