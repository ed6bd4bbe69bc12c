/**
 * Which rows a request may read brief (cypher/rows/*-brief.cypher): the actors, places or
 * engagements of a request that asks nothing of them but the fields a brief row holds. A page of
 * engagements that names its places and participants reads only their ids and names, not each
 * actor's description and aliases: a third of the page statement's time at the UCDP scale
 * (docs/benchmarks.md). The rows a request's DataLoaders cache are shared by every field of the
 * request, so the decision is per type over the whole operation, not per field: a request that
 * asks one actor for its aliases reads every actor row in full.
 */
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface BriefRows {
  actor: boolean;
  place: boolean;
  engagement: boolean;
}

export const FULL_ROWS: Readonly<BriefRows> = Object.freeze({ actor: false, place: false, engagement: false });

/**
 * The fields a brief row answers: those of its columns, and the relations, whose resolvers read
 * the row's id alone (the FieldLoad tables of resolvers/types.ts and the agreement and weapon
 * fields). Any other field needs the full row; tests/integration/api.test.ts answers every field
 * listed here from brief rows and from full ones and compares.
 */
export const BRIEF_FIELDS = {
  actor: {
    type: 'Actor',
    fields: new Set([
      ...['__typename', 'id', 'name', 'kind', 'names', 'lineage', 'memberships', 'members', 'alliances'],
      ...['sponsors', 'sponsoring', 'affiliations', 'engagements', 'control', 'citations', 'agreements'],
      ...['armaments', 'weaponsSupplied'],
    ]),
  },
  place: {
    type: 'Place',
    fields: new Set([
      ...['__typename', 'id', 'name', 'kind', 'names', 'parts', 'engagements', 'controlHistory', 'citations'],
      'agreements',
    ]),
  },
  engagement: {
    type: 'Engagement',
    fields: new Set([
      '__typename',
      'id',
      'title',
      'kind',
      'start',
      'end',
      'places',
      'participants',
      'phases',
      'citations',
    ]),
  },
} as const;

// The schema's types are read by their shape, as in lookahead.ts: they may come from the other
// build of graphql-js, where its instanceof-based helpers throw.
interface TypeShape {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
  resolveType?: unknown;
}

function namedType(type: unknown): TypeShape | null {
  let named = type;
  while (typeof named === 'object' && named !== null && 'ofType' in named) named = named.ofType;
  return typeof named === 'object' && named !== null && 'name' in named ? (named as TypeShape) : null;
}

/**
 * The brief rows `operation` (of `document`, as getOperationAST picks it) may read. A mutation reads full rows (what it wrote is shown in
 * full), and so does any request that reaches a union or interface: the union of actors and places
 * tells them apart by a column of the full place row, and its fields are asked per member type.
 */
export function briefRowsFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
): BriefRows {
  const root = schema.getQueryType();
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !root) return FULL_ROWS;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

  const asked = new Map<string, Set<string>>();
  let reachesAbstract = false;
  const visited = new Set<string>();
  const visit = (type: TypeShape, set: SelectionSetNode, via: string) => {
    // A fragment spread twice at one type adds nothing; validation has ruled out cycles already.
    const key = `${type.name}|${via}`;
    if (via !== '' && visited.has(key)) return;
    visited.add(key);
    if (type.resolveType !== undefined) reachesAbstract = true;
    const fields = type.getFields?.() ?? {};
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const names = asked.get(type.name) ?? new Set<string>();
        names.add(selection.name.value);
        asked.set(type.name, names);
        const child = namedType(fields[selection.name.value]?.type);
        if (selection.selectionSet && child) visit(child, selection.selectionSet, '');
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? namedType(schema.getType(selection.typeCondition.name.value))
          : type;
        if (condition) visit(condition, selection.selectionSet, '');
      } else {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? namedType(schema.getType(fragment.typeCondition.name.value)) : null;
        if (fragment && condition) visit(condition, fragment.selectionSet, fragment.name.value);
      }
    }
  };
  visit(root, operation.selectionSet, '');
  if (reachesAbstract) return FULL_ROWS;

  const brief = (row: keyof BriefRows) =>
    [...(asked.get(BRIEF_FIELDS[row].type) ?? [])].every((field) => BRIEF_FIELDS[row].fields.has(field));
  return { actor: brief('actor'), place: brief('place'), engagement: brief('engagement') };
}
