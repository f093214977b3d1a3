import { describe, expect, test } from 'vitest';
import { actionValues, expectedPayoffs } from '../game/behavior.js';
import { compileGame } from './compile.js';
import { drawParameters, meanParameters } from './draw.js';
import { parseScenario } from './load.js';
import { solveCompiled } from './solve.js';

// A crisis with a private US type that Iran does not see: imperfect information.
const SIGNAL = `
id: signal
title: Signal
defaults: { seed: 3, lambda: 2, draws: 10 }
actors:
  us: { kind: state }
  iran: { kind: state }
parameters:
  p_res: { dist: beta, alpha: 6, beta: 4, source: { judgement: "two camps in Washington" } }
  war: { dist: uniform, low: 2, high: 4, source: { judgement: "range of war costs" } }
ladders:
  us: { open: { rungs: { deal: {}, strike: {} } } }
  iran: { reply: { rungs: { accept: {}, fight: {} } } }
types:
  us_type:
    actor: us
    prior: { resolved: p_res, cautious: otherwise }
stages:
  - { id: us_move, actor: us }
  - { id: iran_move, actor: iran }
payoffs:
  us:
    gains: "if(us_type.resolved, 2, 1) * us_move.strike"
    C_kinetic: "iran_move.fight * if(us_type.resolved, 1, war)"
  iran:
    gains: "iran_move.fight * (1 - us_type.resolved) * us_move.strike * 2"
    C_kinetic: "us_move.strike + iran_move.fight"
`;

describe('solveCompiled', () => {
  const model = parseScenario(SIGNAL, 'signal.yaml');
  const cg = compileGame(model, meanParameters(model));

  test('imperfect information: agent logit QRE at the scenario λ', () => {
    const s = solveCompiled(cg);
    expect(s.method).toBe('logit-qre');
    expect(s.ok).toBe(true);
    expect(s.lambda).toBeCloseTo(2, 10);
    // Logit response at every information set: log(p_a / p_b) = λ (v_a − v_b).
    const av = actionValues(cg.game, s.profile);
    cg.game.infosets.forEach((h, i) => {
      if (h.player < 0) return;
      const [p0, p1] = s.profile.probs[i]!;
      const [v0, v1] = av[i]!;
      expect(Math.log(p1! / p0!)).toBeCloseTo(2 * (v1! - v0!), 6);
    });
  });

  test('expected payoffs equal the engine’s, and the terms add up to them', () => {
    const s = solveCompiled(cg);
    const engine = expectedPayoffs(cg.game, s.profile);
    s.payoff.forEach((u, a) => {
      expect(u).toBeCloseTo(engine[a]!, 12);
      const [g, k, r, o] = s.terms[a]!;
      expect(g! - k! - r! - o!).toBeCloseTo(u, 12);
    });
    expect(s.leafProb.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });

  test('λ can be overridden; backward induction is refused without perfect information', () => {
    expect(solveCompiled(cg, { lambda: 0 }).profile.probs[0]).toEqual([0.5, 0.5]);
    expect(() => solveCompiled(cg, { method: 'spe' })).toThrow(
      'backward induction needs perfect information',
    );
  });

  test('qre can be asked for in a game of perfect information', () => {
    const open = SIGNAL.replace(
      '    actor: us\n    prior',
      '    actor: us\n    observed_by: [iran]\n    prior',
    );
    const m = parseScenario(open, 'open.yaml');
    const g = compileGame(m, meanParameters(m));
    expect(solveCompiled(g).method).toBe('backward-induction');
    expect(solveCompiled(g, { method: 'qre', lambda: 1 }).method).toBe('logit-qre');
  });

  test('same seed and draw, byte-identical results', () => {
    const run = () => {
      const g = compileGame(model, drawParameters(model, 3, 5));
      const s = solveCompiled(g);
      return JSON.stringify({
        params: Array.from(g.params),
        probs: s.profile.probs,
        leaf: Array.from(s.leafProb),
        terms: s.terms,
      });
    };
    expect(run()).toBe(run());
  });
});
