// Everything the graph takes from each source (retracted citations aside): how much, and the first
// `limit` citations by id. A dataset is cited for each fact an import took from it (1,287,063
// citations of ACLED at the 1M scale), so a source's share of all citations picks the plan: one
// holding more than a fiftieth walks the citation ids in order and stops at the page (50 index
// entries or fewer per citation kept), any other sorts its own citations, at most a fiftieth of
// them all. Reading all of ACLED's ran past the 15 s transaction timeout; the walk reads about
// 1,600 entries.
// Params: $ids [string]; $limit (integer, the same for every id).
// Returns: id, count, citations [{id, factId, factType, quote, note, sourceId}] by id.
CALL () { MATCH (c:Citation) RETURN count(c) AS citations }
UNWIND $ids AS id
MATCH (s:Source {id: id})
// Only citations cite, so the degree counts them without reading one.
WITH id, s, citations, COUNT { (s)<-[:CITES]-() } AS cited
WITH id, s, cited, CASE WHEN cited * 50 > citations THEN '' END AS walkFrom
WITH id, s, cited, COLLECT {
  // A null walkFrom seeks nothing: the condition has to sit in the seek, or it is checked on each
  // entry of a whole-index scan.
  MATCH (c:Citation) WHERE c.id >= walkFrom AND (c)-[:CITES]->(s) AND coalesce(c.retracted, false) = false
  WITH c ORDER BY c.id LIMIT toInteger($limit)
  RETURN c
  UNION ALL
  UNWIND CASE WHEN walkFrom IS NULL THEN [s] ELSE [] END AS few
  MATCH (c:Citation)-[:CITES]->(few) WHERE coalesce(c.retracted, false) = false
  WITH c ORDER BY c.id LIMIT toInteger($limit)
  RETURN c
} AS page
RETURN id,
       cited - COUNT {
         MATCH (c:Citation)
         WHERE c.retracted = true AND (c)-[:CITES]->(s)
       } AS count,
       [c IN page | c {.id, .factId, .factType, .quote, .note, sourceId: s.id}] AS citations
