// Nodes of one label by id, each property with its Cypher type.
// Params: $label (Source|Actor|Place|Engagement|Agreement|Weapon|Alias|Citation|Change), $ids [string].
// Returns: id, properties [{key, type (valueType), value}].
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
RETURN n.id AS id, [key IN keys(n) | {key: key, type: valueType(n[key]), value: n[key]}] AS properties
