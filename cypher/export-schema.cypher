// Every property key with its type, per node label and per relationship type: the columns of the
// CSV and GraphML exports. One pass over the whole graph. Params: none.
// Returns: kind ('node'|'edge'), name (label or type), key, type (valueType).
CALL () {
  MATCH (n)
  // MultiPlace marks engagements, as an index would (src/db/multiPlace.ts): not a kind of node.
  UNWIND [name IN labels(n) WHERE name <> 'MultiPlace'] AS name
  UNWIND keys(n) AS key
  RETURN DISTINCT 'node' AS kind, name, key, valueType(n[key]) AS type
  UNION
  MATCH ()-[r]->()
  UNWIND keys(r) AS key
  RETURN DISTINCT 'edge' AS kind, type(r) AS name, key, valueType(r[key]) AS type
}
RETURN kind, name, key, type
ORDER BY kind, name, key
