// Fearon's tying-hands model read from the solved US–Iran game (q7-tying-hands.ts): its inputs are
// the game's own numbers — the audience cost the retreat pays is exactly us_rep_scale · audience_cost
// of the draw (payoffs.us.C_reputation.audience: the 0.1 for a denial is paid on both branches), the
// type priors are the scenario's, and credibility is the model's condition v − c ≥ −a.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { audienceCostEquilibrium } from '../../bargain/audience-costs.js';
import { compileGame } from '../../scenario/compile.js';
import { meanParameters, parameterRecord } from '../../scenario/draw.js';
import { loadScenario } from '../../scenario/load-file.js';
import { buildFrame, compileFeatures } from '../leaf-frame.js';
import { makeQreSolver } from '../solve-qre.js';
import { aggregateTyingHands } from './q7-public-vs-backchannel.js';
import { measureTyingHands, tyingHandsFeatures } from './q7-tying-hands.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));
const params = meanParameters(model);
const p = parameterRecord(model, params);
const cg = compileGame(model, params);
const qre = makeQreSolver().solve(cg, 10, 'baseline');
const frame = buildFrame(cg, qre.leafProb, compileFeatures(model, tyingHandsFeatures()));
const draw = measureTyingHands(frame);

describe('tying hands in the US–Iran game at the parameter means', () => {
  test('every cell of the announced-offer subgame is reached and the model is solved', () => {
    expect(draw.notApplicable).toBeUndefined();
    expect(draw.defender.every((d) => d !== undefined)).toBe(true);
    expect(draw.announced).toBeDefined();
    expect(draw.backchannel).toBeDefined();
  });

  test('the audience cost is us_rep_scale · audience_cost for both US types', () => {
    for (const d of draw.defender)
      expect(d!.audienceCost).toBeCloseTo(p.us_rep_scale! * p.audience_cost!, 12);
  });

  test('the type priors are the scenario’s: P(resolved) = us_hawks.influence', () => {
    const influence = p['us_hawks.influence'];
    expect(influence).toBeCloseTo(0.5, 12); // the mean of U(0.35, 0.65)
    const [resolved, cautious] = draw.defender;
    expect(resolved!.prior + cautious!.prior).toBeCloseTo(1, 12);
    expect(resolved!.prior).toBeCloseTo(influence!, 12);
  });

  test('credibility is v − c ≥ −a with the announcement and v − c ≥ 0 without', () => {
    for (const d of draw.defender) {
      expect(d!.credibleAnnounced).toBe(d!.value - d!.warCost >= -d!.audienceCost);
      expect(d!.credibleBackchannel).toBe(d!.value - d!.warCost >= 0);
    }
  });

  test('the equilibrium is the model’s for these inputs; an audience cost never makes a type less credible', () => {
    const d = draw.defender.map((x) => x!);
    const total = d[0]!.prior + d[1]!.prior;
    const warCost = (d[0]!.prior * d[0]!.warCost + d[1]!.prior * d[1]!.warCost) / total;
    expect(warCost).toBeGreaterThan(0);
    for (const x of d) if (x.credibleBackchannel) expect(x.credibleAnnounced).toBe(true);
    const agg = aggregateTyingHands([draw]);
    expect(agg.solved).toBe(1);
    expect(agg.types[0]!.threshold.mean).toBeCloseTo(d[0]!.warCost - d[0]!.value, 12);
    // With a = 0 a bluffer's ρ̂ is 1 (Fearon 1997): whenever Iran sometimes concedes, every type threatens.
    const back = draw.backchannel!;
    if (back.challengerConcedes > 0) expect(back.threat).toBeCloseTo(1, 12);
    const again = audienceCostEquilibrium({
      defender: d.map((x) => ({ prior: x.prior / total, value: x.value })),
      challenger: [{ prior: 1, stake: 1, war: -1 }],
      warCost,
      audienceCost: 0,
    });
    // A challenger who loses by war and gains by a retreat resists only while bluffs are likely.
    expect(again.kind).not.toBe('no-threat');
  });
});
