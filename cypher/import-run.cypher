// The checkpoint of an earlier import of the same file (see import-checkpoint.cypher).
// Params: $id. Returns: throughRow, batches, completed (no row when the file was never imported).
MATCH (r:ImportRun {id: $id})
RETURN r.throughRow AS throughRow, r.batches AS batches, r.completed AS completed
