// Deletes up to $limit nodes with their edges; run until it returns 0 to empty the graph.
// Numbers arrive from JavaScript as floats: LIMIT and list slices take toInteger() of them.
// Params: $limit. Returns: deleted.
MATCH (n)
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
