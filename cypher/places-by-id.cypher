// Places by id. Params: $ids [string]. Returns: place (the row of cypher/rows/place.cypher).
UNWIND $ids AS id
MATCH (p:Place {id: id})
RETURN {{place p}} AS place
