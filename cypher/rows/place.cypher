// The place row (PlaceRow in src/db/rows.ts) of the Place node `_`; see actor.cypher.
_ {.id, .name, .kind, .description, .aliases, .reviewStatus, .locationSource, .locationName, .locationPrecision,
   latitude: _.location.latitude, longitude: _.location.longitude,
   partOfId: head([(_)-[:PART_OF]->(rowParent:Place) | rowParent.id])}
