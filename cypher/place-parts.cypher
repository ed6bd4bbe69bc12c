// Places lying directly in each place. Params: $ids [string]. Returns: placeId, partId.
UNWIND $ids AS placeId
MATCH (part:Place)-[:PART_OF]->(:Place {id: placeId})
RETURN placeId, part.id AS partId
ORDER BY placeId, part.name
