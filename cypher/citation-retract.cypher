// Withdraws a citation: it stays in the graph for the record but no longer supports its fact.
// Params: $id, $reason, $by, $at. Returns: count.
MATCH (c:Citation {id: $id})
SET c.retracted = true, c.retractedReason = $reason, c.retractedBy = $by, c.retractedAt = $at
RETURN count(c) AS count
