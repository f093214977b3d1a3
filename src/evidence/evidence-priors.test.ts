import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileGame } from '../scenario/compile.js';
import { drawParameters } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';
import { withTypePriors } from '../scenario/type-priors.js';
import { evidencePriors } from './evidence-priors.js';
import { MODEL, obs } from './test-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('evidencePriors', () => {
  test("the set's posterior becomes the prior of its type", () => {
    // carrier seen (LR 2) and oil up (LR 2): odds 1:3 · 4 = 4:3 → 4/7; oil flat later is left out.
    const list = [obs(1, 'carrier', 'seen'), obs(2, 'oil', 'up'), obs(3, 'oil', 'flat', '2026-02-01')];
    const e = evidencePriors(MODEL, list, '2026-01-31');
    expect(e.priors.talks_intent!.time).toBeCloseTo(4 / 7, 12);
    expect(e.priors.talks_intent!.risk).toBeCloseTo(3 / 7, 12);
    expect(e.sets.map((s) => [s.set, s.type, s.reports, s.counted])).toEqual([
      ['intent', 'talks_intent', 2, 2],
    ]);
    expect(e.asOf).toBe('2026-01-31');
  });
  test('no evidence: the prior of the set', () => {
    expect(evidencePriors(MODEL, []).priors).toEqual({ talks_intent: { time: 0.25, risk: 0.75 } });
  });
});

describe('US–Iran: the posterior becomes the prior of talks_intent in the compiled game', () => {
  test('carrier arrived (A1) and terms of entry comprehensive (C3), by hand', () => {
    const model = loadScenario(join(ROOT, 'scenarios', 'us-iran-2026.yaml'));
    const e = evidencePriors(model.evidence!, [
      { ...obs(1, 'carrier_arrival', 'arrived'), scenario: 'us-iran-2026' },
      {
        ...obs(2, 'terms_of_entry', 'comprehensive_insisted', '2026-01-30', ['C', 3]),
        scenario: 'us-iran-2026',
      },
    ]);
    // (0.1703, 0.5456, 0.2841) × (0.9, 0.6, 0.6) × (0.8, 0.45, 0.75)^0.36
    // = (0.153270 · 0.922810, 0.327360 · 0.750164, 0.170460 · 0.901617)
    // = (0.141439, 0.245574, 0.153690) / 0.540703 → (0.261584, 0.454175, 0.284241).
    const want = [0.261584, 0.454175, 0.284241];
    const got = e.sets[0]!.posterior;
    want.forEach((p, i) => expect(got[i]).toBeCloseTo(p, 5));
    const m = withTypePriors(model, e.priors);
    const cg = compileGame(m, drawParameters(m, 1, 0));
    const info = cg.game.infosets.find((i) => i.label === 'talks_intent')!;
    expect(info.actions).toEqual(['buying_time', 'risk_control', 'legitimacy']);
    (info.probs ?? []).forEach((p, i) => expect(p.value).toBe(got[i]));
  });
});
