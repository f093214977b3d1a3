import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bargainingRange } from '../bargain/fearon-range.js';
import { loadScenario } from '../scenario/load-file.js';
import { parseScenario } from '../scenario/load.js';
import { issueRange, negotiationSection, negotiationTrack } from './negotiation.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));

const ISSUES = [
  'enrichment_cap',
  'stockpile',
  'inspections',
  'ballistic_missiles',
  'proxies',
  'regional_security',
  'sanctions',
];

describe('negotiationTrack on the US–Iran scenario', () => {
  const r = negotiationTrack(model);

  test('the agenda of seeds 001 and 004 and the sixteen stakeholders of issue 5', () => {
    expect(r.issues.map((i) => i.id)).toEqual(ISSUES);
    expect(r.stakeholders.map((s) => s.id)).toEqual([
      'us',
      'us_hawks',
      'us_dealmakers',
      'congress',
      'khamenei',
      'irgc',
      'reformists',
      'israel',
      'saudi_arabia',
      'uae',
      'qatar',
      'oman',
      'e3',
      'russia',
      'china',
      'iaea',
    ]);
  });

  test('a forecast per issue, within its scale, with the median of every round', () => {
    for (const i of r.issues) {
      expect(i.forecast, i.id).toBeGreaterThanOrEqual(i.scale[0]);
      expect(i.forecast, i.id).toBeLessThanOrEqual(i.scale[1]);
      expect(i.medians, i.id).toHaveLength(6); // round 0 and the 5 default rounds
      expect(i.medians.at(-1), i.id).toBe(i.forecast);
      expect(i.baseline, i.id).toBeGreaterThanOrEqual(i.scale[0]);
      expect(i.baseline, i.id).toBeLessThanOrEqual(i.scale[1]);
    }
    // The IAEA is engaged on the nuclear file only.
    expect(r.issues.find((i) => i.id === 'inspections')!.engaged).toContain('iaea');
    expect(r.issues.find((i) => i.id === 'proxies')!.engaged).not.toContain('iaea');
  });

  test('the baseline of the enrichment cap is the capability × salience weighted mean, by hand', () => {
    // (capability, position, salience) of the sixteen stakeholders, as in the scenario file.
    const rows = [
      [1.0, 9, 0.9], // us
      [0.35, 10, 0.9], // us_hawks
      [0.35, 7, 0.9], // us_dealmakers
      [0.4, 10, 0.7], // congress
      [0.6, 3, 0.9], // khamenei
      [0.5, 0, 0.8], // irgc
      [0.15, 5, 0.5], // reformists
      [0.6, 10, 1.0], // israel
      [0.3, 7, 0.5], // saudi_arabia
      [0.2, 7, 0.4], // uae
      [0.15, 6, 0.4], // qatar
      [0.15, 5, 0.5], // oman
      [0.3, 6, 0.8], // e3
      [0.3, 3, 0.4], // russia
      [0.35, 4, 0.3], // china
      [0.2, 6, 0.5], // iaea
    ] as const;
    // Σ c·s = 4.355, Σ c·s·x = 29.415.
    const expected = 29.415 / 4.355;
    expect(
      rows.reduce((t, [c, x, s]) => t + c * s * x, 0) / rows.reduce((t, [c, , s]) => t + c * s, 0),
    ).toBeCloseTo(expected, 12);
    const enrichment = r.issues.find((i) => i.id === 'enrichment_cap')!;
    expect(enrichment.baseline).toBeCloseTo(expected, 12);
    expect(enrichment.us).toEqual({ position: 9, salience: 0.9, need: 'public' });
    expect(enrichment.iran).toEqual({ position: 3, salience: 0.9, need: 'any' });
  });

  test('the grand bargain is emptied by the null set on proxies (the US needs public caps, Iran ambiguity)', () => {
    const c = r.packages!.comparison;
    expect(r.packages!.principals).toEqual(['us', 'khamenei']);
    expect(c.grand.package).toBeNull();
    expect(c.grand.nashProduct).toBe(0);
    expect(c.grand.emptiedBy).toContainEqual({ issue: 'proxies', reason: 'verification-vs-ambiguity' });
    const proxies = r.packages!.input.issues.find((i) => i.name === 'proxies')!;
    expect(proxies.stances.map((s) => s.needs)).toEqual(['public', 'ambiguity']);
    // The nuclear file is not blocked: segmented tracks and the linked package agree on it.
    const k = ISSUES.indexOf('enrichment_cap');
    expect(c.segmented.package?.[k]).not.toBeNull();
    expect(c.linkedFeasible.package?.[k]).not.toBeNull();
    expect(c.linkedFeasible.package?.[ISSUES.indexOf('proxies')]).toBeNull();
    // Linking the feasible issues (logrolling) beats bargaining them one by one.
    expect(c.linkedFeasible.nashProduct).toBeGreaterThan(c.segmented.nashProduct);
    expect(c.segmented.nashProduct).toBeGreaterThan(0);
  });

  test('the report section: the forecast table and the package comparison naming the blocking issue', () => {
    const s = negotiationSection(r);
    expect(s.id).toBe('negotiation-agenda');
    const tables = s.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
    const forecast = tables[0]!;
    expect(forecast.kind === 'table' && forecast.rows.length).toBe(ISSUES.length);
    const packages = tables[1]!;
    expect(packages.kind === 'table' && packages.rows.map((row) => row[0])).toEqual([
      'grand bargain',
      'segmented deal',
      'linked feasible issues',
    ]);
    const list = s.blocks.find((b) => b.kind === 'list');
    expect(
      list?.kind === 'list' && list.items.some((t) => t.startsWith('proxies emptied the grand bargain')),
    ).toBe(true);
  });
});

describe('bargaining range per issue', () => {
  test('the positions both principals prefer to no deal, by hand and as Fearon’s range', () => {
    // US ideal 0.9, Iran 0.3 (a 0-10 issue at 9 and 3), no-deal share δ = 0.6: each side accepts
    // positions within δ × gap = 0.36 of its ideal, so the range is [0.54, 0.66], i.e. 5.4-6.6.
    const issue = {
      name: 'enrichment',
      verifiable: true,
      stances: [
        { ideal: 0.9, salience: 0.8, needs: 'any' as const },
        { ideal: 0.3, salience: 0.5, needs: 'any' as const },
      ] as const,
      disagreement: [-0.6 * 0.8 * 0.6, -0.6 * 0.5 * 0.6] as const,
    };
    const r = issueRange(issue, 'linear', [0, 10]);
    expect(r.empty).toBe(false);
    expect(r.low).toBeCloseTo(5.4, 12);
    expect(r.high).toBeCloseTo(6.6, 12);
    // Fearon (1995) on the segment between the ideals: p = 1/2, c_A = c_B = δ − 1/2.
    const f = bargainingRange({ p: 0.5, costA: 0.1, costB: 0.1 });
    expect(0.3 + f.low * 0.6).toBeCloseTo(r.low / 10, 12);
    expect(0.3 + f.high * 0.6).toBeCloseTo(r.high / 10, 12);
    // Below δ = 1/2 no deal beats every split for someone: the range is empty.
    const narrow = { ...issue, disagreement: [-0.4 * 0.8 * 0.6, -0.4 * 0.5 * 0.6] as const };
    expect(issueRange(narrow, 'linear', [0, 10]).empty).toBe(true);
    // Quadratic utilities: radius √(δ·gap) = √0.36 = 0.6 around each ideal → [0.3, 0.9].
    const q = issueRange(issue, 'quadratic', [0, 1]);
    expect([q.low, q.high].map((x) => Number(x.toFixed(12)))).toEqual([0.3, 0.9]);
  });

  test('the scenario’s issues get a range in the report', () => {
    const result = negotiationTrack(model);
    expect(result.packages!.ranges).toHaveLength(result.issues.length);
    const enrichment = result.issues.findIndex((i) => i.us !== undefined && i.iran !== undefined);
    const r = result.packages!.ranges[enrichment]!;
    const { us, iran } = result.issues[enrichment]!;
    const [lo, hi] = result.issues[enrichment]!.scale;
    const gap = Math.abs(us!.position - iran!.position) / (hi - lo);
    const delta = result.packages!.noDealShare;
    // The low end is δ·gap below the higher ideal, the high end δ·gap above the lower one (linear).
    const top = Math.max(us!.position, iran!.position);
    const bottom = Math.min(us!.position, iran!.position);
    expect(r.empty).toBe(false);
    expect(top - r.low).toBeCloseTo(delta * gap * (hi - lo), 9);
    expect(r.high - bottom).toBeCloseTo(delta * gap * (hi - lo), 9);
  });
});

describe('negotiationTrack without principals or without the section', () => {
  const text = `
id: t
title: T
actors: { us: { kind: state } }
ladders: { us: { l: { rungs: { a: {} } } } }
stages: [{ id: s1, actor: us }]
payoffs: { us: {} }
negotiation:
  issues:
    cap: { label: Cap, verifiable: true, source: { judgement: x } }
  stakeholders:
    a: { label: A, capability: 1, source: { judgement: x }, positions: { cap: { position: 2, salience: 1, source: { judgement: x } } } }
    b: { label: B, capability: 1, source: { judgement: x }, positions: { cap: { position: 8, salience: 0.5, source: { judgement: x } } } }
`;

  test('two stakeholders: the forecast is the weighted median, no package without the principals', () => {
    const r = negotiationTrack(parseScenario(text, 't.yaml'));
    expect(r.issues[0]!.baseline).toBeCloseTo((2 * 1 + 8 * 0.5) / 1.5, 12);
    expect(r.issues[0]!.forecast).toBeGreaterThanOrEqual(0);
    expect(r.packages).toBeUndefined();
    const p = negotiationTrack(parseScenario(text, 't.yaml'), { principals: ['b', 'a'] }).packages!;
    expect(p.input.issues[0]!.stances.map((s) => s.ideal)).toEqual([0.8, 0.2]);
    expect(p.comparison.grand.package).not.toBeNull();
    expect(negotiationSection(negotiationTrack(parseScenario(text, 't.yaml'))).blocks).toHaveLength(2);
  });

  test('a scenario without a negotiation section is refused', () => {
    const bare = text.slice(0, text.indexOf('negotiation:'));
    expect(() => negotiationTrack(parseScenario(bare, 't.yaml'))).toThrow(/no negotiation section/);
  });
});
