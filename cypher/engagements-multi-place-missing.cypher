// Engagements at more than one place that lack the MultiPlace label (stored before it existed, or
// restored from an older backup). Params: $limit. Returns: id.
MATCH (e:Engagement) WHERE NOT e:MultiPlace AND COUNT { (e)-[:AT]->() } > 1
RETURN e.id AS id
LIMIT toInteger($limit)
