// Moves a place into another: replaces its PART_OF edge. Params: $id, $partOf. Returns: count.
MATCH (p:Place {id: $id})
MATCH (parent:Place {id: $partOf})
OPTIONAL MATCH (p)-[old:PART_OF]->(:Place)
DELETE old
MERGE (p)-[:PART_OF]->(parent)
RETURN count(DISTINCT p) AS count
