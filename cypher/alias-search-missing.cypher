// Names stored before the search index existed (or restored from an older backup), to be given
// their search fields. Params: $limit. Returns: id, name.
MATCH (n:Alias) WHERE n.searchText IS NULL
RETURN n.id AS id, n.name AS name
LIMIT toInteger($limit)
