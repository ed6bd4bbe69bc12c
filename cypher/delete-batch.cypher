// Deletes up to $limit nodes with their edges; run until it returns 0 to empty the graph.
// The write lock every write transaction takes (graph-write-lock.cypher) is left: deleting it
// would only have the next batch create it again, and the loop would never end.
// Numbers arrive from JavaScript as floats: LIMIT and list slices take toInteger() of them.
// Params: $limit. Returns: deleted.
MATCH (n)
WHERE NOT n:GraphWriteLock
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS deleted
