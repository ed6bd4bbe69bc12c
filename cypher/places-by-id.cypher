// Places by id. Params: $ids [string]. Returns: place {id, name, kind, description, aliases,
// reviewStatus, latitude, longitude, locationSource, locationName, locationPrecision, partOfId}.
UNWIND $ids AS id
MATCH (p:Place {id: id})
OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
RETURN p {.id, .name, .kind, .description, .aliases, .reviewStatus, .locationSource, .locationName,
          .locationPrecision, latitude: p.location.latitude, longitude: p.location.longitude,
          partOfId: parent.id} AS place
