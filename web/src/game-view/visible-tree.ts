// Which nodes of the game the Game view draws: the root, and the children of every expanded node
// whose ancestors are all expanded. A node with many children shows its most probable ones (the
// most likely path's always among them) and one "+k more" node for the rest, until that is
// clicked; past a total the walk stops, so a careless expansion cannot put thousands of boxes on
// the page. Pure: the children come from a cache filled by the worker's answers.
import type { NodeInfo } from './solved-tree.js';

export interface VisibleLimits {
  /** Children shown per node before "+k more" (unless the node's "more" was opened). */
  readonly perNode: number;
  /** Visible nodes in all. */
  readonly total: number;
}

export const DEFAULT_LIMITS: VisibleLimits = { perNode: 5, total: 250 };

export interface VisibleNode {
  readonly kind: 'node';
  readonly key: string;
  readonly info: NodeInfo;
  readonly expanded: boolean;
}

export interface MoreNode {
  readonly kind: 'more';
  readonly key: string;
  readonly parent: number;
  /** Children not shown, and their total probability given the parent. */
  readonly hidden: number;
  readonly hiddenProb: number;
}

export type VisibleItem = VisibleNode | MoreNode;

export interface VisibleEdge {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** The action (or chance outcome) and its probability; for "more", the hidden probability. */
  readonly action: string;
  readonly prob: number;
  readonly onPath: boolean;
}

export interface VisibleTree {
  readonly items: VisibleItem[];
  readonly edges: VisibleEdge[];
  /** True when the total limit cut the walk short. */
  readonly truncated: boolean;
}

export const nodeKey = (id: number): string => `n${id}`;
export const moreKey = (parent: number): string => `more${parent}`;

/** Probability ordering where an undefined probability (NaN) comes last. */
function byProbDesc(a: NodeInfo, b: NodeInfo): number {
  const pa = Number.isNaN(a.prob) ? -1 : a.prob;
  const pb = Number.isNaN(b.prob) ? -1 : b.prob;
  return pb - pa;
}

/** The children to draw (in action order) and those behind "+k more". */
export function shownChildren(
  kids: readonly NodeInfo[],
  perNode: number,
  showAll: boolean,
): { shown: NodeInfo[]; hidden: NodeInfo[] } {
  // Hiding a single child would save nothing: its "more" box takes the same room.
  if (showAll || kids.length <= perNode + 1) return { shown: [...kids], hidden: [] };
  const keep = new Set(
    [...kids]
      .sort(byProbDesc)
      .slice(0, perNode)
      .map((k) => k.id),
  );
  const onPath = kids.find((k) => k.onPath);
  if (onPath && !keep.has(onPath.id)) keep.add(onPath.id);
  return { shown: kids.filter((k) => keep.has(k.id)), hidden: kids.filter((k) => !keep.has(k.id)) };
}

/** The action part of a move label ("us: pressure" → "pressure"). */
export function actionOf(move: string): string {
  const i = move.indexOf(': ');
  return i < 0 ? move : move.slice(i + 2);
}

export function visibleTree(
  root: NodeInfo,
  childrenOf: (id: number) => readonly NodeInfo[] | undefined,
  expanded: ReadonlySet<number>,
  showAll: ReadonlySet<number>,
  limits: VisibleLimits = DEFAULT_LIMITS,
): VisibleTree {
  // Items in the order they are met (children before their "more"); open flags set on the walk.
  const met: (NodeInfo | MoreNode)[] = [root];
  const opened = new Set<number>();
  const edges: VisibleEdge[] = [];
  let truncated = false;
  // Breadth first, so that a cut keeps the levels near the root.
  const queue: NodeInfo[] = [root];
  let count = 1;
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    const kids = expanded.has(n.id) ? childrenOf(n.id) : undefined;
    if (!kids) continue;
    const { shown, hidden } = shownChildren(kids, limits.perNode, showAll.has(n.id));
    const needed = shown.length + (hidden.length > 0 ? 1 : 0);
    if (count + needed > limits.total) {
      truncated = true;
      continue;
    }
    count += needed;
    opened.add(n.id);
    for (const c of shown) {
      queue.push(c);
      met.push(c);
      edges.push({
        key: `e${c.id}`,
        from: nodeKey(n.id),
        to: nodeKey(c.id),
        action: actionOf(c.move),
        prob: c.prob,
        onPath: c.onPath,
      });
    }
    if (hidden.length > 0) {
      const hiddenProb = hidden.reduce((s, c) => s + (Number.isNaN(c.prob) ? 0 : c.prob), 0);
      met.push({ kind: 'more', key: moreKey(n.id), parent: n.id, hidden: hidden.length, hiddenProb });
      edges.push({
        key: `em${n.id}`,
        from: nodeKey(n.id),
        to: moreKey(n.id),
        action: 'others',
        prob: hiddenProb,
        onPath: false,
      });
    }
  }
  const items = met.map(
    (m): VisibleItem =>
      m.kind === 'more' ? m : { kind: 'node', key: nodeKey(m.id), info: m, expanded: opened.has(m.id) },
  );
  return { items, edges, truncated };
}

/** A probability as branch labels show it: two decimals, small ones in exponent form, '–' if undefined. */
export function formatProb(p: number): string {
  if (Number.isNaN(p)) return '–';
  if (p === 0) return '0';
  if (p < 0.005) return p.toExponential(0);
  return p.toFixed(2);
}
