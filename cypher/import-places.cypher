// Creates the places an import found no match for, at the dataset's point, PART_OF the known
// governorate the dataset names (when given). Properties are set only on creation, so a rerun
// never undoes a reviewer's edits. Params: $rows [{id, latitude, longitude, partOf, props}]
// (props: name, kind, description, aliases, locationSource, locationName, locationPrecision,
// reviewStatus, importSource). Returns: count.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
ON CREATE SET p += row.props, p.location = point({latitude: row.latitude, longitude: row.longitude})
WITH p, row
CALL (p, row) {
  MATCH (g:Place {id: row.partOf})
  MERGE (p)-[:PART_OF]->(g)
}
RETURN count(*) AS count
