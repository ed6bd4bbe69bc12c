// Records, in the transaction of a batch, how far an import of one file has committed, so that a
// rerun after a crash resumes after the last committed batch. Keyed by dataset and file digest.
// Params: $id, $file, $dataset, $throughRow (data rows consumed through this batch), $batches,
// $completed. Returns: id.
MERGE (r:ImportRun {id: $id})
ON CREATE SET r.startedAt = toString(datetime())
SET r.file = $file, r.dataset = $dataset, r.throughRow = $throughRow, r.batches = $batches,
    r.completed = $completed, r.updatedAt = toString(datetime())
RETURN r.id AS id
