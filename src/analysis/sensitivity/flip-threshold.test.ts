import { describe, expect, test } from 'vitest';
import { backwardInduction } from '../../game/backward-induction.js';
import { numFromFloat } from '../../game/num.js';
import { TreeBuilder } from '../../game/tree.js';
import { type ExtensiveGame, PERSONAL, TERMINAL } from '../../game/types.js';
import { compileGame } from '../../scenario/compile.js';
import { meanParameters } from '../../scenario/draw.js';
import { parseScenario } from '../../scenario/load.js';
import { solveCompiled } from '../../scenario/solve.js';
import { flipThresholds } from './flip-threshold.js';
import { withParameter } from './scenario-inputs.js';

/**
 * Player 1 takes A or B. B ends the game with (0.37, 0); after A, player 2 takes L, worth x to
 * it, or R, worth 0.8; player 1 gets x either way. Ties go to the first action, so player 1 takes
 * A iff x > 0.37 and player 2 takes L iff x ≥ 0.8.
 */
function game(x: number): ExtensiveGame {
  const n = numFromFloat;
  const b = new TreeBuilder({ players: ['1', '2'] });
  const h1 = b.addInfoset({ player: 0, label: 'first', actions: ['B', 'A'] });
  const h2 = b.addInfoset({ player: 1, label: 'second', actions: ['L', 'R'] });
  const o = (u: number, v: number) => b.addOutcome({ label: '', payoffs: [n(u), n(v)] });
  b.addNode(PERSONAL, h1);
  b.addNode(TERMINAL, -1, o(0.37, 0));
  b.addNode(PERSONAL, h2);
  b.addNode(TERMINAL, -1, o(x, x));
  b.addNode(TERMINAL, -1, o(x, 0.8));
  return b.finish();
}

function play(x: number): { first: string; second: string } {
  const g = game(x);
  const r = backwardInduction(g);
  const label = (who: string) => {
    const h = g.infosets.findIndex((s) => s.label === who);
    return g.infosets[h]!.actions[r.actions[h]!]!;
  };
  return { first: label('first'), second: label('second') };
}

describe('flip thresholds', () => {
  test('finds where the first mover switches from B to A by backward induction: x = 0.37', () => {
    const flips = flipThresholds((x) => play(x).first, 0, 1);
    expect(flips).toHaveLength(1);
    const [f] = flips;
    expect(f!.from).toBe('B');
    expect(f!.to).toBe('A');
    expect(Math.abs(f!.at - 0.37)).toBeLessThan(1e-6);
    const [a, b] = f!.bracket;
    expect(b - a).toBeLessThanOrEqual(1e-9);
    expect(a).toBeLessThanOrEqual(0.37);
    expect(b).toBeGreaterThanOrEqual(0.37);
  });

  test('finds every change of a joint answer, in order', () => {
    // B·R below 0.37 (player 2 would take R there too), A·R up to 0.8, A·L from 0.8 on.
    const flips = flipThresholds(
      (x) => {
        const p = play(x);
        return `${p.first}${p.second}`;
      },
      0,
      1,
    );
    expect(flips.map((f) => [f.from, f.to])).toEqual([
      ['BR', 'AR'],
      ['AR', 'AL'],
    ]);
    expect(flips[0]!.at).toBeCloseTo(0.37, 7);
    expect(flips[1]!.at).toBeCloseTo(0.8, 7);
  });

  test('separates several changes inside one grid cell', () => {
    // The default grid on [0, 1] has step 0.025; both changes fall between 0.5 and 0.525.
    const choice = (x: number) => (x < 0.501 ? 1 : x < 0.502 ? 2 : 3);
    const flips = flipThresholds(choice, 0, 1);
    expect(flips.map((f) => [f.from, f.to])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(flips[0]!.at).toBeCloseTo(0.501, 8);
    expect(flips[1]!.at).toBeCloseTo(0.502, 8);
  });

  test('the tolerance is relative to the scale of the interval', () => {
    const [f] = flipThresholds((x) => (x < 3.7e6 ? 'low' : 'high'), 0, 1e7);
    expect(Math.abs(f!.at - 3.7e6)).toBeLessThan(1e7 * 1e-9);
    expect(flipThresholds((x) => (x < 2 ? 'a' : 'b'), 3, 4)).toEqual([]);
    expect(() => flipThresholds(() => 0, 1, 1)).toThrow(RangeError);
  });
});

// The challenger holds or escalates; after escalation the defender concedes (face 3.7) or fights
// (cost 10·resolve, and a loss of 1 to the challenger). The defender fights iff 10·resolve < 3.7,
// so by backward induction the challenger escalates iff resolve ≥ 0.37.
const SCENARIO = `
brink: 1
id: flip
title: A flip
actors:
  challenger: { kind: state }
  defender: { kind: state }
parameters:
  resolve: { dist: uniform, low: 0, high: 1, source: { judgement: "test" } }
  face: { value: 3.7, source: { judgement: "test" } }
state:
  damage: 0
  conceded: { default: 0, min: 0, max: 1 }
ladders:
  challenger:
    pressure:
      rungs:
        hold: {}
        escalate: {}
  defender:
    answer:
      rungs:
        concede: { effects: { conceded: { set: 1 } } }
        fight: { effects: { damage: 1 } }
stages:
  - { id: opening, actor: challenger }
  - { id: response, actor: defender, when: opening.escalate }
payoffs:
  challenger:
    gains: "state.conceded"
    C_kinetic: "state.damage"
  defender:
    C_kinetic: "10 * resolve * state.damage"
    C_reputation: "face * state.conceded"
`;

describe('flip thresholds of a scenario', () => {
  test("the challenger's equilibrium action flips at resolve = 0.37", () => {
    const model = parseScenario(SCENARIO, 'flip.yaml');
    const base = meanParameters(model);
    const opening = (x: number) => {
      const cg = compileGame(model, withParameter(model, base, 'resolve', x));
      const s = solveCompiled(cg, { method: 'spe' });
      const h = cg.game.infosets.findIndex((i) => i.label === 'opening');
      return cg.game.infosets[h]!.actions[s.profile.probs[h]!.indexOf(1)]!;
    };
    expect(opening(0.2)).toBe('hold');
    expect(opening(0.6)).toBe('escalate');
    const flips = flipThresholds(opening, 0, 1);
    expect(flips).toHaveLength(1);
    expect(flips[0]).toMatchObject({ from: 'hold', to: 'escalate' });
    expect(Math.abs(flips[0]!.at - 0.37)).toBeLessThan(1e-6);
  });
});
