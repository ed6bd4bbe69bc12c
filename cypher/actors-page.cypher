// One page of actors matching a filter, by name then id, with the total. Absent conditions are null.
// Params: $ids (the actors answering to a name), $kinds, $reviewStatus, $sponsoredBy, $memberOf
// (actor ids), $asOf (ISO day: the sponsorship or membership held then), $activeFrom, $activeTo
// (ISO days: fought in an engagement whose span overlaps them), $foughtWithin (a place id: fought
// there or in a place lying in it), $offset, $limit.
// Returns: totalCount, ids (the page).
MATCH (a:Actor)
WHERE ($ids IS NULL OR a.id IN $ids)
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($reviewStatus IS NULL OR coalesce(a.reviewStatus, 'REVIEWED') = $reviewStatus)
  AND ($sponsoredBy IS NULL OR EXISTS {
        MATCH (a)-[r:SPONSORED_BY]->(:Actor {id: $sponsoredBy})
        WHERE $asOf IS NULL OR (coalesce(r.fromEarliest, $asOf) <= $asOf AND coalesce(r.toLatest, $asOf) >= $asOf) })
  AND ($memberOf IS NULL OR EXISTS {
        MATCH (a)-[r:MEMBER_OF]->(:Actor {id: $memberOf})
        WHERE $asOf IS NULL OR (coalesce(r.fromEarliest, $asOf) <= $asOf AND coalesce(r.toLatest, $asOf) >= $asOf) })
  AND ($foughtWithin IS NULL OR EXISTS {
        (a)-[:FOUGHT_IN]->(:Engagement)-[:AT]->(:Place)-[:PART_OF]->{0,8}(:Place {id: $foughtWithin}) })
  AND (($activeFrom IS NULL AND $activeTo IS NULL) OR EXISTS {
        MATCH (a)-[:FOUGHT_IN]->(e:Engagement)
        WHERE ($activeFrom IS NULL OR coalesce(e.endLatest, e.startLatest) >= $activeFrom)
          AND ($activeTo IS NULL OR e.startEarliest <= $activeTo) })
WITH a ORDER BY a.name, a.id
WITH collect(a.id) AS ids
RETURN size(ids) AS totalCount, ids[toInteger($offset)..toInteger($offset + $limit)] AS ids
