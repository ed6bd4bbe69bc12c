// Records one accepted change for the history; every call records its own Change. A change whose
// request (operation and input, `inputHash`) is the same as the latest change of its first entity
// re-applies what is already there: it is recorded as a no-op pointing at that change.
// Params: $change {id, at, seq, by, operation, inputHash, entityIds, subjects, summary, details,
// mergedFrom, mergedInto}, $firstSubject (the first entity as src/db/changeSubjects.ts writes it).
// Returns: noop, sameAs (the id of the change it repeats, or null).
CALL () {
  OPTIONAL MATCH (last:Change)
  WHERE last.subjects CONTAINS $firstSubject
  WITH last ORDER BY last.seq DESC
  LIMIT 1
  RETURN last
}
WITH CASE WHEN last.inputHash = $change.inputHash THEN last.id END AS sameAs
CREATE (c:Change)
SET c += $change, c.noop = sameAs IS NOT NULL, c.sameAs = sameAs
RETURN c.noop AS noop, c.sameAs AS sameAs
