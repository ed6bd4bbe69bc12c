// Where each engagement happened, with the places' rows. Params: $ids [string]; $brief {place}:
// whether those rows are the brief ones (cypher/rows/place-brief.cypher).
// Returns: engagementId, placeId, place (the row of cypher/rows/place.cypher).
UNWIND $ids AS engagementId
MATCH (:Engagement {id: engagementId})-[:AT]->(p:Place)
RETURN engagementId, p.id AS placeId, CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END AS place
ORDER BY engagementId, p.name
