// Which engagements already exist, to count what an import adds. Params: $ids [string].
// Returns: id.
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
RETURN e.id AS id
