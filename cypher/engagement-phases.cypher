// Smaller engagements within each engagement, oldest first. Params: $ids [string].
// Returns: engagementId, phaseId.
UNWIND $ids AS engagementId
MATCH (phase:Engagement)-[:PART_OF]->(:Engagement {id: engagementId})
RETURN engagementId, phase.id AS phaseId
ORDER BY engagementId, phase.startEarliest, phase.id
