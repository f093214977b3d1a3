// Rollouts: crises played out one at a time through each draw's solved baseline game, with chance
// moves and the equilibrium's mixed behaviour sampled at every node, as a wargame would replay them.
// Sampling the path node by node (each child with its conditional probability) is the same as
// sampling a leaf by its probability ρ, because the leaves of every subtree are contiguous in
// preorder: one uniform number and an inverse-CDF search over the leaves in preorder is exactly
// a walk down the tree. The report sets the sampled frequencies beside the exact probabilities
// (the limit of infinitely many rollouts), so a reader sees both the realised crises and the noise.
import type { CompiledGame } from '../scenario/compile.js';
import { pathTo } from '../scenario/compile.js';
import { uniformOpen } from '../scenario/distributions.js';
import { streamFor } from '../scenario/streams.js';
import { OUTCOME_CLASSES } from './outcomes.js';
import type { Section } from './report/document.js';
import { formatProbability } from './report/format.js';

/** Crises played out per draw. */
export const ROLLOUTS_PER_DRAW = 100;
/** Paths listed in the report. */
export const TOP_PATHS = 10;

export interface RolloutDraw {
  /** Sampled crises per outcome class (OUTCOME_CLASSES order), then unclassified. */
  readonly classCounts: number[];
  /** Path text → times sampled, in order of first sampling. */
  readonly paths: [string, number][];
}

/** The index of the leaf whose cumulative-probability interval holds u (binary search). */
export function leafAt(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** "us_open=limited_strike → iran_resp=proxies → …": the moves of a path, root first. */
export function pathText(cg: CompiledGame, node: number): string {
  return pathTo(cg, node)
    .map((m) => `${m.step}=${m.choice}`)
    .join(' → ');
}

/** `count` crises sampled from the leaf probabilities of one draw's game, from the draw's own stream. */
export function rollOut(
  cg: CompiledGame,
  leafProb: Float64Array,
  classes: Int8Array,
  seed: number,
  draw: number,
  count = ROLLOUTS_PER_DRAW,
): RolloutDraw {
  const cumulative = new Float64Array(leafProb.length);
  let total = 0;
  for (let l = 0; l < leafProb.length; l++) {
    total += leafProb[l]!;
    cumulative[l] = total;
  }
  const rng = streamFor(seed, 'rollout', draw);
  const classCounts = new Array<number>(OUTCOME_CLASSES.length + 1).fill(0);
  const paths = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const leaf = leafAt(cumulative, uniformOpen(rng) * total);
    const k = classes[leaf]!;
    classCounts[k >= 0 ? k : OUTCOME_CLASSES.length]! += 1;
    const key = pathText(cg, cg.leaves.node[leaf]!);
    paths.set(key, (paths.get(key) ?? 0) + 1);
  }
  return { classCounts, paths: [...paths.entries()] };
}

export interface RolloutResult {
  readonly rollouts: number;
  /** Per outcome class: the sampled share and the exact mean probability over the same draws. */
  readonly classes: { id: string; label: string; sampled: number; exact: number }[];
  /** The most frequent paths, most frequent first (ties: first sampled first). */
  readonly topPaths: { path: string; count: number; share: number }[];
  readonly distinctPaths: number;
}

export function aggregateRollouts(
  draws: readonly RolloutDraw[],
  exactByClass: readonly number[],
  top = TOP_PATHS,
): RolloutResult {
  const counts = new Array<number>(OUTCOME_CLASSES.length + 1).fill(0);
  const paths = new Map<string, number>();
  let rollouts = 0;
  for (const d of draws) {
    d.classCounts.forEach((c, k) => {
      counts[k]! += c;
      rollouts += c;
    });
    for (const [p, c] of d.paths) paths.set(p, (paths.get(p) ?? 0) + c);
  }
  const ranked = [...paths.entries()].map(([path, count], order) => ({ path, count, order }));
  ranked.sort((a, b) => b.count - a.count || a.order - b.order);
  return {
    rollouts,
    classes: OUTCOME_CLASSES.map((c, k) => ({
      id: c.id,
      label: c.label,
      sampled: rollouts > 0 ? counts[k]! / rollouts : Number.NaN,
      exact: exactByClass[k]!,
    })),
    topPaths: ranked.slice(0, top).map(({ path, count }) => ({ path, count, share: count / rollouts })),
    distinctPaths: paths.size,
  };
}

export function rolloutSection(r: RolloutResult): Section {
  return {
    id: 'rollouts',
    title: 'Rolled-out crises',
    blocks: [
      {
        kind: 'paragraph',
        text: `${r.rollouts} crises played out through the solved baseline games (${ROLLOUTS_PER_DRAW} per draw): at every node the chance move or the actor's equilibrium mixed action is sampled. The sampled shares estimate the exact probabilities beside them, which every other figure of this report uses; their difference is sampling noise (a standard error of about √(p(1−p)/${r.rollouts})). ${r.distinctPaths} distinct paths were played.`,
      },
      {
        kind: 'table',
        caption: 'Outcome classes: share of rolled-out crises and exact probability (mean over draws).',
        columns: ['outcome', 'rolled out', 'exact'],
        rows: r.classes.map((c) => [c.label, formatProbability(c.sampled), formatProbability(c.exact)]),
        trace: 'rollouts.ts: inverse-CDF sampling of leaves in preorder, one stream per draw',
      },
      {
        kind: 'table',
        caption: `The ${r.topPaths.length} most frequent paths (every step: the private types, then the stages played).`,
        columns: ['path', 'crises', 'share'],
        rows: r.topPaths.map((p) => [p.path, p.count, formatProbability(p.share)]),
      },
    ],
  };
}
