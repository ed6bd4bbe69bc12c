// How many nodes of the graph model the graph holds (operational nodes such as the write lock
// and import checkpoints aside), for restore's "only into an empty graph" rule.
// Params: none. Returns: nodes.
MATCH (n)
WHERE NOT n:GraphWriteLock AND NOT n:ImportRun
RETURN count(n) AS nodes
