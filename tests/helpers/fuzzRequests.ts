/**
 * Random GraphQL requests from the schema, valid and hostile, for the fuzz test: fields picked
 * from each type, arguments of the right and the wrong types, variables declared right or wrong
 * and sent right, wrong or not at all, aliases, fragments, directives, nesting past the limits,
 * huge and odd strings, and requests broken at the HTTP level (GET, forms, batches, bad JSON).
 * Deterministic for a seed.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { cursorFor } from '../../src/graphql/resolvers/arguments.js';

/** A small fast PRNG (mulberry32): the same seed gives the same requests. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** One HTTP request to send to the app. */
export interface FuzzRequest {
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The operation kinds the request holds, to check that no mutation got through. */
  kinds: ('query' | 'mutation' | 'subscription' | 'unknown')[];
}

const NAMES = [
  'Khan Touman',
  'Khantouman',
  'HTS',
  'Jabhat al-Nusra',
  'Jabhet Fatah al-Shaam',
  'Aleppo',
  'Turkey',
  'Hezbollah',
  'al-Rashidin',
  'Ahrar ash-Sham',
  'Syrian Arab Army',
  'هيئة تحرير الشام',
];
const IDS = ['khan-touman', 'turkey', 'hezbollah', 'jabhat-al-nusra', 'aleppo', '004_c69c3c6dcd667f41', 'acled'];
const DATES = ['2016-06-03', '2016-07-28', '2017-01-28', '2016', '2016-07', '2016-02-30', '2015-02-29', '9999-12-31'];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202Eevil',
  'a\u200Bb',
  'ḥṣṭẓ āīū',
  '🧨💥',
  '\uD800',
  '\\',
  '"',
  "' OR 1=1 //",
  '}) MATCH (n) DETACH DELETE n //',
  '$where',
  '%00%ff',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'NaN',
  'null',
  '\n\r\t',
];
const NUMBERS = [0, 1, 2, 5, 10, 50, 200, 201, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, 1.5, 1e300, -0];

function oddString(random: Random): string {
  const roll = random.int(10);
  if (roll < 3) return random.pick(ODD_STRINGS);
  if (roll < 5) return random.pick(NAMES);
  if (roll < 6) return random.pick(DATES);
  if (roll < 7) {
    // Huge: sometimes past the token, body or name-length limits.
    const length = random.pick([300, 5_000, 40_000, 120_000]);
    return random.pick(['a', 'Khan ', 'ḥ', '{', '\\u0041']).repeat(Math.ceil(length / 4));
  }
  if (roll < 9) {
    let s = '';
    const length = random.int(24);
    for (let i = 0; i < length; i++) s += String.fromCodePoint(random.int(0x2ffff));
    return s;
  }
  return random.pick([cursorFor(random.int(1000)), cursorFor(2 ** 31 + random.int(1000)), 'b2Zmc2V0Oi0x', 'x']);
}

/** Says whether to put a flaw here, with probability `p` in a hostile operation and never in a clean one. */
type Flaw = (p: number) => boolean;

/** A JSON value of the input type: fitting, unless `flaw` says otherwise. */
function inputValue(random: Random, type: GraphQLInputType, depth: number, flaw: Flaw): unknown {
  if (flaw(0.04)) return random.pick<unknown>([null, 'wrong', 42, true, [], {}, [[1]], { a: 1 }]);
  if (isNonNullType(type)) return inputValue(random, type.ofType, depth, flaw);
  if (isListType(type)) {
    const length = random.int(depth > 3 ? 1 : 4);
    return Array.from({ length }, () => inputValue(random, type.ofType, depth + 1, flaw));
  }
  if (isEnumType(type)) return random.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type);
      if (required ? !flaw(0.05) : random.chance(0.5))
        value[field.name] = inputValue(random, field.type, depth + 1, flaw);
    }
    if (flaw(0.05)) value['unknownField'] = 1;
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return flaw(0.3) ? random.pick(NUMBERS) : random.pick([0, 1, 3, 10, 50]);
      case 'Float':
        return flaw(0.3) ? random.pick(NUMBERS) : random.pick([36.2, 37.1, 10, 25, 0.5]);
      case 'Boolean':
        return flaw(0.1) ? 'yes' : random.chance(0.5);
      case 'ID':
        return flaw(0.3) ? oddString(random) : random.pick(IDS);
      case 'Date':
        return flaw(0.3) ? oddString(random) : random.pick(DATES.slice(0, 3));
      default:
        return flaw(0.4) ? oddString(random) : random.pick(NAMES);
    }
  }
  return null;
}

/** A JSON value written as a GraphQL literal (strings escaped as JSON, which GraphQL reads). */
function literal(value: unknown, type: GraphQLInputType | null): string {
  const named = type === null ? null : getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, isListType(type) ? type.ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? null)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(named) && named.getValue(value) !== undefined) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  return JSON.stringify(value);
}

interface Operation {
  text: string;
  variables: Record<string, unknown>;
  kind: 'query' | 'mutation' | 'subscription';
}

/** Builds one operation: a selection over the root type with arguments, variables and fragments. */
class OperationBuilder {
  private readonly definitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private count = 0;

  constructor(
    private readonly random: Random,
    private readonly schema: GraphQLSchema,
    /** Nesting at which selections stop; set past MAX_QUERY_DEPTH now and then. */
    private readonly maxDepth: number,
    /** Clean operations fit the schema (their answers may still be refusals, e.g. an unknown name). */
    hostile: boolean,
  ) {
    this.flaw = hostile ? (p) => random.chance(p) : () => false;
  }

  private readonly flaw: Flaw;

  private argument(arg: GraphQLArgument): string | null {
    const random = this.random;
    if (isNonNullType(arg.type) ? this.flaw(0.03) : random.chance(0.5)) return null; // left out, required or not
    const value = inputValue(random, arg.type, 0, this.flaw);
    if (random.chance(0.35)) {
      const name = `v${this.count++}`;
      const declared = !this.flaw(0.1)
        ? String(arg.type)
        : random.pick(['Int', 'String!', '[ID]', 'Bogus', 'Boolean!']);
      this.definitions.push(`$${name}: ${declared}`);
      if (!this.flaw(0.07)) this.variables[name] = this.flaw(0.1) ? inputValue(random, arg.type, 2, this.flaw) : value;
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${literal(value, arg.type)}`;
  }

  private field(
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    depth: number,
    mustAlias: boolean,
  ): string {
    const random = this.random;
    const args = field.args.map((a) => this.argument(a)).filter((a): a is string => a !== null);
    if (this.flaw(0.03)) args.push(random.pick(['bogus: 1', `${field.args[0]?.name ?? 'x'}: 1`]));
    const alias = mustAlias || random.chance(0.15) ? `a${this.count++}: ` : '';
    const directive = this.flaw(0.05)
      ? random.pick([' @include(if: true)', ' @skip(if: false)', ' @skip(if: "no")', ' @bogus', ' @include'])
      : '';
    const head = `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${directive}`;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return this.flaw(0.02) ? `${head} { id }` : head;
    if (depth >= this.maxDepth) return this.flaw(0.1) ? head : `${head} { __typename }`;
    return `${head} ${this.selection(named, depth + 1, parent)}`;
  }

  selection(type: GraphQLObjectType, depth: number, parent?: GraphQLObjectType): string {
    const random = this.random;
    const fields = Object.values(type.getFields());
    const parts: string[] = [];
    const width = this.flaw(0.03) ? 25 : 1 + random.int(depth < 3 ? 4 : 2);
    // Without aliases, the same field twice with other arguments is a validation error: alias repeats.
    const seen = new Set<string>();
    for (let i = 0; i < width; i++) {
      const field = random.pick(fields);
      const repeat = seen.has(field.name) && !this.flaw(0.2);
      seen.add(field.name);
      parts.push(this.field(type, field, depth, repeat));
    }
    if (this.flaw(0.05)) parts.push(random.pick(['__typename', 'notAField', 'id id', '__schema { types { name } }']));
    if (random.chance(0.05))
      parts.push(`... on ${!this.flaw(0.2) ? type.name : (parent?.name ?? 'Nope')} { __typename }`);
    if (random.chance(0.05)) {
      const name = `F${this.count++}`;
      this.fragments.push(`fragment ${name} on ${type.name} ${this.selection(type, depth + 1)}`);
      parts.push(`...${name}`);
    }
    if (this.flaw(0.01)) parts.push('...Undefined');
    return `{ ${parts.join(' ')} }`;
  }

  build(kind: Operation['kind']): Operation {
    const root = kind === 'mutation' ? this.schema.getMutationType() : this.schema.getQueryType();
    if (root === null || root === undefined) throw new Error('the schema has no Query or Mutation type');
    const body = this.selection(root, 1);
    const name = this.random.chance(0.3) ? ` Op${this.random.int(100)}` : '';
    const header = this.definitions.length > 0 || name !== '' || kind !== 'query' || this.random.chance(0.3);
    const definitions = this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
    const text = `${header ? `${kind}${name}${definitions} ` : ''}${body}${this.fragments.map((f) => `\n${f}`).join('')}`;
    return { text, variables: this.variables, kind };
  }
}

/** Text broken on purpose: a valid operation with characters cut, doubled or swapped. */
function mangle(random: Random, text: string): string {
  let s = text;
  const edits = 1 + random.int(4);
  for (let i = 0; i < edits; i++) {
    const at = random.int(s.length + 1);
    switch (random.int(4)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + random.int(5));
        break;
      case 1:
        s =
          s.slice(0, at) +
          random.pick(['{', '}', '(', ')', '[', ']', '"', '"""', '$', '@', '...', ':', '!', '#']) +
          s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at, at + 10).repeat(2) + s.slice(at + 10);
        break;
      default:
        s = s.slice(0, at) + String.fromCharCode(random.int(0x3000)) + s.slice(at);
    }
  }
  return s;
}

/** Documents no schema walk produces: deep nesting, repetition, garbage. */
function hostileDocument(random: Random): string {
  const n = random.pick([50, 99, 101, 300, 2_000, 5_000, 20_000]);
  switch (random.int(7)) {
    case 0:
      return `{ search(text: ${'['.repeat(n)}"x"${']'.repeat(n)}) { id } }`;
    case 1:
      return `{ search(text: ${'{a: '.repeat(n)}1${'}'.repeat(n)}) { id } }`;
    case 2:
      return `${'{ actor(name: "HTS") '.repeat(Math.min(n, 400))}${'}'.repeat(Math.min(n, 400))}`;
    case 3:
      return `query { ${Array.from({ length: Math.min(n, 300) }, (_, i) => `a${i}: sources { id }`).join(' ')} }`;
    case 4:
      return `${Array.from({ length: Math.min(n, 200) }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join('\n')}\nquery { ...F0 }`;
    case 5:
      return `{ sources { id ${'@include(if: true) '.repeat(Math.min(n, 100))} } }`;
    default:
      return random.pick([
        '',
        ' ',
        '{',
        '}',
        'query',
        '{ }',
        'subscription { x }',
        '{ __schema { types { name fields { name } } } }',
        '"""',
        '# only a comment',
        '\u0000',
      ]);
  }
}

function operation(random: Random, schema: GraphQLSchema): Operation {
  const roll = random.next();
  const hostile = random.chance(0.5);
  const builder = new OperationBuilder(random, schema, hostile && random.chance(0.2) ? 16 : 2 + random.int(3), hostile);
  if (roll < 0.68) return builder.build('query');
  if (roll < 0.83) return builder.build('mutation');
  if (roll < 0.85)
    return { text: `subscription { ${random.pick(['sources { id }', 'x'])} }`, variables: {}, kind: 'subscription' };
  if (roll < 0.93) {
    const valid = builder.build(random.chance(0.8) ? 'query' : 'mutation');
    return { ...valid, text: mangle(random, valid.text) };
  }
  return { text: hostileDocument(random), variables: {}, kind: 'query' };
}

function operationKind(text: string): FuzzRequest['kinds'][number] {
  const first = /^\s*(query|mutation|subscription)\b/.exec(text)?.[1];
  if (first === 'mutation' || first === 'subscription') return first;
  return text.includes('mutation') ? 'unknown' : 'query';
}

const AUTH: (string | null)[] = [
  null,
  null,
  null,
  'Bearer not-a-token',
  'Basic YWxhZGRpbjpvcGVuc2VzYW1l',
  'Bearer ',
  'Bearer fuzz-reader-token-0123456789',
];

/** One random request: an operation (or a batch of them) sent over a random transport. */
export function fuzzRequest(random: Random, schema: GraphQLSchema): FuzzRequest {
  const headers: Record<string, string> = {
    accept: random.pick(['application/json', 'application/graphql-response+json', '*/*']),
  };
  const auth = random.pick(AUTH);
  if (auth !== null) headers['authorization'] = auth;
  const transport = random.next();

  if (transport < 0.06) {
    const size = 1 + random.int(7);
    const batch = Array.from({ length: size }, () => operation(random, schema));
    return {
      method: 'POST',
      path: '/graphql',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(batch.map((o) => ({ query: o.text, variables: o.variables }))),
      kinds: batch.map((o) => operationKind(o.text)),
    };
  }
  const op = operation(random, schema);
  const kinds = [operationKind(op.text)];
  const variables = random.chance(0.03)
    ? random.pick(['{oops', '[1,2]', '"text"', '{"a":', 'null', '{"v0": {"__proto__": {"x": 1}}}'])
    : JSON.stringify(op.variables);
  if (transport < 0.26) {
    const params = new URLSearchParams({ query: op.text, variables });
    if (random.chance(0.1)) params.set('operationName', random.pick(['Op1', 'Nope', '']));
    if (random.chance(0.03))
      params.set('extensions', random.pick(['{', '"x"', '{"persistedQuery":{"version":1,"sha256Hash":"00"}}']));
    return { method: 'GET', path: `/graphql?${params.toString()}`, headers, kinds };
  }
  if (transport < 0.29) {
    const params = new URLSearchParams({ query: op.text, variables });
    return {
      method: 'POST',
      path: '/graphql',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
      kinds,
    };
  }
  if (transport < 0.32) {
    return {
      method: 'POST',
      path: '/graphql',
      headers: { ...headers, 'content-type': 'application/graphql' },
      body: op.text,
      kinds,
    };
  }
  if (transport < 0.35) {
    const body = random.pick([
      '{nope',
      '42',
      '"x"',
      'null',
      '[]',
      `{"query": ${JSON.stringify(op.text)}, "variables": ${variables}}`,
      `{"query": 5}`,
      `{"query": ${JSON.stringify(op.text)}, "operationName": 7}`,
      `{"query": ${JSON.stringify(op.text)}, "extensions": "x"}`,
    ]);
    const contentType = random.pick([
      'application/json',
      'text/plain',
      'application/json; charset=utf-16',
      'multipart/form-data',
    ]);
    return { method: 'POST', path: '/graphql', headers: { ...headers, 'content-type': contentType }, body, kinds };
  }
  const body: Record<string, unknown> = { query: op.text, variables: op.variables };
  if (random.chance(0.1)) body['operationName'] = random.pick(['Op1', 'Op2', 'Nope', null]);
  return {
    method: 'POST',
    path: '/graphql',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    kinds,
  };
}
