// The brief engagement row of `_`: the columns of the fields id, title, kind, start and end (see
// actor-brief.cypher); an engagement's notes, outcome text and casualty figures are most of its row.
_ {.id, .title, .kind, .startValue, .startPrecision, .endValue, .endPrecision}
