// One page of node ids of a label, in id order after $after (keyset paging on the id constraint's
// index; a label must be written out for the index to be used, hence one branch per label).
// Params: $label (Source|Actor|Place|Engagement|Agreement|Weapon|Alias|Citation|Change), $after (string, '' for the first
// page), $limit. Returns: id.
CALL () {
  WITH 1 AS ignored WHERE $label = 'Source'
  MATCH (n:Source) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Actor'
  MATCH (n:Actor) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Place'
  MATCH (n:Place) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Engagement'
  MATCH (n:Engagement) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Agreement'
  MATCH (n:Agreement) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Weapon'
  MATCH (n:Weapon) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Alias'
  MATCH (n:Alias) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Citation'
  MATCH (n:Citation) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
  UNION ALL
  WITH 1 AS ignored WHERE $label = 'Change'
  MATCH (n:Change) WHERE n.id > $after
  RETURN n.id AS id ORDER BY n.id LIMIT toInteger($limit)
}
RETURN id
