/**
 * The GraphML export, for Gephi, yEd, Cytoscape or networkx.
 *
 * Node ids are `<Label>:<id>` (an actor and a place may share an id). Every node carries `labels`
 * (its label) and `label` (its name or title, which Gephi shows); every edge `type` and `label`
 * (its type). Properties become attributes declared with their type (long, double, boolean,
 * string); lists are written as JSON text, points as `<key>.latitude` and `<key>.longitude`
 * doubles (Gephi's geo layouts read such columns). A key used with different types under
 * different labels is declared as a string.
 */
import type { GraphEdge, GraphNode, GraphPoint, GraphSchema, Property, PropertyType } from './graph.js';
import { displayName, valueText } from './graph.js';
import { TextOutput } from './output.js';
import type { ExportContext, GraphWriter } from './writer.js';

type AttributeType = 'string' | 'long' | 'double' | 'boolean';

interface Attribute {
  id: string;
  name: string;
  type: AttributeType;
}

// XML 1.0 cannot hold these control characters at all, even escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or attribute value. */
export function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributeType(type: PropertyType): AttributeType {
  switch (type) {
    case 'INTEGER':
      return 'long';
    case 'FLOAT':
    case 'POINT':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    default:
      return 'string';
  }
}

/** The attributes of one domain (nodes or edges), one per property key, merged across labels. */
function attributes(
  prefix: string,
  groups: ReadonlyMap<string, ReadonlyMap<string, PropertyType>>,
): Map<string, Attribute[]> {
  const types = new Map<string, AttributeType>();
  for (const keys of groups.values()) {
    for (const [key, type] of keys) {
      const names = type === 'POINT' ? [`${key}.latitude`, `${key}.longitude`] : [key];
      for (const name of names) {
        const known = types.get(name);
        types.set(name, known === undefined || known === attributeType(type) ? attributeType(type) : 'string');
      }
    }
  }
  const byKey = new Map<string, Attribute[]>();
  for (const keys of groups.values()) {
    for (const [key, type] of keys) {
      const names = type === 'POINT' ? [`${key}.latitude`, `${key}.longitude`] : [key];
      byKey.set(
        key,
        names.map((name) => ({ id: `${prefix}_${name}`, name, type: types.get(name) ?? 'string' })),
      );
    }
  }
  return byKey;
}

function dataOf(property: Property, declared: readonly Attribute[]): string {
  const values =
    property.type === 'POINT'
      ? [String((property.value as GraphPoint).y), String((property.value as GraphPoint).x)]
      : [valueText(property.value)];
  return declared.map((a, i) => `<data key="${xmlText(a.id)}">${xmlText(values[i] ?? '')}</data>`).join('');
}

function keyLine(a: Attribute, domain: 'node' | 'edge'): string {
  return `  <key id="${xmlText(a.id)}" for="${domain}" attr.name="${xmlText(a.name)}" attr.type="${a.type}"/>\n`;
}

/** Writes a GraphML export to `path` (see the module comment). */
export async function graphmlWriter(path: string, context: ExportContext): Promise<GraphWriter> {
  if (context.schema === null) throw new Error('The GraphML export needs the graph schema');
  const schema: GraphSchema = context.schema;
  const nodeAttributes = attributes('n', schema.nodes);
  const edgeAttributes = attributes('e', schema.edges);
  const out = new TextOutput(path);
  let edgeCount = 0;
  await out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      `  <!-- aleppo-actors-graph export, ${xmlText(context.exportedAt)}, filter: ${xmlText(JSON.stringify(context.filter)).replace(/--/g, '- -')} -->\n` +
      keyLine({ id: 'labels', name: 'labels', type: 'string' }, 'node') +
      keyLine({ id: 'label', name: 'label', type: 'string' }, 'node') +
      [...new Map([...nodeAttributes.values()].flat().map((a) => [a.id, a])).values()]
        .map((a) => keyLine(a, 'node'))
        .join('') +
      keyLine({ id: 'type', name: 'type', type: 'string' }, 'edge') +
      keyLine({ id: 'edge_label', name: 'label', type: 'string' }, 'edge') +
      [...new Map([...edgeAttributes.values()].flat().map((a) => [a.id, a])).values()]
        .map((a) => keyLine(a, 'edge'))
        .join('') +
      '  <graph id="G" edgedefault="directed">\n',
  );
  return {
    async writeNode(node: GraphNode) {
      const data = node.properties.map((p) => dataOf(p, nodeAttributes.get(p.key) ?? [])).join('');
      await out.write(
        `    <node id="${xmlText(`${node.label}:${node.id}`)}"><data key="labels">${xmlText(node.label)}</data>` +
          `<data key="label">${xmlText(displayName(node))}</data>${data}</node>\n`,
      );
    },
    startEdges: () => Promise.resolve(),
    async writeEdge(edge: GraphEdge) {
      edgeCount += 1;
      const data = edge.properties.map((p) => dataOf(p, edgeAttributes.get(p.key) ?? [])).join('');
      await out.write(
        `    <edge id="e${edgeCount}" source="${xmlText(`${edge.from.label}:${edge.from.id}`)}" ` +
          `target="${xmlText(`${edge.to.label}:${edge.to.id}`)}"><data key="type">${xmlText(edge.type)}</data>` +
          `<data key="edge_label">${xmlText(edge.type)}</data>${data}</edge>\n`,
      );
    },
    async close() {
      await out.write('  </graph>\n</graphml>\n');
      await out.close();
    },
  };
}
