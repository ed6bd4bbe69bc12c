// Every source, articles first then references and datasets, by id. Params: none.
// Returns: source (as in sources-by-id).
MATCH (s:Source)
RETURN s {.id, .kind, .title, .publisher, .author, .url, .publishedValue, .publishedPrecision,
          .publishedNote, .perspective, .text} AS source
ORDER BY CASE s.kind WHEN 'ARTICLE' THEN 0 WHEN 'REFERENCE' THEN 1 ELSE 2 END, s.id
