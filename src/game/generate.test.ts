import { describe, expect, it } from 'vitest';
import {
  feasibleSize,
  makeRng,
  matrixGame,
  randomExtensiveGame,
  randomPerfectInfoGame,
  randomStrategicGame,
  randomZeroSumGame,
} from './generate.js';
import { numFromFloat } from './num.js';
import { hasPerfectRecall } from './perfect-recall.js';
import { childrenOf, membersOf } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

const values = (g: { payoffs: { value: number }[] }) => g.payoffs.map((p) => p.value);

/** A structural fingerprint of a tree, to compare games generated twice. */
function fingerprint(g: ExtensiveGame): string {
  const parts: string[] = [];
  for (let n = 0; n < g.nodes.count; n++) {
    const o = g.nodes.outcome[n]!;
    parts.push(
      `${g.nodes.kind[n]}:${g.nodes.infoset[n]}:${o < 0 ? '' : g.outcomes[o]!.payoffs.map((p) => p.value).join('/')}`,
    );
  }
  const sets = g.infosets.map(
    (h) => `${h.player}:${h.actions.length}:${(h.probs ?? []).map((p) => p.exact?.toFraction()).join('/')}`,
  );
  return `${parts.join(' ')}|${sets.join(' ')}`;
}

/** Sum of each terminal path's payoffs, per player. */
function pathSums(g: ExtensiveGame): number[][] {
  const out: number[][] = [];
  const walk = (n: number, acc: number[]) => {
    const o = g.nodes.outcome[n]!;
    const here = o < 0 ? acc : acc.map((x, i) => x + g.outcomes[o]!.payoffs[i]!.value);
    if (g.nodes.kind[n] === TERMINAL) out.push(here);
    for (const c of childrenOf(g, n)) walk(c, here);
  };
  walk(
    0,
    g.players.map(() => 0),
  );
  return out;
}

describe('makeRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = makeRng(7);
    const b = makeRng(7);
    const c = makeRng(8);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect([c.next(), c.next(), c.next()]).not.toEqual(xs);
  });
});

describe('randomStrategicGame', () => {
  it('has the requested shape, integer payoffs in range, exact, and is reproducible', () => {
    const g = randomStrategicGame({ seed: 1, shape: [3, 2, 4], min: -5, max: 5 });
    expect(g.strategies.map((s) => s.length)).toEqual([3, 2, 4]);
    expect(g.payoffs.length).toBe(3 * 2 * 4 * 3);
    for (const p of g.payoffs) {
      expect(Number.isInteger(p.value)).toBe(true);
      expect(p.value).toBeGreaterThanOrEqual(-5);
      expect(p.value).toBeLessThanOrEqual(5);
      expect(p.exact?.valueOf()).toBe(p.value);
    }
    expect(values(randomStrategicGame({ seed: 1, shape: [3, 2, 4], min: -5, max: 5 }))).toEqual(values(g));
    expect(values(randomStrategicGame({ seed: 2, shape: [3, 2, 4], min: -5, max: 5 }))).not.toEqual(
      values(g),
    );
    // Small ranges still use every value: a 2-value range over 72 draws hits both.
    const bin = randomStrategicGame({ seed: 3, shape: [6, 6], min: 0, max: 1 });
    expect(new Set(values(bin))).toEqual(new Set([0, 1]));
  });

  it('draws floats in [min, max) when asked, without exact values', () => {
    const g = randomStrategicGame({ seed: 4, shape: [4, 4], min: 1, max: 2, float: true });
    for (const p of g.payoffs) {
      expect(p.exact).toBeUndefined();
      expect(p.value).toBeGreaterThanOrEqual(1);
      expect(p.value).toBeLessThan(2);
    }
    expect(new Set(values(g)).size).toBe(32);
  });
});

describe('randomZeroSumGame / matrixGame', () => {
  it('lays the matrix out with the row player fastest and negated column payoffs', () => {
    const m = [
      [1, 2, 3],
      [4, 5, 6],
    ].map((r) => r.map(numFromFloat));
    const g = matrixGame(m, 10);
    // profile (row i, col j) = j * 2 + i
    expect(values(g)).toEqual([1, 9, 4, 6, 2, 8, 5, 5, 3, 7, 6, 4]);
    expect(g.payoffs[1]!.exact?.toFraction()).toBe('9');
  });

  it('produces zero-sum games, reproducibly', () => {
    const g = randomZeroSumGame({ seed: 9, rows: 5, cols: 7 });
    expect(g.strategies.map((s) => s.length)).toEqual([5, 7]);
    for (let p = 0; p < 35; p++) expect(g.payoffs[2 * p]!.value + g.payoffs[2 * p + 1]!.value).toBe(0);
    expect(values(randomZeroSumGame({ seed: 9, rows: 5, cols: 7 }))).toEqual(values(g));
  });
});

describe('feasibleSize', () => {
  it('allows every size but 2 with up to 3 actions, only odd sizes with 2', () => {
    expect([1, 2, 3, 4, 5].map((b) => feasibleSize(b, 3))).toEqual([true, false, true, true, true]);
    expect([1, 2, 3, 4, 5].map((b) => feasibleSize(b, 2))).toEqual([true, false, true, false, true]);
  });
});

describe('randomExtensiveGame', () => {
  const sizes = [1, 3, 4, 17, 100, 1000];
  it.each(sizes)('has exactly %i nodes, a consistent preorder tree and perfect recall', (nodes) => {
    const g = randomExtensiveGame({ seed: nodes, nodes });
    expect(g.nodes.count).toBe(nodes);
    expect(hasPerfectRecall(g)).toBe(true);
    for (let n = 0; n < g.nodes.count; n++) {
      const kids = childrenOf(g, n);
      if (g.nodes.kind[n] === TERMINAL) {
        expect(kids.length).toBe(0);
        expect(g.nodes.outcome[n]).toBeGreaterThanOrEqual(0);
      } else {
        expect(kids.length).toBe(g.infosets[g.nodes.infoset[n]!]!.actions.length);
        expect(kids.length).toBeGreaterThanOrEqual(2);
        for (const c of kids) expect(g.nodes.parent[c]).toBe(n);
      }
    }
  });

  it('has chance nodes and information sets with several members', () => {
    const g = randomExtensiveGame({ seed: 11, nodes: 2000 });
    const kinds = Array.from(g.nodes.kind);
    expect(kinds.filter((k) => k === CHANCE).length).toBeGreaterThan(50);
    expect(kinds.filter((k) => k === PERSONAL).length).toBeGreaterThan(500);
    const members = membersOf(g);
    const shared = members.filter((m, i) => g.infosets[i]!.player >= 0 && m.length > 1).length;
    expect(shared).toBeGreaterThan(20);
    for (const h of g.infosets) {
      if (h.player === -1) {
        const sum = h.probs!.reduce((a, p) => a.add(p.exact!), numFromFloat(0).exact!);
        expect(sum.toFraction()).toBe('1');
      }
    }
  });

  it('is reproducible: same seed same game, other seed other game', () => {
    const a = fingerprint(randomExtensiveGame({ seed: 5, nodes: 500, maxActions: 4, players: 3 }));
    expect(fingerprint(randomExtensiveGame({ seed: 5, nodes: 500, maxActions: 4, players: 3 }))).toBe(a);
    expect(fingerprint(randomExtensiveGame({ seed: 6, nodes: 500, maxActions: 4, players: 3 }))).not.toBe(a);
  });

  it('rounds to an odd size when every node has two actions', () => {
    const g = randomExtensiveGame({ seed: 2, nodes: 100, maxActions: 2 });
    expect(g.nodes.count).toBe(101);
    expect(hasPerfectRecall(g)).toBe(true);
  });

  it('zeroSum: every terminal path adds up to zero, inner outcomes included', () => {
    const g = randomExtensiveGame({ seed: 3, nodes: 400, zeroSum: true, innerOutcomes: 0.3 });
    expect(g.nodes.outcome.some((o, n) => o >= 0 && g.nodes.kind[n] !== TERMINAL)).toBe(true);
    for (const s of pathSums(g)) expect(s[0]! + s[1]!).toBe(0);
  });

  it('merge = 0 gives perfect information', () => {
    const g = randomExtensiveGame({ seed: 4, nodes: 300, merge: 0 });
    expect(membersOf(g).every((m) => m.length === 1)).toBe(true);
  });
});

describe('randomPerfectInfoGame', () => {
  it('gives every decision node its own information set and shares integer outcomes', () => {
    const g = randomPerfectInfoGame({ seed: 1, nodes: 5000, min: -3, max: 3 });
    expect(g.nodes.count).toBe(5000);
    expect(membersOf(g).every((m) => m.length === 1)).toBe(true);
    expect(g.outcomes.length).toBeLessThanOrEqual(49);
    expect(fingerprint(randomPerfectInfoGame({ seed: 1, nodes: 5000, min: -3, max: 3 }))).toBe(
      fingerprint(g),
    );
  });

  it('builds a 10^5-node tree with the exact count', () => {
    const g = randomPerfectInfoGame({ seed: 42, nodes: 100_000 });
    expect(g.nodes.count).toBe(100_000);
    expect(g.nodes.childList.length).toBe(100_000 - 1);
  });
});
