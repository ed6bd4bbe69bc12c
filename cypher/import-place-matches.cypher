// Places answering to exact name keys, with their point and the governorates they are or lie in,
// for matching an import's place names by name and distance (or region).
// Params: $keys [string] (normaliseName keys).
// Returns: key, placeId, kind, latitude, longitude (null without a point), regions (names and
// aliases of the GOVERNORATE places it is or lies in).
UNWIND $keys AS key
MATCH (:Alias {key: key})-[:ALIAS_OF]->(p:Place)
OPTIONAL MATCH (p)-[:PART_OF]->{0,8}(g:Place {kind: 'GOVERNORATE'})
WITH key, p, collect(DISTINCT g) AS governorates
RETURN key, p.id AS placeId, p.kind AS kind, p.location.latitude AS latitude, p.location.longitude AS longitude,
       reduce(names = [], g IN governorates | names + g.name + coalesce(g.aliases, [])) AS regions
