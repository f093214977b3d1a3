import { describe, expect, it } from 'vitest';
import { DEFAULT_BDM_OPTIONS } from './model.js';
import { classifyOffer, playRound } from './offers.js';

describe('classifyOffer', () => {
  it('the octants of (EU_ij, EU_ji)', () => {
    expect(classifyOffer(0.2, 0.5, 'paper')).toBe('confrontation');
    expect(classifyOffer(0.5, 0.2, 'paper')).toBeUndefined(); // i would win: the other side moves
    expect(classifyOffer(-0.1, 0.3, 'paper')).toBe('compromise');
    expect(classifyOffer(-0.4, 0.3, 'paper')).toBe('capitulation');
    expect(classifyOffer(-0.4, 0.3, 'never')).toBeUndefined();
    expect(classifyOffer(-0.4, -0.3, 'paper')).toBeUndefined(); // status quo
  });
});

describe('playRound', () => {
  it('the compromise rule: least move (a compromise with A) or Scholz code (a confrontation with B)', () => {
    // On [0, 10], r = 1, positive votes over the dyad: A at 0 (c = s = 1), B at 10 (c = 0.9, s = 1),
    // C at 4 (c = s = 0.1). For C against A the votes are A −0.4, B 0.9·0.4 = 0.36, C 0.01·0.4 = 0.004,
    // so P_CA = 0.364/0.764 and P_AC = 0.4/0.764; with d = 0.4, EU = 2d (1 − 2 s_target (1 − P)):
    // EU_CA = 0.8 (1 − 2·0.4/0.764) = −0.0288/0.764, EU_AC = 0.8 (1 − 0.2·0.364/0.764) = 0.55296/0.764.
    // EU_AC > |EU_CA|: a compromise, C moves by 4 · 0.0288/0.55296 = 5/24 to 91/24.
    // B would beat C in a confrontation (6 away); A and B are exactly balanced (no offer).
    const actors = [
      { name: 'A', capability: 1, salience: 1, position: 0 },
      { name: 'B', capability: 0.9, salience: 1, position: 10 },
      { name: 'C', capability: 0.1, salience: 0.1, position: 4 },
    ];
    const input = { actors, positions: [0, 10, 4], range: 10, risks: [1, 1, 1] };
    const paper = playRound(input, { ...DEFAULT_BDM_OPTIONS, winNumerator: 'positive' });
    expect(paper.offers).toHaveLength(1);
    const o = paper.offers[0]!;
    expect([o.actor, o.proposer, o.kind]).toEqual(['C', 'A', 'compromise']);
    expect(o.euActor).toBeCloseTo(-0.0288 / 0.764, 14);
    expect(o.euProposer).toBeCloseTo(0.55296 / 0.764, 14);
    expect(paper.positions[2]).toBeCloseTo(91 / 24, 14);
    expect(paper.winProbability[2]![0]).toBeCloseTo(0.364 / 0.764, 14);

    const code = playRound(input, {
      ...DEFAULT_BDM_OPTIONS,
      winNumerator: 'positive',
      compromise: 'scholz-code',
    });
    expect(code.offers.map((x) => [x.actor, x.proposer, x.kind, x.to])).toEqual([
      ['C', 'B', 'confrontation', 10],
    ]);
  });
});
