// Upserts places with their WGS84 point. Params: $rows [{id, props, latitude, longitude}]
// (props: name, kind, description, aliases, locationSource, locationName, locationPrecision,
// locationNote, reviewStatus; latitude/longitude null when no gazetteer gives them). Returns: count.
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p += row.props,
    p.location = CASE WHEN row.latitude IS NULL THEN null
                      ELSE point({latitude: row.latitude, longitude: row.longitude}) END
RETURN count(*) AS count
