// Taken first by every write transaction, and held by a backup for its whole length: writes wait
// while a backup reads, so the backup is one consistent state of the graph (Neo4j Community has
// no online snapshot). The node is operational, not part of the graph model, and never exported.
// Params: none. Returns: nothing.
MERGE (lock:GraphWriteLock {id: 'graph'})
SET lock.taken = true
