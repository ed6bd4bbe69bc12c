/**
 * What a request asks for below the field being resolved. A resolver reads it to fetch the fields
 * its children will ask for in the same statement, or in the same round trip, instead of one
 * dependent round trip per level (docs/benchmarks.md, "Where the time goes").
 */
import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

// The schema's type objects may come from the other build of graphql-js (its CommonJS and ES module
// copies), where its instanceof-based helpers (isObjectType, getArgumentValues) throw; so the types
// are read by their shape, and argument values from the query text.
type FieldMap = Record<string, GraphQLField<unknown, unknown>>;

function fieldsOf(type: GraphQLOutputType): FieldMap | null {
  let named: unknown = type;
  while (typeof named === 'object' && named !== null && 'ofType' in named) named = named.ofType;
  return typeof named === 'object' && named !== null && 'getFields' in named
    ? (named as { getFields: () => FieldMap }).getFields()
    : null;
}

interface Selected {
  node: FieldNode;
  fields: FieldMap | null;
  field: GraphQLField<unknown, unknown> | null;
}

/** The fields named `name` in the selection sets, through fragments (type conditions are not narrowed). */
function childFields(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment !== undefined) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

function descend(info: GraphQLResolveInfo, path: readonly string[]): Selected[] {
  let level: Selected[] = info.fieldNodes.map((node) => ({ node, fields: fieldsOf(info.returnType), field: null }));
  for (const name of path) {
    level = level.flatMap(({ node, fields }) => {
      const field = fields?.[name] ?? null;
      const sets = node.selectionSet ? [node.selectionSet] : [];
      return childFields(info, sets, name).map((child) => ({
        node: child,
        fields: field ? fieldsOf(field.type) : null,
        field,
      }));
    });
  }
  return level;
}

/** Whether the request selects `path` (field names, e.g. ['edges', 'node', 'places']) below this field. */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return descend(info, path).length > 0;
}

/**
 * The arguments of each selection of the child field `path`, with variables and defaults applied
 * (values as written: a custom scalar is not parsed); one entry per selection (an aliased field
 * asked twice gives two). A prefetch keyed by them that differs from its resolver's key is only wasted.
 */
export function selectedArguments(info: GraphQLResolveInfo, path: readonly string[]): Record<string, unknown>[] {
  return descend(info, path).flatMap(({ node, field }) => {
    if (field === null) return [];
    const values: Record<string, unknown> = {};
    for (const arg of field.args) if (arg.defaultValue !== undefined) values[arg.name] = arg.defaultValue;
    for (const arg of node.arguments ?? []) {
      values[arg.name.value] =
        arg.value.kind === Kind.VARIABLE
          ? info.variableValues[arg.value.name.value]
          : valueFromASTUntyped(arg.value, info.variableValues);
    }
    return [values];
  });
}
