// Creates the DATASET source an import cites, when the graph lacks it; an existing source (such as
// the founding dataset's UCDP GED node) is left as it is. Params: $id, $props. Returns: id.
MERGE (s:Source {id: $id})
ON CREATE SET s += $props
RETURN s.id AS id
