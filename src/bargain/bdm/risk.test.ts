import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../../test/support/oracle.js';
import { parseActorsCsv } from './read-actors.js';
import { riskExponents } from './risk.js';
import { weightedMedian } from './weighted-median.js';

const BDM_DIR = join(SHARED_DIR, 'oracle', 'bdm');
const haveOracle = existsSync(BDM_DIR);
if (!haveOracle) console.warn(`[brink tests] ${BDM_DIR} not found: the BDM round-0 figures are not checked.`);
const describeBdm = haveOracle ? describe : describe.skip;

describeBdm('round 0 of the EU example (../shared/oracle/bdm)', () => {
  const file = join(BDM_DIR, 'eu-example-actors.csv');
  const { actors } = haveOracle ? parseActorsCsv(readFileSync(file, 'utf8'), file) : { actors: [] };
  const x = actors.map((a) => a.position);

  it('reproduces the published figures: median 7.0 and r to 3 decimals (dyad denominator, net votes)', () => {
    expect(weightedMedian(actors, x)).toBe(7);
    const { risk, degenerate } = riskExponents(actors, x, 6, { winDenominator: 'dyad', winNumerator: 'net' });
    expect(degenerate).toBe(false);
    const r = Object.fromEntries(actors.map((a, i) => [a.name, Number(risk[i]!.toFixed(3))]));
    expect(r).toMatchObject({ Netherlands: 1.127, Belgium: 0.781, Luxembourg: 0.5, UK: 2.0, Ireland: 0.525 });
    // The others, not published: same position and salience → same security, same r.
    expect(r).toMatchObject({ Germany: 1.127, France: 1.078, Italy: 1.078, Denmark: 1.472, Greece: 1.14 });
  });

  it('the other readings of P_ij give other exponents (so the published ones pin the net numerator)', () => {
    const r = (winDenominator: 'dyad' | 'all-dyads', winNumerator: 'net' | 'positive') =>
      riskExponents(actors, x, 6, { winDenominator, winNumerator }).risk.map((v) => Number(v.toFixed(3)));
    // Order: Netherlands, Belgium, Luxembourg, Germany, France, Italy, UK, Ireland, Denmark, Greece.
    expect(r('dyad', 'positive')).toEqual([1.117, 1.004, 0.5, 1.117, 1.018, 1.018, 2, 0.648, 1.454, 1.557]);
    // The port's (Scholz's code) reading: the round-0 exponents that drive its round 1.
    expect(r('all-dyads', 'positive')).toEqual([
      1.406, 0.754, 0.509, 1.406, 1.047, 1.047, 1.965, 0.5, 2, 1.112,
    ]);
  });

  it('the scale only rescales expected utilities, not the exponents, at r = 1', () => {
    const a = riskExponents(actors, x, 6, { winDenominator: 'dyad', winNumerator: 'net' }).risk;
    const b = riskExponents(actors, x, 10, { winDenominator: 'dyad', winNumerator: 'net' }).risk;
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i]!, 12));
  });
});

describe('riskExponents when all securities are equal', () => {
  it('everyone at one position: securities 0, the formula is 0/0, flagged and r = 1', () => {
    const actors = ['A', 'B', 'C'].map((name, i) => ({
      name,
      capability: 1 + i,
      salience: 0.5,
      position: 5,
    }));
    const out = riskExponents(actors, [5, 5, 5], 10, { winDenominator: 'dyad', winNumerator: 'net' });
    expect(out.degenerate).toBe(true);
    expect(out.security).toEqual([0, 0, 0]);
    expect(out.risk).toEqual([1, 1, 1]);
  });

  it('two symmetric actors: equal non-zero securities are degenerate too', () => {
    // A at 0 and B at 10, equal weights: P = 1/2 with positive votes; EU = 2·1·(1 − 2·0.5·0.5) = 1 each.
    const actors = [
      { name: 'A', capability: 1, salience: 0.5, position: 0 },
      { name: 'B', capability: 1, salience: 0.5, position: 10 },
    ];
    const out = riskExponents(actors, [0, 10], 10, { winDenominator: 'dyad', winNumerator: 'positive' });
    expect(out.security[0]).toBeCloseTo(1, 14);
    expect(out.security[1]).toBeCloseTo(1, 14);
    expect(out.degenerate).toBe(true);
    expect(out.risk).toEqual([1, 1]);
  });
});
