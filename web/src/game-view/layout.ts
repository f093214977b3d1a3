// Positions of the visible part of the game tree, by ELK's layered algorithm (Sugiyama-style layer
// assignment, crossing minimisation and node placement; elkjs, the Eclipse Layout Kernel compiled
// to JavaScript), left to right, with the branch labels placed by ELK too. ELK is loaded on first
// use (a large module) and runs on the page's thread: a few hundred boxes take milliseconds.
import type { ELK, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api.js';
import type { VisibleTree } from './visible-tree.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Box extends Size {
  readonly x: number;
  readonly y: number;
}

export interface LaidEdge {
  /** Polyline from the parent's box to the child's. */
  readonly points: readonly ElkPoint[];
  readonly label?: Box;
}

export interface Layout extends Size {
  readonly nodes: ReadonlyMap<string, Box>;
  readonly edges: ReadonlyMap<string, LaidEdge>;
}

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '24',
  'elk.layered.spacing.edgeNodeBetweenLayers': '12',
  'elk.spacing.nodeNode': '8',
  'elk.spacing.edgeLabel': '2',
  'elk.edgeLabels.placement': 'CENTER',
  // Children stay in action order, as in the game.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
};

let elk: Promise<ELK> | undefined;

function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return elk;
}

export async function layoutTree(
  tree: VisibleTree,
  nodeSize: (key: string) => Size,
  /** An edge's label: ELK places only labels that have text. */
  label: (edgeKey: string) => Size & { readonly text: string },
): Promise<Layout> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: tree.items.map((i) => ({ id: i.key, ...nodeSize(i.key) })),
    edges: tree.edges.map(
      (e): ElkExtendedEdge => ({
        id: e.key,
        sources: [e.from],
        targets: [e.to],
        labels: [{ id: `${e.key}-label`, ...label(e.key) }],
      }),
    ),
  };
  const laid = await (await loadElk()).layout(graph);
  const nodes = new Map<string, Box>();
  for (const c of laid.children ?? [])
    nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const edges = new Map<string, LaidEdge>();
  for (const e of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const s = e.sections?.[0];
    const l = e.labels?.[0];
    edges.set(e.id, {
      points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [],
      ...(l ? { label: { x: l.x ?? 0, y: l.y ?? 0, width: l.width ?? 0, height: l.height ?? 0 } } : {}),
    });
  }
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}
