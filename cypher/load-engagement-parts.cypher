// Links an engagement to the operation it is part of. Params: $rows [{id, partOf}]. Returns: count.
UNWIND $rows AS row
MATCH (e:Engagement {id: row.id})
MATCH (parent:Engagement {id: row.partOf})
MERGE (e)-[:PART_OF]->(parent)
RETURN count(*) AS count
