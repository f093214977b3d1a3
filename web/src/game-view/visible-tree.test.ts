import { describe, expect, it } from 'vitest';
import { readEfg } from '../../../src/game/gambit-format.js';
import { TREE } from './hand-built-game.js';
import { childInfos, nodeInfo, solveTree } from './solved-tree.js';
import { actionOf, formatProb, visibleTree } from './visible-tree.js';

// Nature (hi 0.3, lo 0.7), then A (l/r) who does not see it, then B after r.
const all = (id: number) => childInfos(TREE, id);
const keys = (v: ReturnType<typeof visibleTree>) => v.items.map((i) => i.key);

// One mover with eight actions, each ending the game.
const WIDE = readEfg(`EFG 2 R "wide" { "A" "B" }
""
p "" 1 1 "w" { "a" "b" "c" "d" "e" "f" "g" "h" } 0
${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((_, i) => `t "" ${i + 1} "" { ${i}, 0 }`).join('\n')}
`);
const WIDE_PROBS = [0.05, 0.3, 0.02, 0.2, 0.1, 0.15, 0.08, 0.1];
const WIDE_TREE = solveTree({
  game: WIDE,
  leafNode: Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
  leafProb: Float64Array.from(WIDE_PROBS),
});
const wideKids = (id: number) => childInfos(WIDE_TREE, id);

describe('visible tree', () => {
  const root = nodeInfo(TREE, 0);

  it('shows only the root until it is expanded', () => {
    const v = visibleTree(root, all, new Set(), new Set());
    expect(keys(v)).toEqual(['n0']);
    expect(v.items[0]).toMatchObject({ kind: 'node', expanded: false });
    expect(v.edges).toEqual([]);
  });

  it('shows the children of expanded nodes whose ancestors are expanded', () => {
    const v = visibleTree(root, all, new Set([0, 6, 3]), new Set());
    // Node 3 is expanded but its parent 1 is not: it stays hidden.
    expect(keys(v)).toEqual(['n0', 'n1', 'n6', 'n7', 'n8']);
    expect(v.edges.map((e) => [e.from, e.to, e.action, e.onPath])).toEqual([
      ['n0', 'n1', 'hi', false],
      ['n0', 'n6', 'lo', true],
      ['n6', 'n7', 'l', false],
      ['n6', 'n8', 'r', true],
    ]);
    expect(v.edges[3]!.prob).toBeCloseTo(0.6, 12);
    expect(v.truncated).toBe(false);
  });

  it('keeps an expanded node closed while its children are not known', () => {
    const v = visibleTree(root, (id) => (id === 0 ? all(0) : undefined), new Set([0, 6]), new Set());
    expect(keys(v)).toEqual(['n0', 'n1', 'n6']);
    expect(v.items[2]).toMatchObject({ expanded: false });
  });

  it('puts the less probable children of a wide node behind "+k more", until it is opened', () => {
    const wideRoot = nodeInfo(WIDE_TREE, 0);
    const v = visibleTree(wideRoot, wideKids, new Set([0]), new Set(), { perNode: 3, total: 100 });
    // The three most probable, b 0.3, d 0.2, f 0.15, in action order; five hidden with 0.35.
    expect(keys(v)).toEqual(['n0', 'n2', 'n4', 'n6', 'more0']);
    const more = v.items[4]!;
    expect(more).toMatchObject({ kind: 'more', parent: 0, hidden: 5 });
    expect(more.kind === 'more' && more.hiddenProb).toBeCloseTo(0.35, 12);
    expect(v.edges.find((e) => e.to === 'n2')!.onPath).toBe(true);
    expect(v.edges.find((e) => e.to === 'more0')).toMatchObject({
      from: 'n0',
      action: 'others',
      onPath: false,
    });
    const opened = visibleTree(wideRoot, wideKids, new Set([0]), new Set([0]), { perNode: 3, total: 100 });
    expect(keys(opened)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
  });

  it('always shows the most likely path, even with no room for other children', () => {
    const v = visibleTree(nodeInfo(WIDE_TREE, 0), wideKids, new Set([0]), new Set(), {
      perNode: 0,
      total: 100,
    });
    expect(keys(v)).toEqual(['n0', 'n2', 'more0']);
  });

  it('stops at the total and says so', () => {
    const v = visibleTree(nodeInfo(WIDE_TREE, 0), wideKids, new Set([0]), new Set(), {
      perNode: 3,
      total: 4,
    });
    expect(keys(v)).toEqual(['n0']);
    expect(v.truncated).toBe(true);
  });

  it('formats probabilities and actions', () => {
    expect([0.734, 1, 0, 0.0003, Number.NaN].map(formatProb)).toEqual(['0.73', '1.00', '0', '3e-4', '–']);
    expect(actionOf('us: pressure')).toBe('pressure');
    expect(actionOf('')).toBe('');
  });
});
