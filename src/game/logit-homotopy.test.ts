import { describe, expect, it } from 'vitest';
import { zeroProbabilityBranch } from '../../test/support/fixture-games.js';
import {
  type OracleGame,
  describeOracle,
  hasReference,
  listOracleGames,
  parseLogitLine,
  readGameText,
  readMeta,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { readGame } from './gambit-format.js';
import {
  logitBehaviorAt,
  logitBehaviorLimit,
  logitStrategicAt,
  logitStrategicLimit,
  traceToLambda,
  traceToLimit,
} from './logit-homotopy.js';
import {
  type LogitModel,
  actionValues,
  agentRegret,
  compileExtensive,
  compileStrategic,
  makeWork,
  nashRegret,
} from './logit-system.js';
import { numFromFloat } from './num.js';
import { bimatrixGame, makeStrategicGame } from './strategic.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

const n = (v: number) => numFromFloat(v);
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

function softmax(values: number[], lambda: number): number[] {
  const m = Math.max(...values.map((v) => lambda * v));
  const e = values.map((v) => Math.exp(lambda * v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const matchingPennies = bimatrixGame(
  [
    [1, -1],
    [-1, 1],
  ],
  [
    [-1, 1],
    [1, -1],
  ],
);

/** One decision, then chance: A is a lottery worth 1 (3 w.p. 1/3), B carries an inner outcome 1 plus 1. */
function oneDecisionWithChance(): ExtensiveGame {
  const b = new TreeBuilder({ players: ['solo'] });
  const d = b.addInfoset({ player: 0, label: 'choose', actions: ['A', 'B'] });
  const c = b.addInfoset({
    player: -1,
    label: 'lottery',
    actions: ['win', 'lose'],
    probs: [n(1 / 3), n(2 / 3)],
  });
  const c2 = b.addInfoset({ player: -1, label: 'sure', actions: ['only'], probs: [n(1)] });
  const o = (x: number) => b.addOutcome({ label: '', payoffs: [n(x)] });
  b.addNode(PERSONAL, d);
  b.addNode(CHANCE, c);
  b.addNode(TERMINAL, -1, o(3));
  b.addNode(TERMINAL, -1, o(0));
  b.addNode(CHANCE, c2, o(1));
  b.addNode(TERMINAL, -1, o(1));
  return b.finish();
}

describe('logit QRE by homotopy: hand-derived cases', () => {
  it('matching pennies: the QRE is uniform at every lambda, and so is the end point', () => {
    for (const lambda of [0.5, 3, 50]) {
      const q = logitStrategicAt(matchingPennies, lambda);
      expect(q.ok).toBe(true);
      expect(q.lambda).toBe(lambda);
      for (const row of q.profile.probs) for (const p of row) expect(p).toBeCloseTo(0.5, 12);
    }
    const lim = logitStrategicLimit(matchingPennies);
    expect(lim.profile.probs.flat()).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('one player, three strategies: p = softmax(lambda u); the end point picks the best strategy', () => {
    const u = [1, 2, 0.5];
    const g = makeStrategicGame([3], ([s]) => [u[s!]!]);
    const q = logitStrategicAt(g, 1.3);
    softmax(u, 1.3).forEach((p, i) => {
      expect(q.profile.probs[0]![i]).toBeCloseTo(p, 12);
    });
    const lim = logitStrategicLimit(g);
    expect(lim.profile.probs[0]![1]).toBeGreaterThan(1 - 1e-8);
    expect(lim.regret).toBeLessThan(1e-8 * 1.5);
  });

  it('tied payoffs stay tied: equal probabilities at every lambda and at the end point', () => {
    const g = makeStrategicGame([3], ([s]) => [[1, 1, 0][s!]!]);
    const q = logitStrategicAt(g, 4);
    expect(q.profile.probs[0]![0]).toBeCloseTo(q.profile.probs[0]![1]!, 14);
    softmax([1, 1, 0], 4).forEach((p, i) => {
      expect(q.profile.probs[0]![i]).toBeCloseTo(p, 12);
    });
    const lim = logitStrategicLimit(g);
    expect(lim.profile.probs[0]![0]).toBeCloseTo(0.5, 8);
    expect(lim.profile.probs[0]![1]).toBeCloseTo(0.5, 8);
  });

  it('2x2 with a dominant row, solved by hand: p = sigma(lambda), q = sigma(lambda (3p - 2))', () => {
    // Row: top beats bottom by 1 whatever the column. Column: left pays p, right pays 2(1 - p).
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
    for (const lambda of [0.7, 2, 6]) {
      const q = logitStrategicAt(g, lambda);
      const p = sigma(lambda);
      expect(q.profile.probs[0]![0]).toBeCloseTo(p, 12);
      expect(q.profile.probs[1]![0]).toBeCloseTo(sigma(lambda * (3 * p - 2)), 12);
    }
    // End point: (top, left), the unique equilibrium.
    const lim = logitStrategicLimit(g);
    expect(lim.profile.probs[0]![0]).toBeGreaterThan(1 - 1e-7);
    expect(lim.profile.probs[1]![0]).toBeGreaterThan(1 - 1e-7);
  });

  it('one-player extensive game with chance and an inner outcome: p = softmax(lambda [1, 2])', () => {
    const g = oneDecisionWithChance();
    const q = logitBehaviorAt(g, 0.9);
    softmax([1, 2], 0.9).forEach((p, i) => {
      expect(q.profile.probs[0]![i]).toBeCloseTo(p, 12);
    });
    // Chance information sets repeat their probabilities.
    expect(q.profile.probs[1]![0]).toBeCloseTo(1 / 3, 15);
    expect(q.profile.probs[2]).toEqual([1]);
  });

  it('zero-probability branches: responses to uniform beliefs at unreachable sets', () => {
    const g = zeroProbabilityBranch();
    const q = logitBehaviorAt(g, 1);
    // Player 1 (unreachable, singleton): L is worth 5, R 1.
    softmax([5, 1], 1).forEach((p, i) => {
      expect(q.profile.probs[0]![i]).toBeCloseTo(p, 12);
    });
    // Player 2 (two unreachable nodes, beliefs 1/2 each): x is worth 2, y 1.
    softmax([2, 1], 1).forEach((p, i) => {
      expect(q.profile.probs[1]![i]).toBeCloseTo(p, 12);
    });
    // The end point test (as gambit-logit's) ignores sets reached with probability zero, so the
    // centroid already passes it.
    const lim = logitBehaviorLimit(g);
    expect(lim.ok).toBe(true);
    expect(lim.lambda).toBe(0);
    expect(lim.profile.probs[0]).toEqual([0.5, 0.5]);
  });

  it('records the branch: starts at the centroid, every point solves the equations to the corrector tolerance', () => {
    const g = bimatrixGame(
      [
        [3, 0],
        [5, 1],
      ],
      [
        [3, 5],
        [0, 1],
      ],
    );
    const m = compileStrategic(g);
    const t = traceToLambda(m, 2, { recordBranch: true });
    const branch = t.branch!;
    expect(branch[0]!.lambda).toBe(0);
    expect(Array.from(branch[0]!.probs)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(branch.length).toBeGreaterThan(5);
    const work = makeWork(m);
    const u = new Float64Array(4);
    for (const b of branch) {
      actionValues(m, work, Float64Array.from(b.probs, Math.log), u);
      const p = softmax([u[0]!, u[1]!], b.lambda);
      expect(Math.abs(b.probs[0]! - p[0]!)).toBeLessThan(1e-4);
    }
  });

  it('payoffs of 1e19 are traced at unit scale (the branch is the same up to lambda * scale)', () => {
    const g = bimatrixGame(
      [
        [3e19, 0],
        [5e19, 1e19],
      ],
      [
        [3e19, 5e19],
        [0, 1e19],
      ],
    );
    const q = logitStrategicAt(g, 2e-19);
    const small = logitStrategicAt(
      bimatrixGame(
        [
          [3, 0],
          [5, 1],
        ],
        [
          [3, 5],
          [0, 1],
        ],
      ),
      2,
    );
    expect(q.ok).toBe(true);
    expect(q.lambda).toBe(2e-19);
    q.profile.probs.flat().forEach((p, i) => {
      expect(p).toBeCloseTo(small.profile.probs.flat()[i]!, 10);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Gambit's reference outputs

function compileOracle(g: OracleGame): LogitModel | undefined {
  let parsed: ReturnType<typeof readGame>;
  try {
    parsed = readGame(readGameText(g), g.gamePath);
  } catch {
    return undefined;
  }
  try {
    return parsed.kind === 'efg' ? compileExtensive(parsed.game) : compileStrategic(parsed.game);
  } catch {
    return undefined; // no perfect recall: Gambit refuses these too
  }
}

/** The profile of a logit.out end point ("NE" alone: an empty profile). */
function endPoint(text: string): number[] {
  const line = text.trim().split('\n').pop()!.trim();
  return line === 'NE' ? [] : line.replace(/^NE,/, '').split(',').map(Number);
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describeOracle('logit homotopy against gambit-logit', () => {
  const games = listOracleGames();

  it('lambda = 1: every logit_l1.out profile within 1e-6', () => {
    let total = 0;
    let close = 0;
    const misses: string[] = [];
    for (const g of games) {
      if (!hasReference(g, 'logit_l1')) continue;
      const ref = parseLogitLine(readOracleOutput(g, 'logit_l1.out'));
      const model = ref && compileOracle(g);
      if (!ref || !model) continue;
      total++;
      const t = traceToLambda(model, 1);
      const d = maxDiff(t.probs, ref.profile);
      if (t.ok && t.lambda === 1 && d < 1e-6) close++;
      else misses.push(`${g.name} (${d.toExponential(2)}, ${t.message})`);
    }
    console.log(
      `logit λ=1: ${close}/${total} within 1e-6${misses.length ? `; misses: ${misses.join(', ')}` : ''}`,
    );
    expect(total).toBeGreaterThan(100);
    expect(misses).toEqual([]);
  });

  it('end points: logit.out within 1e-4 wherever Gambit’s end point is an equilibrium; ours always is', () => {
    let total = 0;
    let close = 0;
    const gambitWrong: string[] = [];
    const problems: string[] = [];
    let oursSecs = 0;
    let gambitSecs = 0;
    for (const g of games) {
      if (!hasReference(g, 'logit')) continue;
      const text = readOracleOutput(g, 'logit.out');
      const model = text !== undefined && compileOracle(g);
      if (!model || !text || text.trim() === '') continue;
      total++;
      const ref = endPoint(text);
      const started = performance.now();
      const t = traceToLimit(model);
      oursSecs += (performance.now() - started) / 1000;
      gambitSecs += readMeta(g).logit?.secs ?? 0;
      const work = makeWork(model);
      const regretOf = model.kind === 'efg' ? agentRegret : nashRegret;
      const scale = model.payoffRange || 1;
      const ours = regretOf(model, work, t.theta);
      // Gambit stops at regret < 1e-8 x range; allow for its 10-digit printing.
      const theirs =
        ref.length === model.nVars ? regretOf(model, work, Float64Array.from(ref, Math.log)) : Number.NaN;
      if (!(t.ok && ours < 1e-8 * scale * (1 + 1e-6)))
        problems.push(`${g.name}: our end point has regret ${ours}`);
      if (theirs <= 1e-6 * scale) {
        const d = maxDiff(t.probs, ref);
        if (d < 1e-4) close++;
        else problems.push(`${g.name}: ${d.toExponential(2)} from Gambit's end point`);
      } else {
        gambitWrong.push(
          `${g.name} (Gambit's regret ${theirs.toExponential(2)}, ours ${ours.toExponential(2)})`,
        );
      }
    }
    console.log(
      `logit limit: ${close}/${total} within 1e-4, ${gambitWrong.length} where Gambit's end point has regret > 1e-6 × payoff range (agent regret for .efg, as gambit-logit's own test; Nash regret for .nfg): not an equilibrium to Gambit's tolerance, while ours is: ${gambitWrong.join('; ')}`,
    );
    console.log(
      `logit limit: ${oursSecs.toFixed(3)} s here for the ${total} games, gambit-logit -e recorded ${gambitSecs.toFixed(3)} s`,
    );
    expect(problems).toEqual([]);
    expect(close + gambitWrong.length).toBe(total);
    // The README's known case: gambit-logit stops at a bifurcation of contrib/games/2x2x2.nfg.
    expect(gambitWrong.some((s) => s.startsWith('contrib__games__2x2x2.nfg'))).toBe(true);
  });

  it('the README example: Gambit stalls on 2x2x2.nfg with player 3 regret 0.21; we go through the bifurcation to an equilibrium', () => {
    const g = games.find((x) => x.name === 'contrib__games__2x2x2.nfg');
    if (!g) return;
    const model = compileOracle(g)!;
    const ref = endPoint(readOracleOutput(g, 'logit.out')!);
    const work = makeWork(model);
    expect(nashRegret(model, work, Float64Array.from(ref, Math.log))).toBeGreaterThan(0.2);
    const t = traceToLimit(model);
    expect(t.throughBifurcation).toBe(true);
    expect(t.regret).toBeLessThan(1e-8 * model.payoffRange);
  });
});
