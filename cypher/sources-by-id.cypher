// Sources by id. Params: $ids [string]. Returns: source {id, kind, title, publisher, author, url,
// publishedValue, publishedPrecision, publishedNote, perspective, text}.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .kind, .title, .publisher, .author, .url, .publishedValue, .publishedPrecision,
          .publishedNote, .perspective, .text} AS source
