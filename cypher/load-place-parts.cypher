// Links places to the place they lie in. Params: $rows [{id, partOf}]. Returns: count.
UNWIND $rows AS row
MATCH (p:Place {id: row.id})
MATCH (parent:Place {id: row.partOf})
MERGE (p)-[:PART_OF]->(parent)
RETURN count(*) AS count
