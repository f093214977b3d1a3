// The example scenarios in scenarios/examples, compiled and solved, against answers worked by hand
// (the working is in each file's header comment).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { perfectRecallViolation } from '../game/perfect-recall.js';
import { membersOf } from '../game/tree.js';
import { type CompiledGame, compileGame, pathTo } from './compile.js';
import { meanParameters } from './draw.js';
import { loadScenario } from './load-file.js';
import { parseScenario } from './load.js';
import type { Model } from './model.js';
import { type Solution, solveCompiled } from './solve.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../scenarios/examples');
const file = (name: string) => join(EXAMPLES, `${name}.yaml`);

function build(model: Model): CompiledGame {
  return compileGame(model, meanParameters(model));
}

/** Leaves as "path => payoffs". */
function leaves(cg: CompiledGame): string[] {
  const np = cg.model.actors.length;
  return Array.from(cg.leaves.node, (n, leaf) => {
    const path = pathTo(cg, n)
      .map((s) => s.choice)
      .join(' ');
    return `${path} => ${Array.from(cg.leaves.payoff.subarray(leaf * np, leaf * np + np)).join(',')}`;
  });
}

/** The pure action chosen at each personal information set, by label. */
function choices(cg: CompiledGame, s: Solution): Record<string, string> {
  const out: Record<string, string> = {};
  cg.game.infosets.forEach((h, i) => {
    if (h.player < 0) return;
    const a = s.profile.probs[i]!.indexOf(1);
    out[h.label] = a < 0 ? 'mixed' : h.actions[a]!;
  });
  return out;
}

describe('chicken.yaml', () => {
  const model = loadScenario(file('chicken'));

  test('simultaneous moves: one information set for beta, and the payoff matrix', () => {
    const cg = build(model);
    const members = membersOf(cg.game);
    expect(cg.game.infosets.map((h, i) => `${h.label}:${members[i]!.length}`)).toEqual([
      'alpha_move:1',
      'beta_move:2',
    ]);
    expect(leaves(cg)).toEqual([
      'swerve swerve => 0,0',
      'swerve straight => -1,1',
      'straight swerve => 1,-1',
      'straight straight => -10,-10',
    ]);
    // The crash is a kinetic cost; backing down alone a reputational one.
    expect(Array.from(cg.leaves.terms.subarray(3 * 8, 4 * 8))).toEqual([0, 10, 0, 0, 0, 10, 0, 0]);
    expect(Array.from(cg.leaves.terms.subarray(1 * 8, 2 * 8))).toEqual([0, 0, 1, 0, 1, 0, 0, 0]);
  });

  test('simultaneous moves are solved by logit QRE: symmetric, at the fixed point of p = σ(λ(1 − 10p))', () => {
    const cg = build(model);
    const s = solveCompiled(cg);
    expect(s.method).toBe('logit-qre');
    expect(s.lambda).toBeCloseTo(0.3, 10);
    // Against an opponent going straight with probability p: straight − swerve = (1 − 11p) − (−p) = 1 − 10p.
    const lambda = 0.3;
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 80; k++) {
      const p = (lo + hi) / 2;
      if (p - 1 / (1 + Math.exp(-lambda * (1 - 10 * p))) > 0) hi = p;
      else lo = p;
    }
    const p = (lo + hi) / 2;
    expect(p).toBeCloseTo(0.3324, 4);
    expect(s.profile.probs[0]![1]).toBeCloseTo(p, 7);
    expect(s.profile.probs[1]![1]).toBeCloseTo(p, 7);
    // Expected crash cost: 10 p².
    expect(s.terms[0]![1]).toBeCloseTo(10 * p * p, 7);
    expect(s.leafProb.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test('when beta sees alpha move first: perfect information, solved by backward induction', () => {
    const text = readFileSync(file('chicken'), 'utf8').replace('    observes: []\n', '');
    const cg = build(parseScenario(text, 'chicken-sequential.yaml'));
    expect(cg.game.infosets.map((h) => h.label)).toEqual([
      'alpha_move',
      'beta_move | alpha_move=swerve',
      'beta_move | alpha_move=straight',
    ]);
    const s = solveCompiled(cg);
    expect(s.method).toBe('backward-induction');
    expect(s.ties).toBe(0);
    expect(choices(cg, s)).toEqual({
      alpha_move: 'straight',
      'beta_move | alpha_move=swerve': 'straight',
      'beta_move | alpha_move=straight': 'swerve',
    });
    expect(s.payoff).toEqual([1, -1]);
    expect(Array.from(s.leafProb)).toEqual([0, 0, 1, 0]);
  });
});

describe('fearon-bargaining.yaml', () => {
  const model = loadScenario(file('fearon-bargaining'));
  const cg = build(model);
  const s = solveCompiled(cg);

  test('the tree: 11 offers, each answered at its own information set', () => {
    expect(cg.game.nodes.count).toBe(1 + 11 + 22);
    expect(cg.game.infosets).toHaveLength(12);
    expect(cg.game.infosets[0]!.actions).toEqual([
      'x00',
      'x01',
      'x02',
      'x03',
      'x04',
      'x05',
      'x06',
      'x07',
      'x08',
      'x09',
      'x10',
    ]);
    // Offer 0.3: accept gives (0.3, 0.7); war gives (p − c_A, 1 − p − c_B) = (0.45, 0.33).
    expect(leaves(cg)[6]).toBe('x03 accept => 0.3,0.7');
    const war = Array.from(cg.leaves.payoff.subarray(7 * 2, 8 * 2));
    expect(war[0]).toBeCloseTo(0.45, 15);
    expect(war[1]).toBeCloseTo(0.33, 15);
    expect(perfectRecallViolation(cg.game)).toBeUndefined();
  });

  test('SPE: B accepts exactly the offers x ≤ p + c_B = 0.67, so A demands 0.6', () => {
    expect(s.method).toBe('backward-induction');
    const c = choices(cg, s);
    expect(c.offer).toBe('x06');
    const replies = Array.from({ length: 11 }, (_, k) => c[`reply | offer=x${String(k).padStart(2, '0')}`]);
    expect(replies).toEqual([
      'accept',
      'accept',
      'accept',
      'accept',
      'accept',
      'accept',
      'accept',
      'fight',
      'fight',
      'fight',
      'fight',
    ]);
    // The largest grid point not above p + c_B, from the parameters themselves.
    const [p, , cB] = Array.from(cg.params);
    expect(Math.floor((p! + cB!) * 10) / 10).toBe(0.6);
    expect(s.payoff[0]).toBeCloseTo(0.6, 12);
    expect(s.payoff[1]).toBeCloseTo(0.4, 12);
    expect(s.terms[0]![1]).toBe(0); // no war on the path: no kinetic cost
  });
});

describe('two-rung-ladder.yaml', () => {
  const model = loadScenario(file('two-rung-ladder'));
  const cg = build(model);
  const s = solveCompiled(cg);

  test('the tree: hold ends at once; escalation meets chance, then the defender', () => {
    expect(leaves(cg)).toEqual([
      'hold => 0,0',
      'escalate happened concede => 3.4,-6',
      'escalate happened fight => -3.7,-4',
      'escalate calm concede => 3.9,-2',
      'escalate calm fight => -3.2,-3',
    ]);
    expect(cg.game.nodes.count).toBe(9);
    expect(cg.game.infosets.map((h) => h.label)).toEqual([
      'opening',
      'response | opening=escalate, incident=happened',
      'response | opening=escalate, incident=calm',
      'incident',
    ]);
  });

  test('SPE path and expected costs match the hand computation', () => {
    expect(s.method).toBe('backward-induction');
    expect(choices(cg, s)).toEqual({
      opening: 'escalate',
      'response | opening=escalate, incident=happened': 'fight',
      'response | opening=escalate, incident=calm': 'concede',
    });
    expect(Array.from(s.leafProb)).toEqual([0, 0, 0.2, 0.8, 0]);
    const close = (xs: number[], ys: number[]) => {
      xs.forEach((x, i) => {
        expect(x).toBeCloseTo(ys[i]!, 12);
      });
    };
    close(s.payoff, [2.38, -2.4]);
    close(s.terms[0]!, [3.2, 0.7, 0, 0.12]);
    close(s.terms[1]!, [0, 0.8, 1.6, 0]);
    // Expected outcome state: tension 0.8·1 + 0.2·2; damages 0.2·3.5 and 0.2·4; conceded 0.8.
    close(s.state, [1.2, 0.7, 0.8, 0.8]);
  });
});
