import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zeroProbabilityBranch } from '../../test/support/fixture-games.js';
import { actionValues as behaviorActionValues, maxNashRegret } from './behavior.js';
import { randomExtensiveGame } from './generate.js';
import { toBehaviorProfile, toMixedProfile } from './logit-homotopy.js';
import {
  type LogitModel,
  actionValues,
  agentRegret,
  centroidTheta,
  compileExtensive,
  compileStrategic,
  makeWork,
  nashRegret,
  qreJacobian,
  qreResidual,
  valueJacobian,
  withPayoffs,
} from './logit-system.js';
import { numFromFloat, numFromText } from './num.js';
import { bimatrixGame, makeStrategicGame, maxRegret, strategyValues } from './strategic.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

const n = (v: number) => numFromFloat(v);

/** A random interior log-profile (normalised per group). */
function randomTheta(model: LogitModel, seed: number): Float64Array {
  let s = seed % 2147483647 || 1;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const theta = new Float64Array(model.nVars);
  for (let h = 0; h + 1 < model.groupStart.length; h++) {
    let sum = 0;
    for (let a = model.groupStart[h]!; a < model.groupStart[h + 1]!; a++) {
      theta[a] = 0.2 + rnd();
      sum += theta[a]!;
    }
    for (let a = model.groupStart[h]!; a < model.groupStart[h + 1]!; a++)
      theta[a] = Math.log(theta[a]! / sum);
  }
  return theta;
}

/** Central differences of u with respect to each theta_c. */
function numericValueJacobian(model: LogitModel, theta: Float64Array): Float64Array {
  const N = model.nVars;
  const work = makeWork(model);
  const out = new Float64Array(N * N);
  const up = new Float64Array(N);
  const down = new Float64Array(N);
  const eps = 1e-6;
  for (let c = 0; c < N; c++) {
    const t = Float64Array.from(theta);
    t[c]! += eps;
    actionValues(model, work, t, up);
    t[c]! -= 2 * eps;
    actionValues(model, work, t, down);
    for (let r = 0; r < N; r++) out[r * N + c] = (up[r]! - down[r]!) / (2 * eps);
  }
  return out;
}

function expectClose(a: Float64Array, b: Float64Array, tol: number): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  expect(worst).toBeLessThan(tol);
}

/**
 * Chance picks a type (1/3, 2/3); player 1 sees it and moves U/D; player 2 sees only the move.
 * Outcomes on inner nodes: the chance node carries (1, 0).
 */
function signalling(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['1', '2'] });
  const c = b.addInfoset({
    player: -1,
    label: 'type',
    actions: ['t1', 't2'],
    probs: [numFromText('1/3')!, numFromText('2/3')!],
  });
  const s1 = b.addInfoset({ player: 0, label: 'p1 t1', actions: ['U', 'D'] });
  const s2 = b.addInfoset({ player: 0, label: 'p1 t2', actions: ['U', 'D'] });
  const r2u = b.addInfoset({ player: 1, label: 'after U', actions: ['a', 'b'] });
  const r2d = b.addInfoset({ player: 1, label: 'after D', actions: ['a', 'b'] });
  const o = (x: number, y: number) => b.addOutcome({ label: '', payoffs: [n(x), n(y)] });
  const inner = o(1, 0);
  b.addNode(CHANCE, c, inner);
  b.addNode(PERSONAL, s1);
  b.addNode(PERSONAL, r2u);
  b.addNode(TERMINAL, -1, o(3, 1));
  b.addNode(TERMINAL, -1, o(0, 0));
  b.addNode(PERSONAL, r2d);
  b.addNode(TERMINAL, -1, o(1, 2));
  b.addNode(TERMINAL, -1, o(2, 0));
  b.addNode(PERSONAL, s2);
  b.addNode(PERSONAL, r2u);
  b.addNode(TERMINAL, -1, o(0, 0));
  b.addNode(TERMINAL, -1, o(2, 3));
  b.addNode(PERSONAL, r2d);
  b.addNode(TERMINAL, -1, o(4, 1));
  b.addNode(TERMINAL, -1, o(1, 1));
  return b.finish();
}

describe('compiling games', () => {
  it('numbers strategic vars player by player and records the payoff range', () => {
    const g = bimatrixGame(
      [
        [1, -2],
        [0, 3],
      ],
      [
        [4, 0],
        [1, 1],
      ],
    );
    const m = compileStrategic(g);
    expect(m.nVars).toBe(4);
    expect(Array.from(m.groupStart)).toEqual([0, 2, 4]);
    expect(m.payoffRange).toBe(6);
    expect(Array.from(centroidTheta(m))).toEqual([
      Math.log(0.5),
      Math.log(0.5),
      Math.log(0.5),
      Math.log(0.5),
    ]);
  });

  it('extensive games: groups are the personal information sets in printing order, chance excluded', () => {
    const g = signalling();
    const m = compileExtensive(g);
    expect(m.nVars).toBe(8);
    expect(Array.from(m.groupPlayer)).toEqual([0, 0, 1, 1]);
    expect(m.payoffRange).toBe(4);
    // Player 2's "after U" set has one member per type.
    expect(m.memberStart[3]! - m.memberStart[2]!).toBe(2);
  });

  it('refuses games without perfect recall', () => {
    const b = new TreeBuilder({ players: ['1'] });
    const h = b.addInfoset({ player: 0, label: 'forgetful', actions: ['L', 'R'] });
    const z = b.addOutcome({ label: '', payoffs: [n(0)] });
    b.addNode(PERSONAL, h);
    b.addNode(PERSONAL, h);
    b.addNode(TERMINAL, -1, z);
    b.addNode(TERMINAL, -1, z);
    b.addNode(TERMINAL, -1, z);
    expect(() => compileExtensive(b.finish())).toThrow(/perfect recall/);
  });
});

describe('action values', () => {
  it('strategic: agree with strategic.ts strategyValues on a 3-player game', () => {
    const g = makeStrategicGame([2, 3, 2], ([a, b, c]) => [
      a! + 2 * b! - c!,
      a! * b! - c!,
      (a! + b! + c!) % 3,
    ]);
    const m = compileStrategic(g);
    const theta = randomTheta(m, 7);
    const u = new Float64Array(m.nVars);
    actionValues(m, makeWork(m), theta, u);
    const probs = toMixedProfile(g, Float64Array.from(theta, Math.exp)).probs;
    const expected = g.players.flatMap((_, i) => strategyValues(g, probs, i));
    expectClose(u, Float64Array.from(expected), 1e-12);
  });

  it('extensive: agree with behavior.ts action values (conditional on the set, beliefs from the profile)', () => {
    const g = signalling();
    const m = compileExtensive(g);
    const theta = randomTheta(m, 11);
    const u = new Float64Array(m.nVars);
    actionValues(m, makeWork(m), theta, u);
    const b = toBehaviorProfile(g, Float64Array.from(theta, Math.exp));
    const expected = behaviorActionValues(g, b)
      .filter((_, i) => g.infosets[i]!.player >= 0)
      .flat();
    expectClose(u, Float64Array.from(expected), 1e-12);
  });

  it('hand check: after U, player 2 believes t1 with 1/3 p(U|t1) / (1/3 p(U|t1) + 2/3 p(U|t2))', () => {
    const g = signalling();
    const m = compileExtensive(g);
    // p(U|t1) = 0.5, p(U|t2) = 0.25; player 2 uniform.
    const theta = Float64Array.from([0.5, 0.5, 0.25, 0.75, 0.5, 0.5, 0.5, 0.5], Math.log);
    const u = new Float64Array(8);
    actionValues(m, makeWork(m), theta, u);
    const mu1 = ((1 / 3) * 0.5) / ((1 / 3) * 0.5 + (2 / 3) * 0.25); // = 1/2
    expect(u[4]).toBeCloseTo(mu1 * 1 + (1 - mu1) * 0, 14); // a after U
    expect(u[5]).toBeCloseTo(mu1 * 0 + (1 - mu1) * 3, 14); // b after U
    // Player 1, type 1: U -> (3 + 0)/2, D -> (1 + 2)/2 (the chance node's own outcome is not part of it).
    expect(u[0]).toBeCloseTo(1.5, 14);
    expect(u[1]).toBeCloseTo(1.5, 14);
  });

  it('zero-probability information sets get uniform beliefs (Gambit convention)', () => {
    const g = zeroProbabilityBranch();
    const m = compileExtensive(g);
    const theta = Float64Array.from([0.3, 0.7, 0.5, 0.5], Math.log);
    const u = new Float64Array(4);
    actionValues(m, makeWork(m), theta, u);
    expect(u[0]).toBeCloseTo(5, 14); // L: 5 whatever player 2 does
    expect(u[1]).toBeCloseTo(1, 14);
    // Player 2: beliefs 1/2, 1/2 over its two unreachable nodes.
    expect(u[2]).toBeCloseTo(0.5 * 4 + 0.5 * 0, 14);
    expect(u[3]).toBeCloseTo(0.5 * 0 + 0.5 * 2, 14);
  });
});

describe('derivatives', () => {
  it('strategic: value Jacobian matches central differences (3 players)', () => {
    const g = makeStrategicGame([3, 2, 2], ([a, b, c]) => [
      Math.sin(a! + 2 * b! + 3 * c!),
      a! - b! * c!,
      (a! * c!) / 2,
    ]);
    const m = compileStrategic(g);
    const theta = randomTheta(m, 3);
    const u = new Float64Array(m.nVars);
    const du = new Float64Array(m.nVars ** 2);
    valueJacobian(m, makeWork(m), theta, u, du);
    expectClose(du, numericValueJacobian(m, theta), 1e-8);
  });

  it('extensive: value Jacobian matches central differences on random games with chance, inner outcomes, imperfect information', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, nodes, players) => {
          const g = randomExtensiveGame({
            seed,
            nodes,
            players,
            chance: 0.2,
            innerOutcomes: 0.3,
            merge: 0.6,
          });
          const m = compileExtensive(g);
          if (m.nVars === 0) return;
          const theta = randomTheta(m, seed);
          const u = new Float64Array(m.nVars);
          const du = new Float64Array(m.nVars ** 2);
          valueJacobian(m, makeWork(m), theta, u, du);
          const scale = Math.max(1, m.payoffRange);
          expectClose(du, numericValueJacobian(m, theta), 1e-6 * scale);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the QRE Jacobian (with the lambda column) matches central differences of the residual', () => {
    const g = signalling();
    const m = compileExtensive(g);
    const N = m.nVars;
    const theta = randomTheta(m, 5);
    const lambda = 1.7;
    const work = makeWork(m);
    const u = new Float64Array(N);
    const jac = new Float64Array(N * (N + 1));
    qreJacobian(m, work, theta, lambda, u, new Float64Array(N * N), jac, N + 1);
    const eps = 1e-6;
    const hp = new Float64Array(N);
    const hm = new Float64Array(N);
    for (let c = 0; c <= N; c++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      let lp = lambda;
      let lm = lambda;
      if (c < N) {
        tp[c]! += eps;
        tm[c]! -= eps;
      } else {
        lp += eps;
        lm -= eps;
      }
      qreResidual(m, work, tp, lp, u, hp);
      qreResidual(m, work, tm, lm, u, hm);
      for (let e = 0; e < N; e++) expect(jac[e * (N + 1) + c]).toBeCloseTo((hp[e]! - hm[e]!) / (2 * eps), 7);
    }
  });
});

describe('regret', () => {
  it('strategic Nash regret agrees with strategic.ts maxRegret', () => {
    const g = makeStrategicGame([2, 2, 3], ([a, b, c]) => [a! * 3 - b!, c! - a!, a! + b! + c!]);
    const m = compileStrategic(g);
    const theta = randomTheta(m, 19);
    const probs = toMixedProfile(g, Float64Array.from(theta, Math.exp)).probs;
    expect(nashRegret(m, makeWork(m), theta)).toBeCloseTo(maxRegret(g, probs), 12);
  });

  it('extensive Nash regret (own-sequence best response) agrees with behavior.ts maxNashRegret on random games', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 5, max: 60 }), (seed, nodes) => {
        const g = randomExtensiveGame({
          seed,
          nodes,
          players: 2,
          chance: 0.2,
          innerOutcomes: 0.2,
          merge: 0.6,
        });
        const m = compileExtensive(g);
        const theta = randomTheta(m, seed + 1);
        const b = toBehaviorProfile(g, Float64Array.from(theta, Math.exp));
        expect(nashRegret(m, makeWork(m), theta)).toBeCloseTo(maxNashRegret(g, b), 10);
      }),
      { numRuns: 40 },
    );
  });

  it('agent regret is the largest conditional gain at one set', () => {
    const g = signalling();
    const m = compileExtensive(g);
    // Player 1 uniform; player 2 uniform after U, b after D.
    const theta = Float64Array.from([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1e-300, 1], Math.log);
    const work = makeWork(m);
    // After U, beliefs (1/3, 2/3): a is worth 1/3, b is worth 2, the set 7/6: regret 5/6.
    // After D, beliefs (1/3, 2/3): a 4/3, b 2/3: regret 2/3. Type 1: U 3/2, D 2: regret 1/4.
    expect(agentRegret(m, work, theta)).toBeCloseTo(5 / 6, 12);
    // The Nash regret agrees with behavior.ts's independent best response.
    const b = toBehaviorProfile(g, Float64Array.from(theta, Math.exp));
    expect(nashRegret(m, work, theta)).toBeCloseTo(maxNashRegret(g, b), 12);
  });

  it('withPayoffs keeps the structure and changes the values', () => {
    const g = bimatrixGame(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    );
    const m = compileStrategic(g);
    const m2 = withPayoffs(
      m,
      m.payoffs.map((v) => 10 * v),
    );
    expect(m2.payoffRange).toBe(10);
    expect(m2.groupStart).toBe(m.groupStart);
    const u = new Float64Array(4);
    actionValues(m2, makeWork(m2), centroidTheta(m2), u);
    expect(Array.from(u)).toEqual([5, 5, 5, 5]);
  });
});
