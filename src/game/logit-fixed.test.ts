import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseLogitLine,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { actionValues as behaviorActionValues } from './behavior.js';
import { readGame } from './gambit-format.js';
import { randomExtensiveGame, randomPerfectInfoGame, randomStrategicGame } from './generate.js';
import {
  logitBehaviorFixed,
  logitStrategicFixed,
  makeLogitSolver,
  makeSweepPlan,
  makeTangentWork,
  solveLogitFixed,
  sweepTangent,
} from './logit-fixed.js';
import { toBehaviorProfile, toMixedProfile, traceToLambda } from './logit-homotopy.js';
import {
  type LogitModel,
  centroidTheta,
  compileExtensive,
  compileStrategic,
  makeWork,
  withPayoffs,
} from './logit-system.js';
import { numFromFloat } from './num.js';
import { bimatrixGame, strategyValues } from './strategic.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, type StrategicGame, TERMINAL } from './types.js';

const n = (v: number) => numFromFloat(v);
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

function softmax(values: readonly number[], lambda: number): number[] {
  const m = Math.max(...values.map((v) => lambda * v));
  const e = values.map((v) => Math.exp(lambda * v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Largest |p - softmax(lambda u)| over a strategic game's players, u from strategic.ts. */
function strategicViolation(g: StrategicGame, probs: number[][], lambda: number): number {
  let worst = 0;
  g.players.forEach((_, i) => {
    const q = softmax(strategyValues(g, probs, i), lambda);
    for (let s = 0; s < q.length; s++) worst = Math.max(worst, Math.abs(q[s]! - probs[i]![s]!));
  });
  return worst;
}

/** Largest |p - softmax(lambda u)| over an extensive game's personal sets, u from behavior.ts. */
function behaviorViolation(g: ExtensiveGame, probs: number[][], lambda: number): number {
  const av = behaviorActionValues(g, { probs });
  let worst = 0;
  g.infosets.forEach((h, i) => {
    if (h.player < 0) return;
    const q = softmax(av[i]!, lambda);
    for (let a = 0; a < q.length; a++) worst = Math.max(worst, Math.abs(q[a]! - probs[i]![a]!));
  });
  return worst;
}

/** Entry: player 1 stays Out (0, 2) or enters, paying 0.5 at the inner node; player 2 fights (-1, -1) or accommodates (1, 1). */
function entryGame(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['entrant', 'incumbent'] });
  const e = b.addInfoset({ player: 0, label: 'enter?', actions: ['Out', 'In'] });
  const f = b.addInfoset({ player: 1, label: 'fight?', actions: ['Fight', 'Accommodate'] });
  const o = (x: number, y: number) => b.addOutcome({ label: '', payoffs: [n(x), n(y)] });
  b.addNode(PERSONAL, e);
  b.addNode(TERMINAL, -1, o(0, 2));
  b.addNode(PERSONAL, f, o(-0.5, 0));
  b.addNode(TERMINAL, -1, o(-1, -1));
  b.addNode(TERMINAL, -1, o(1, 1));
  return b.finish();
}

/**
 * Crisis signalling: chance draws A's resolve (T types); A sees it and escalates or backs down,
 * over R alternating rounds with B, who sees only the moves. Beliefs depend on A's strategy.
 */
function signallingCrisis(T: number, R: number, seed: number): ExtensiveGame {
  let s = seed;
  const rnd = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  const b = new TreeBuilder({ players: ['A', 'B'] });
  const types = Array.from({ length: T }, () => n(1 / T));
  const c = b.addInfoset({
    player: -1,
    label: 'resolve',
    actions: types.map((_, i) => `r${i}`),
    probs: types,
  });
  const sets = new Map<string, number>();
  const setFor = (player: number, key: string) => {
    if (!sets.has(key))
      sets.set(key, b.addInfoset({ player, label: key, actions: ['escalate', 'back down'] }));
    return sets.get(key)!;
  };
  const round = (type: number, history: string, r: number): void => {
    if (r === R) {
      b.addNode(
        TERMINAL,
        -1,
        b.addOutcome({ label: '', payoffs: [n(type - T / 2 + rnd()), n(T / 2 - type + rnd())] }),
      );
      return;
    }
    const player = r % 2;
    b.addNode(PERSONAL, setFor(player, player === 0 ? `A${type}${history}` : `B${history}`));
    round(type, `${history}e`, r + 1);
    const cost = -1 - 0.3 * r + rnd();
    b.addNode(
      TERMINAL,
      -1,
      b.addOutcome({ label: '', payoffs: player === 0 ? [n(cost), n(1)] : [n(1), n(cost)] }),
    );
  };
  b.addNode(CHANCE, c);
  for (let t = 0; t < T; t++) round(t, '', 0);
  return b.finish();
}

describe('fixed-lambda logit QRE: hand-derived cases', () => {
  it('matching pennies: uniform at any lambda', () => {
    const g = bimatrixGame(
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    );
    for (const lambda of [0.3, 4, 40]) {
      const q = logitStrategicFixed(g, lambda);
      expect(q.ok).toBe(true);
      for (const p of q.profile.probs.flat()) expect(p).toBeCloseTo(0.5, 12);
    }
  });

  it('2x2 with a dominant row: p = sigma(lambda), q = sigma(lambda (3p - 2))', () => {
    const g = bimatrixGame(
      [
        [3, 1],
        [2, 0],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    for (const lambda of [0.5, 3, 12]) {
      const q = logitStrategicFixed(g, lambda);
      expect(q.certificate).toBe('continuation');
      const p = sigma(lambda);
      expect(q.profile.probs[0]![0]).toBeCloseTo(p, 12);
      expect(q.profile.probs[1]![0]).toBeCloseTo(sigma(lambda * (3 * p - 2)), 12);
    }
  });

  it('perfect information with an inner outcome: one exact sweep, q = sigma(2 lambda), p(In) = sigma(lambda (2q - 1.5))', () => {
    const g = entryGame();
    for (const lambda of [0.4, 2, 25]) {
      const q = logitBehaviorFixed(g, lambda);
      expect(q.method).toBe('sweep');
      expect(q.certificate).toBe('unique');
      const acc = sigma(2 * lambda);
      expect(q.profile.probs[1]![1]).toBeCloseTo(acc, 12);
      expect(q.profile.probs[0]![1]).toBeCloseTo(sigma(lambda * (2 * acc - 1 - 0.5)), 12);
    }
  });

  it('zero-probability chance branch: unreachable sets answer uniform beliefs (one sweep: beliefs are chance-only)', () => {
    const b = new TreeBuilder({ players: ['1', '2'] });
    const c = b.addInfoset({ player: -1, label: '', actions: ['A', 'B'], probs: [n(1), n(0)] });
    const h1 = b.addInfoset({ player: 0, label: '', actions: ['L', 'R'] });
    const h2 = b.addInfoset({ player: 1, label: '', actions: ['x', 'y'] });
    const o = (x: number, y: number) => b.addOutcome({ label: '', payoffs: [n(x), n(y)] });
    b.addNode(CHANCE, c);
    b.addNode(TERMINAL, -1, o(0, 0));
    b.addNode(PERSONAL, h2);
    b.addNode(PERSONAL, h1);
    b.addNode(TERMINAL, -1, o(5, 4));
    b.addNode(TERMINAL, -1, o(1, 0));
    b.addNode(PERSONAL, h1);
    b.addNode(TERMINAL, -1, o(2, 0));
    b.addNode(TERMINAL, -1, o(3, 2));
    const g = b.finish();
    // Player 1's set has two members after player 2's x and y, both unreachable: beliefs stay
    // uniform whatever player 2 does.
    const q = logitBehaviorFixed(g, 1.5);
    const h = traceToLambda(compileExtensive(g), 1.5);
    q.profile.probs.flat().forEach((p, i) => {
      expect(p).toBeCloseTo(toBehaviorProfile(g, h.probs).probs.flat()[i]!, 12);
    });
    // Player 1 at uniform beliefs: L worth (5 + 2)/2, R worth (1 + 3)/2.
    softmax([3.5, 2], 1.5).forEach((p, i) => {
      expect(q.profile.probs[0]![i]).toBeCloseTo(p, 12);
    });
  });

  it('signalling crisis: beliefs depend on strategies; dense Newton and Newton–Krylov agree with the homotopy', () => {
    const g = signallingCrisis(3, 5, 7);
    const m = compileExtensive(g);
    expect(makeSweepPlan(m).beliefsFixed).toBe(false);
    for (const lambda of [0.8, 3]) {
      const h = traceToLambda(m, lambda);
      const dense = solveLogitFixed(m, lambda, { denseLimit: 10000 });
      const krylov = solveLogitFixed(m, lambda, { denseLimit: 0 });
      expect(dense.method).toBe('newton');
      expect(krylov.method).toBe('newton-krylov');
      for (let a = 0; a < m.nVars; a++) {
        expect(dense.probs[a]).toBeCloseTo(h.probs[a]!, 10);
        expect(krylov.probs[a]).toBeCloseTo(h.probs[a]!, 10);
      }
      expect(krylov.residual).toBeLessThan(1e-10);
    }
  });
});

describe('fixed-lambda logit QRE: machinery', () => {
  it('tangent sweeps match central differences of the sweep', () => {
    const g = signallingCrisis(3, 4, 3);
    const m = compileExtensive(g);
    const plan = makeSweepPlan(m);
    const work = makeWork(m);
    const tw = makeTangentWork(m);
    const theta = centroidTheta(m).map((t, i) => t + 0.1 * Math.sin(i));
    const v = Float64Array.from(theta, (_, i) => Math.cos(3 * i));
    const lambda = 1.3;
    sweepTangent(m, plan, work, tw, theta, v, lambda, 0.7);
    const analytic = Float64Array.from(tw.dOut);
    const eps = 1e-6;
    const at = (s: number) => {
      sweepTangent(
        m,
        plan,
        work,
        tw,
        theta.map((t, i) => t + s * v[i]!),
        new Float64Array(m.nVars),
        lambda + 0.7 * s,
      );
      return Float64Array.from(tw.out);
    };
    const up = at(eps);
    const down = at(-eps);
    for (let a = 0; a < m.nVars; a++) expect(analytic[a]).toBeCloseTo((up[a]! - down[a]!) / (2 * eps), 7);
  });

  it('tangent-only sweeps (primal values reused) equal full tangent sweeps on acyclic plans', () => {
    const g = signallingCrisis(3, 5, 9);
    const m = compileExtensive(g);
    const plan = makeSweepPlan(m);
    expect(plan.cyclic).toBe(false);
    const work = makeWork(m);
    const tw = makeTangentWork(m);
    const theta = centroidTheta(m).map((t, i) => t + 0.2 * Math.cos(i));
    const v = Float64Array.from(theta, (_, i) => Math.sin(5 * i));
    sweepTangent(m, plan, work, tw, theta, v, 2.1, 0.3);
    const full = Float64Array.from(tw.dOut);
    const out = Float64Array.from(tw.out);
    sweepTangent(m, plan, work, tw, theta, v, 2.1, 0.3, false);
    for (let a = 0; a < m.nVars; a++) {
      expect(tw.dOut[a]).toBeCloseTo(full[a]!, 14);
      expect(tw.out[a]).toBe(out[a]);
    }
  });

  it('a solver is reused across payoff draws and lambdas (same structure, withPayoffs)', () => {
    const g = signallingCrisis(2, 4, 11);
    const m = compileExtensive(g);
    const solver = makeLogitSolver(m);
    for (const scale of [1, 2, 0.5]) {
      const draw = withPayoffs(
        m,
        m.payoff.map((v, i) => v * scale + 0.01 * (i % 7)),
      );
      solver.setModel(draw);
      const r = solver.solve(1.2);
      const h = traceToLambda(draw, 1.2);
      for (let a = 0; a < m.nVars; a++) expect(r.probs[a]).toBeCloseTo(h.probs[a]!, 10);
    }
    expect(() => solver.setModel(compileExtensive(entryGame()))).toThrow(/same game structure/);
  });

  it('a warm start from a smaller lambda on the branch gives the same point', () => {
    const g = signallingCrisis(3, 4, 5);
    const m = compileExtensive(g);
    const solver = makeLogitSolver(m);
    const first = solver.solve(1);
    const cold = solver.solve(4);
    const warm = solver.solve(4, { start: { lambda: 1, theta: first.theta } });
    expect(warm.stages).toBeLessThanOrEqual(cold.stages);
    for (let a = 0; a < m.nVars; a++) expect(warm.probs[a]).toBeCloseTo(cold.probs[a]!, 11);
  });

  it('large perfect-information game (20001 nodes): one sweep, exact to rounding', () => {
    const g = randomPerfectInfoGame({ seed: 12, nodes: 20001, players: 3, chance: 0.2, innerOutcomes: 0.1 });
    const r = logitBehaviorFixed(g, 0.3);
    expect(r.method).toBe('sweep');
    expect(r.residual).toBeLessThan(1e-12);
    expect(behaviorViolation(g, r.profile.probs, 0.3)).toBeLessThan(1e-9);
  });

  it('lambda = 0 is the centroid; negative lambda is refused', () => {
    const g = entryGame();
    expect(logitBehaviorFixed(g, 0).profile.probs).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(() => logitBehaviorFixed(g, -1)).toThrow(/non-negative/);
  });
});

describe('fixed-lambda logit QRE: property', () => {
  it('profiles satisfy p = softmax(lambda u) to 1e-9 on random strategic games of several shapes', () => {
    const shapes = [
      [2, 2],
      [3, 2],
      [4, 3],
      [2, 2, 2],
      [3, 2, 2],
      [2, 2, 2, 2],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: shapes.length - 1 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        (shape, seed, scaled) => {
          const g = randomStrategicGame({ seed, shape: shapes[shape]! });
          const m = compileStrategic(g);
          const lambda = (scaled / Math.max(1e-9, m.payoffRange)) * 5;
          const r = solveLogitFixed(m, lambda);
          expect(r.ok).toBe(true);
          expect(strategicViolation(g, toMixedProfile(g, r.probs).probs, lambda)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('and on random extensive games (chance, inner outcomes, imperfect information; dense and Krylov correctors)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 3, max: 80 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.boolean(),
        (seed, nodes, players, scaled, krylov) => {
          const g = randomExtensiveGame({
            seed,
            nodes,
            players,
            chance: 0.2,
            innerOutcomes: 0.2,
            merge: 0.5,
          });
          const m = compileExtensive(g);
          const lambda = (scaled / Math.max(1e-9, m.payoffRange)) * 5;
          const r = solveLogitFixed(m, lambda, krylov ? { denseLimit: 0 } : {});
          expect(r.ok).toBe(true);
          expect(behaviorViolation(g, toBehaviorProfile(g, r.probs).probs, lambda)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the homotopy’s points satisfy the same equations on random extensive games', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 3, max: 40 }), (seed, nodes) => {
        const g = randomExtensiveGame({ seed, nodes, players: 2, chance: 0.2, merge: 0.5 });
        const m = compileExtensive(g);
        const lambda = 4 / Math.max(1e-9, m.payoffRange);
        const t = traceToLambda(m, lambda);
        expect(t.ok).toBe(true);
        expect(behaviorViolation(g, toBehaviorProfile(g, t.probs).probs, lambda)).toBeLessThan(1e-9);
      }),
      { numRuns: 30 },
    );
  });
});

function compileOracleModel(text: string, file: string): LogitModel | undefined {
  try {
    const parsed = readGame(text, file);
    return parsed.kind === 'efg' ? compileExtensive(parsed.game) : compileStrategic(parsed.game);
  } catch {
    return undefined;
  }
}

describeOracle('fixed-lambda logit QRE against gambit-logit -l 1', () => {
  it('every logit_l1.out profile within 1e-6 (default solver; Newton–Krylov too, except after bifurcations)', () => {
    let total = 0;
    let close = 0;
    let krylovTotal = 0;
    let krylovClose = 0;
    const methods: Record<string, number> = {};
    const misses: string[] = [];
    const bifurcating: string[] = [];
    for (const g of listOracleGames()) {
      if (!hasReference(g, 'logit_l1')) continue;
      const ref = parseLogitLine(readOracleOutput(g, 'logit_l1.out'));
      const model = ref && compileOracleModel(readGameText(g), g.gamePath);
      if (!ref || !model) continue;
      total++;
      const solver = makeLogitSolver(model);
      const r = solver.solve(1);
      methods[r.method] = (methods[r.method] ?? 0) + 1;
      const d = Math.max(...ref.profile.map((p, i) => Math.abs(p - r.probs[i]!)));
      if (r.ok && d < 1e-6) close++;
      else misses.push(`${g.name} (${d})`);
      if (model.kind !== 'efg') continue;
      krylovTotal++;
      const k = solver.solve(1, { denseLimit: 0 });
      const dk = Math.max(...ref.profile.map((p, i) => Math.abs(p - k.probs[i]!)));
      if (k.ok && dk < 1e-6) krylovClose++;
      else if (traceToLambda(model, 1).bifurcations > 0 && k.residual < 1e-10) {
        // A degenerate game whose branch bifurcates before lambda = 1: Gambit's tracer perturbs its
        // way onto one branch, continuation without a determinant may take another QRE.
        bifurcating.push(g.name);
      } else misses.push(`${g.name} with Newton–Krylov (${dk})`);
    }
    console.log(
      `logit λ=1 (fixed solver): ${close}/${total} within 1e-6; methods ${JSON.stringify(methods)}; ` +
        `Newton–Krylov forced on every .efg: ${krylovClose}/${krylovTotal}, the others are QREs on another branch after a ` +
        `bifurcation before λ = 1: ${bifurcating.join(', ')}`,
    );
    expect(total).toBeGreaterThan(100);
    expect(misses).toEqual([]);
  });
});
