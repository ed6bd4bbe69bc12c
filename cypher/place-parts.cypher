// The places lying directly in each place, by name: how many, and the first `limit` of them with
// their rows. A governorate the imports fill holds thousands of villages
// (9,944 in Idlib at the 1M scale): a page of 200 with the count keeps its page to what a reader
// can use, where the whole list was 820 KB.
// Params: $ids [string]; $limit (integer, the same for every id); $brief {place}: whether the rows
// are the brief ones (cypher/rows/place-brief.cypher).
// Returns: id, count, parts (rows of cypher/rows/place.cypher, by name then id).
UNWIND $ids AS id
CALL (id) {
  MATCH (part:Place)-[:PART_OF]->(:Place {id: id})
  WITH part ORDER BY part.name, part.id
  RETURN count(part) AS count, collect(part) AS parts
}
RETURN id, count,
       [p IN parts[..toInteger($limit)] | CASE WHEN $brief.place THEN {{place-brief p}} ELSE {{place p}} END] AS parts
