// Whether `remove` was already merged into `keep` (so a repeated or concurrent merge is a no-op).
// Params: $remove, $keep. Returns: merges.
MATCH (c:Change)
WHERE c.mergedFrom = $remove AND c.mergedInto = $keep
RETURN count(c) AS merges
