// Links agreements to the places they cover. Params: $rows [{agreement, place}]. Returns: count.
UNWIND $rows AS row
MATCH (g:Agreement {id: row.agreement})
MATCH (p:Place {id: row.place})
MERGE (g)-[:COVERS]->(p)
RETURN count(*) AS count
