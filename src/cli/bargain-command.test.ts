// End-to-end tests of `brink bargain` (the built dist: npm test builds it first).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';
import { SHARED_DIR } from '../../test/support/oracle.js';
import { DEFAULT_BDM_OPTIONS, forecastBdm, parseActorsCsv } from '../bargain/bdm/index.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-bargain-'));
const EU_CSV = join(SHARED_DIR, 'oracle', 'bdm', 'eu-example-actors.csv');
const haveOracle = existsSync(EU_CSV);
if (!haveOracle) console.warn(`[brink tests] ${EU_CSV} not found: brink bargain forecast on it is skipped.`);

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const SMALL = `Actor,Capability,Position,Salience
A,1,0,1
B,0.9,10,1
C,0.1,4,0.1
`;

describe.skipIf(!haveOracle)('brink bargain forecast on the EU example (../shared/oracle/bdm)', () => {
  it('text: round 0 with the published risk exponents, the rounds, the forecast and the baseline', () => {
    const r = brink('bargain', 'forecast', EU_CSV);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Netherlands +4\.000 +-2\.6701 +1\.127$/m);
    expect(r.out).toMatch(/^UK +10\.000 +-8\.7601 +2\.000$/m);
    expect(r.out).toMatch(/^Netherlands +capitulation +Greece +4\.000 +7\.000 +-0\.4448 +0\.0056$/m);
    expect(r.out).toContain('Forecast (capability × salience weighted median, round 5): 7\n');
    expect(r.out).toContain('Baseline (capability × salience weighted mean, round 5):   6.866259749\n');
  });

  it('--json --port: the round-0 median and the port’s round-1 moves', () => {
    const r = brink('bargain', 'forecast', EU_CSV, '--port', '--rounds', '2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.options).toMatchObject({ winDenominator: 'all-dyads', compromise: 'scholz-code', rounds: 2 });
    expect(j.scale).toEqual([4, 10]);
    expect(j.rounds[0].median).toBe(7);
    expect(j.rounds[1].offers.map((o: { actor: string; to: number }) => [o.actor, o.to])).toEqual([
      ['Belgium', 8.415932315426764],
      ['Luxembourg', 7],
      ['Ireland', 4],
    ]);
    expect(j.rounds[1].mean).toBeCloseTo(7.461314378277189, 13);
  });
});

describe('brink bargain forecast', () => {
  it('--json is the library forecast: a weak actor at 4 gives in to A, then to B', () => {
    const small = file('small.csv', SMALL);
    const r = brink('bargain', 'forecast', small, '--rounds', '2', '--win-numerator', 'positive', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const lib = forecastBdm(parseActorsCsv(SMALL, small).actors, {
      ...DEFAULT_BDM_OPTIONS,
      rounds: 2,
      winNumerator: 'positive',
    });
    expect(j).toEqual(JSON.parse(JSON.stringify({ file: small, ...lib })));
    expect(j.rounds[0].actors.map((a: { risk: number }) => a.risk.toFixed(3))).toEqual([
      '2.000',
      '1.574',
      '0.500',
    ]);
    expect(
      j.rounds[1].offers.map((o: { actor: string; proposer: string; to: number }) => [
        o.actor,
        o.proposer,
        o.to,
      ]),
    ).toEqual([['C', 'A', 0]]);
    expect(
      j.rounds[2].offers.map((o: { actor: string; proposer: string; to: number }) => [
        o.actor,
        o.proposer,
        o.to,
      ]),
    ).toEqual([['C', 'B', 10]]);
    expect(j.forecast).toBe(0);
    expect(j.baseline).toBeCloseTo((0.9 * 10 + 0.01 * 10) / 1.91, 14);
  });

  it('a bad row exits 2 naming the file, the line and the field', () => {
    const bad = file('bad.csv', SMALL.replace('B,0.9,10,1', 'B,0.9,10,1.4'));
    const r = brink('bargain', 'forecast', bad);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`brink: ${bad}:3: actor B: salience 1.4 must be in [0, 1]\n`);
    const nan = file('nan.csv', SMALL.replace('C,0.1,4', 'C,lots,4'));
    expect(brink('bargain', 'forecast', nan).err).toBe(
      `brink: ${nan}:4: actor C: capability "lots" is not a number\n`,
    );
    const neg = file('neg.csv', SMALL.replace('C,0.1,4', 'C,-0.1,4'));
    expect(brink('bargain', 'forecast', neg).err).toContain(
      ':4: actor C: capability -0.1 must be a number ≥ 0',
    );
  });

  it('positions outside --scale, bad options and missing files exit 2', () => {
    const small = file('small2.csv', SMALL);
    const r = brink('bargain', 'forecast', small, '--scale', '0,8');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`brink: ${small}:3: actor B: position 10 is outside the issue's scale [0, 8]\n`);
    expect(brink('bargain', 'forecast', small, '--scale', '8').err).toContain(
      '--scale 8: expected LO,HI with LO < HI',
    );
    expect(brink('bargain', 'forecast', small, '--compromise', 'split').err).toContain(
      '--compromise split: expected one of least-move, scholz-code',
    );
    expect(brink('bargain', 'forecast', small, '--rounds', '-1').code).toBe(2);
    expect(brink('bargain', 'forecast', join(dir, 'none.csv')).code).toBe(2);
  });

  it('YAML with a scale; all agree with --all-agree error exits 2', () => {
    const y = file(
      'agree.yaml',
      'scale: [0, 10]\nactors:\n  - {name: A, capability: 1, position: 5, salience: 1}\n  - {name: B, capability: 1, position: 5, salience: 0.5}\n',
    );
    const ok = brink('bargain', 'forecast', y, '--rounds', '1', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).rounds[1].actors.map((a: { risk: number }) => a.risk)).toEqual([1, 1]);
    const r = brink('bargain', 'forecast', y, '--all-agree', 'error');
    expect(r.code).toBe(2);
    expect(r.err).toContain('round 0: every actor has the same security');
  });
});

describe('brink bargain range', () => {
  it('p = 0.6, c_A = 0.1, c_B = 0.15: [p − c_A, p + c_B] = [0.5, 0.75]', () => {
    const j = JSON.parse(
      brink('bargain', 'range', '--p', '0.6', '--cost-a', '0.1', '--cost-b', '0.15', '--json').out,
    );
    expect(j.low).toBeCloseTo(0.5, 15);
    expect(j.high).toBeCloseTo(0.75, 15);
    expect(j.width).toBeCloseTo(0.25, 15);
    expect(j.empty).toBe(false);
    const t = brink('bargain', 'range', '--p', '0.6', '--cost-a', '0.1', '--cost-b', '0.15').out;
    expect(t).toMatch(/^A's smallest acceptable share \(low\) +0\.5$/m);
    expect(t).toMatch(/^A's largest share B accepts \(high\) +0\.75$/m);
  });

  it('risk aversion of A (r_A = 0.5): low = (p − c_A)² = 0.25', () => {
    const j = JSON.parse(
      brink(
        'bargain',
        'range',
        '--p',
        '0.6',
        '--cost-a',
        '0.1',
        '--cost-b',
        '0.15',
        '--risk-a',
        '0.5',
        '--json',
      ).out,
    );
    expect(j.low).toBeCloseTo(0.25, 15);
    expect(j.high).toBeCloseTo(0.75, 15);
  });

  it('negative costs empty the range; bad input exits 2', () => {
    const t = brink('bargain', 'range', '--p', '0.6', '--cost-a', '-0.1', '--cost-b', '-0.15');
    expect(t.out).toContain('empty: no division of the pie is preferred to war by both');
    const r = brink('bargain', 'range', '--p', '1.5', '--cost-a', '0.1', '--cost-b', '0.1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('expected a probability in [0, 1], got 1.5');
    expect(brink('bargain', 'range', '--p', '0.5', '--cost-a', '0.1').err).toContain('--cost-b is required');
  });
});

describe('brink bargain offer', () => {
  it('uniform c_B on [0, 0.3], p = 0.5, c_A = 0.1: x* = p + (c̄ − c_A)/2 = 0.6, P(war) = (c̄ − c_A)/(2c̄) = 1/3', () => {
    const dist = '{dist: uniform, low: 0, high: 0.3}';
    const j = JSON.parse(
      brink('bargain', 'offer', '--p', '0.5', '--cost-a', '0.1', '--cost-b', dist, '--json').out,
    );
    expect(j.offer).toBeCloseTo(0.6, 12);
    expect(j.warProbability).toBeCloseTo(1 / 3, 12);
    // EU_A = x* · P(accept) + (p − c_A) · P(war) = 0.6 · 2/3 + 0.4 · 1/3 = 8/15.
    expect(j.expectedUtility).toBeCloseTo(8 / 15, 12);
    expect(j.method).toBe('closed-form');
    expect(j.input.costB).toEqual({ dist: 'uniform', low: 0, high: 0.3 });
    const t = brink('bargain', 'offer', '--p', '0.5', '--cost-a', '0.1', '--cost-b', dist).out;
    expect(t).toMatch(/^A's optimal share x\* +0\.6$/m);
    expect(t).toMatch(/^probability of war +0\.3333333333$/m);
  });

  it('a known cost (a number) is a point distribution: A asks p + c_B and there is no war', () => {
    const j = JSON.parse(
      brink('bargain', 'offer', '--p', '0.5', '--cost-a', '0.1', '--cost-b', '0.2', '--json').out,
    );
    expect(j.offer).toBeCloseTo(0.7, 12);
    expect(j.warProbability).toBe(0);
  });

  it('a distribution the scenario schema refuses exits 2 with its message', () => {
    const r = brink(
      'bargain',
      'offer',
      '--p',
      '0.5',
      '--cost-a',
      '0.1',
      '--cost-b',
      '{dist: uniform, low: 0.3, high: 0.1}',
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe('brink: --cost-b {dist: uniform, low: 0.3, high: 0.1}: high: expected low < high\n');
    expect(brink('bargain', 'offer', '--p', '0.5', '--cost-a', '0.1', '--cost-b', '[1, 2]').code).toBe(2);
  });
});
