// Engagements by id. Params: $ids [string]. Returns: engagement (the row of
// cypher/rows/engagement.cypher).
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
RETURN {{engagement e}} AS engagement
