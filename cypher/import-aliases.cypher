// The names an import links to actors and places (a dataset's own spellings). A name the entity
// already has (same spelling) keeps its kind and period, and gains the dataset among its sources;
// a new one is created with the import's kind (DATASET or GAZETTEER), and then the entity's
// `aliases` list is recomputed (only then: it changes with nothing else). Params: $rows [{id, entityType ('Actor'|'Place'), entityId, props}] (props: name,
// key, kind, sources [the dataset's source id], period fields as load-aliases). Returns: count.
UNWIND $rows AS row
CALL (row) {
  MATCH (e:Actor {id: row.entityId}) WHERE row.entityType = 'Actor' RETURN e
  UNION
  MATCH (e:Place {id: row.entityId}) WHERE row.entityType = 'Place' RETURN e
}
OPTIONAL MATCH (known:Alias {key: row.props.key})-[:ALIAS_OF]->(e)
WHERE known.name = row.props.name
WITH row, e, head(collect(known)) AS known
CALL (row, e, known) {
  WITH row, e, known WHERE known IS NULL
  MERGE (n:Alias {id: row.id})
  ON CREATE SET n += row.props, n.entityType = row.entityType, n.entityId = e.id
  MERGE (n)-[:ALIAS_OF]->(e)
  RETURN true AS created
  UNION ALL
  WITH row, known WHERE known IS NOT NULL
  SET known.sources = coalesce(known.sources, []) +
                      [s IN row.props.sources WHERE NOT s IN coalesce(known.sources, [])]
  RETURN false AS created
}
WITH e, created
WHERE created
WITH DISTINCT e
CALL (e) {
  OPTIONAL MATCH (a:Alias)-[:ALIAS_OF]->(e)
  WHERE a.name <> e.name
  WITH a ORDER BY a.name
  RETURN collect(DISTINCT a.name) AS names
}
SET e.aliases = names
RETURN count(*) AS count
