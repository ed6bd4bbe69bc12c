// The places lying directly in each place, by name: how many, and the first `first` of them (all
// when first is null) with their rows. A governorate the imports fill holds thousands of villages
// (9,944 in Idlib at the 1M scale): a page of 200 with the count keeps its page to what a reader
// can use, where the whole list was 820 KB.
// Params: $keys [{key, id, first (integer or null)}]; $brief {place}: whether the rows are the
// brief ones (cypher/rows/place-brief.cypher).
// Returns: key, partCount, parts (rows of cypher/rows/place.cypher, by name then id).
UNWIND $keys AS k
CALL (k) {
  MATCH (part:Place)-[:PART_OF]->(:Place {id: k.id})
  WITH part ORDER BY part.name, part.id
  RETURN count(part) AS partCount, collect(part) AS parts
}
RETURN k.key AS key, partCount,
       [p IN CASE WHEN k.first IS NULL THEN parts ELSE parts[..toInteger(k.first)] END |
         CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END] AS parts
