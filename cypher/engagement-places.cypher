// Where each engagement happened, with the places' rows. Params: $ids [string].
// Returns: engagementId, placeId, place (the row of cypher/rows/place.cypher).
UNWIND $ids AS engagementId
MATCH (:Engagement {id: engagementId})-[:AT]->(p:Place)
RETURN engagementId, p.id AS placeId, {{place p}} AS place
ORDER BY engagementId, p.name
