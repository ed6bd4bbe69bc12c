// Armaments (who had or used which weapon, and who supplied it), per key: those of an actor as
// holder, as supplier, of a weapon, or all; within the period or at asOf when given. Each branch
// starts from an index (the actor's or weapon's id, or the suppliedBy index).
// Params: $keys [{index, holder, supplier, weapon, from, to, asOf}] (ids or null, ISO days or null).
// Returns: index, armament {id, actorId, weaponId, suppliedBy, usedIn, fromValue, fromPrecision,
// toValue, toPrecision, contested, contestedNote, inferredFrom, note}, ordered by period.
UNWIND $keys AS key
CALL (key) {
  MATCH (a:Actor {id: key.holder})-[r:ARMED_WITH]->(w:Weapon)
  RETURN a, r, w
  UNION
  MATCH (a:Actor)-[r:ARMED_WITH {suppliedBy: key.supplier}]->(w:Weapon)
  RETURN a, r, w
  UNION
  MATCH (a:Actor)-[r:ARMED_WITH]->(w:Weapon {id: key.weapon})
  RETURN a, r, w
  UNION
  WITH key WHERE key.holder IS NULL AND key.supplier IS NULL AND key.weapon IS NULL
  MATCH (a:Actor)-[r:ARMED_WITH]->(w:Weapon)
  RETURN a, r, w
}
WITH key, a, r, w
WHERE (key.holder IS NULL OR a.id = key.holder)
  AND (key.supplier IS NULL OR r.suppliedBy = key.supplier)
  AND (key.weapon IS NULL OR w.id = key.weapon)
  AND (key.from IS NULL OR r.toLatest IS NULL OR r.toLatest >= key.from)
  AND (key.to IS NULL OR r.fromEarliest IS NULL OR r.fromEarliest <= key.to)
  AND (key.asOf IS NULL OR
       ((r.fromEarliest IS NULL OR r.fromEarliest <= key.asOf) AND (r.toLatest IS NULL OR r.toLatest >= key.asOf)))
RETURN key.index AS index,
       r {.id, actorId: a.id, weaponId: w.id, .suppliedBy, .usedIn, .fromValue, .fromPrecision, .toValue,
          .toPrecision, .contested, .contestedNote, .inferredFrom, .note} AS armament
ORDER BY index, r.fromEarliest, r.id
