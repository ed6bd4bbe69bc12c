// Counts nodes per label and edges per type, for the load summary and idempotence checks.
// Params: none. Returns: kind ('node'|'edge'), name, count.
CALL () {
  // MultiPlace marks engagements, as an index would (src/db/multiPlace.ts): not a kind of node.
  MATCH (n) UNWIND labels(n) AS name WITH name WHERE name <> 'MultiPlace' RETURN 'node' AS kind, name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'edge' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count ORDER BY kind, name
