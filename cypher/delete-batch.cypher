// Deletes up to $limit nodes with their edges; run until it returns 0 to empty the graph.
// Params: $limit. Returns: deleted.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
