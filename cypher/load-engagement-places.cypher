// Links engagements to where they happened. Params: $rows [{engagement, place}]. Returns: count.
UNWIND $rows AS row
MATCH (e:Engagement {id: row.engagement})
MATCH (p:Place {id: row.place})
MERGE (e)-[:AT]->(p)
RETURN count(*) AS count
