// Labels engagements MultiPlace. Params: $rows [{id}]. Returns: count.
UNWIND $rows AS row
MATCH (e:Engagement {id: row.id})
SET e:MultiPlace
RETURN count(*) AS count
