// Links engagements to where they happened, and labels an engagement at more than one place
// MultiPlace (engagements-page.cypher counts a place's engagements from degrees and takes off
// those counted twice). Params: $rows [{engagement, place}]. Returns: count.
UNWIND $rows AS row
MATCH (e:Engagement {id: row.engagement})
MATCH (p:Place {id: row.place})
MERGE (e)-[:AT]->(p)
WITH e, count(*) AS linked
FOREACH (_ IN CASE WHEN COUNT { (e)-[:AT]->() } > 1 THEN [1] ELSE [] END | SET e:MultiPlace)
RETURN sum(linked) AS count
