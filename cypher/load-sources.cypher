// Upserts sources. Params: $rows [{id, props}] (props: kind, title, publisher, author, url, text,
// publishedValue, publishedPrecision, publishedEarliest, publishedLatest, publishedNote, perspective,
// language, licence, note). Returns: count.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props
RETURN count(*) AS count
