// Where each engagement happened. Params: $ids [string]. Returns: engagementId, placeId.
UNWIND $ids AS engagementId
MATCH (:Engagement {id: engagementId})-[:AT]->(p:Place)
RETURN engagementId, p.id AS placeId
ORDER BY engagementId, p.name
