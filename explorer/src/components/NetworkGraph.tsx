/**
 * The network around an actor as an interactive graph (Cytoscape.js), redrawn for the as-of
 * date. A click on an edge opens its evidence, a click on an actor opens its page. The time to
 * the first frame drawn is recorded as the performance measure "network-draw".
 */
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import type { NetworkQuery } from '../generated/graphql';
import { href, navigate } from '../router';
import { useEvidence } from './Evidence';
import { RELATION_LABEL, edgeEvidence } from './relations';

export type NetworkData = NetworkQuery['network'];

const COLOURS: Record<string, string> = {
  ALLIED_WITH: '#2563eb',
  MEMBER_OF: '#7c3aed',
  SPONSORED_BY: '#059669',
  RENAMED_TO: '#52525b',
  MERGED_INTO: '#52525b',
  SPLIT_FROM: '#52525b',
  ABSORBED_INTO: '#52525b',
};

export function NetworkGraph({ network, centerId }: { network: NetworkData; centerId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const open = useEvidence();

  useEffect(() => {
    if (!container.current) return;
    const started = performance.now();
    const elements: ElementDefinition[] = [
      ...network.nodes.map((n) => ({
        data: { id: n.id, label: n.name, kind: n.kind, center: n.id === centerId ? 'yes' : 'no' },
      })),
      ...network.edges.map((e) => ({
        data: {
          id: `edge:${e.id}`,
          edgeId: e.id,
          source: e.source.id,
          target: e.target.id,
          label: RELATION_LABEL[e.relation] ?? e.relation,
          colour: COLOURS[e.relation] ?? '#d97706',
          contested: e.contested ? 'yes' : 'no',
        },
      })),
    ];
    const large = network.nodes.length > 150;
    graph.current?.destroy();
    const cy = cytoscape({
      container: container.current,
      elements,
      layout: large
        ? { name: 'concentric', concentric: (n) => (n.data('center') === 'yes' ? 2 : 1), levelWidth: () => 1 }
        : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
      style: [
        {
          selector: 'node',
          style: {
            label: large ? '' : 'data(label)',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'background-color': '#64748b',
            width: 18,
            height: 18,
            'text-wrap': 'wrap',
            'text-max-width': '120px',
          },
        },
        {
          selector: 'node[center = "yes"]',
          style: { 'background-color': '#b91c1c', width: 28, height: 28, label: 'data(label)' },
        },
        {
          selector: 'edge',
          style: {
            width: 2,
            'line-color': 'data(colour)',
            'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle',
            'curve-style': large ? 'haystack' : 'bezier',
            label: large ? '' : 'data(label)',
            'font-size': 9,
            color: '#334155',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
          },
        },
        { selector: 'edge[contested = "yes"]', style: { 'line-style': 'dashed', 'line-color': '#b45309' } },
      ],
    });
    cy.on('tap', 'node', (event) => {
      const id = (event.target as NodeSingular).id();
      if (id !== centerId) navigate(href.actor(id));
    });
    cy.on('tap', 'edge', (event) => {
      const edge = network.edges.find((e) => e.id === (event.target as EdgeSingular).data('edgeId'));
      if (edge) open(edgeEvidence(edge));
    });
    graph.current = cy;
    const drawnIn = container.current;
    // Layout runs in the constructor; the first frame is drawn on the next render event.
    cy.one('render', () => {
      performance.measure('network-draw', { start: started, end: performance.now() });
      drawnIn.dataset['drawn'] = String(network.nodes.length);
    });
  }, [network, centerId, open]);

  useEffect(() => () => graph.current?.destroy(), []);

  return <div ref={container} class="network" role="img" aria-label={`Network of ${network.nodes.length} actors`} />;
}
