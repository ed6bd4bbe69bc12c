// The relationships read from these nodes: each relationship is read from the endpoint with fewer
// relationships (from its start node when even), so nodes with huge degrees are never expanded
// and every relationship comes once over a pass through all nodes. Degrees come from the store.
// Params: $label (Source|Actor|Place|Engagement|Agreement|Weapon|Alias|Citation|Change), $ids [string].
// Returns: type, fromLabel, fromId, toLabel, toId, properties [{key, type (valueType), value}].
UNWIND $ids AS id
CALL (id) {
  WITH id WHERE $label = 'Source'
  MATCH (n:Source {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Actor'
  MATCH (n:Actor {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Place'
  MATCH (n:Place {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Engagement'
  MATCH (n:Engagement {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Agreement'
  MATCH (n:Agreement {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Weapon'
  MATCH (n:Weapon {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Alias'
  MATCH (n:Alias {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Citation'
  MATCH (n:Citation {id: id})
  RETURN n
  UNION ALL
  WITH id WHERE $label = 'Change'
  MATCH (n:Change {id: id})
  RETURN n
}
MATCH (n)-[r]-(m)
WITH n, r, m, COUNT { (n)--() } AS degree, COUNT { (m)--() } AS otherDegree
WHERE degree < otherDegree OR (degree = otherDegree AND startNode(r) = n)
WITH r, startNode(r) AS a, endNode(r) AS b
// A node's kind is its one label besides MultiPlace (src/db/multiPlace.ts).
RETURN type(r) AS type,
       [l IN labels(a) WHERE l <> 'MultiPlace'][0] AS fromLabel, a.id AS fromId,
       [l IN labels(b) WHERE l <> 'MultiPlace'][0] AS toLabel, b.id AS toId,
       [key IN keys(r) | {key: key, type: valueType(r[key]), value: r[key]}] AS properties
