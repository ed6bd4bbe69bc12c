// One page of places matching a filter, by name then id, with the total. Absent conditions are null.
// Params: $ids (the places answering to a name), $kinds, $reviewStatus, $within (a place id: the
// places lying in it, itself excluded), $near ({latitude, longitude, meters}), $offset, $limit.
// Returns: totalCount, ids (the page).
MATCH (p:Place)
WHERE ($ids IS NULL OR p.id IN $ids)
  AND ($kinds IS NULL OR p.kind IN $kinds)
  AND ($reviewStatus IS NULL OR coalesce(p.reviewStatus, 'REVIEWED') = $reviewStatus)
  AND ($within IS NULL OR EXISTS { (p)-[:PART_OF]->{1,8}(:Place {id: $within}) })
  AND ($near IS NULL OR
       point.distance(p.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters)
WITH p ORDER BY p.name, p.id
WITH collect(p.id) AS ids
RETURN size(ids) AS totalCount, ids[toInteger($offset)..toInteger($offset + $limit)] AS ids
