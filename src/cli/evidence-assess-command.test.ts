// End to end: `brink evidence assess` and `brink analyze --evidence` on the bundled US–Iran
// scenario, with observations logged by `brink evidence add` in a scratch database.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { brinkWithEnv } from '../../test/support/brink-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-assess-'));
const env = { BRINK_DB: join(dir, 'brink.db') };
const run = (...args: string[]) => brinkWithEnv(env, ...args);

// Prior (0.1703, 0.5456, 0.2841) × P(carrier arrived | h) = (0.9, 0.6, 0.6), graded A1 (w = 1):
// (0.153270, 0.327360, 0.170460) / 0.651090.
const AFTER_CARRIER = [0.15327 / 0.65109, 0.32736 / 0.65109, 0.17046 / 0.65109];

function add(indicator: string, state: string, reported: string, grade: [string, string]) {
  const r = run(
    'evidence',
    'add',
    '--indicator',
    indicator,
    '--state',
    state,
    '--event-date',
    reported,
    '--report-date',
    reported,
    '--source',
    'test',
    '--reliability',
    grade[0],
    '--credibility',
    grade[1],
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
}

function posterior(...args: string[]): number[] {
  const r = run('evidence', 'assess', '--format', 'json', ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out).data.sets[0].posterior;
}

function expectClose(a: readonly number[], b: readonly number[]) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 5));
}

describe('brink evidence assess', () => {
  beforeAll(() => {
    add('carrier_arrival', 'arrived', '2026-01-26', ['A', '1']);
    add('talks_oman', 'held', '2026-02-02', ['B', '2']);
  });

  test('the posterior after one exact report matches the hand computation', () => {
    expectClose(posterior('--as-of', '2026-01-31'), AFTER_CARRIER);
  });

  test('brink assess (the name issue 7 gives it) is the same command at the top level', () => {
    const top = run('assess', '--json', '--as-of', '2026-01-31');
    expect(top.code).toBe(0);
    expectClose(JSON.parse(top.out).data.sets[0].posterior, AFTER_CARRIER);
    expect(top.out).toBe(run('evidence', 'assess', '--json', '--as-of', '2026-01-31').out);
  });

  test('--as-of excludes later reports; a retraction restores the earlier posterior', () => {
    const both = posterior();
    // talks_oman held, B2 (w 0.64): (0.6, 0.85, 0.7)^0.64 on top of the carrier.
    const w = AFTER_CARRIER.map((p, h) => p * [0.6, 0.85, 0.7][h]! ** 0.64);
    const z = w.reduce((s, x) => s + x, 0);
    expectClose(
      both,
      w.map((x) => x / z),
    );
    const r = run('evidence', 'retract', '2', '--reason', 'wrong meeting');
    expect(r.code).toBe(0);
    expectClose(posterior(), AFTER_CARRIER);
  });

  test('the text report shows the ICD 203 words, the ACH matrix and the value of information', () => {
    const r = run('evidence', 'assess');
    expect(r.code).toBe(0);
    expect(r.out).toContain('roughly even chance');
    expect(r.out).toContain('ACH matrix');
    expect(r.out).toContain('value of information');
  });

  test('a scenario without an evidence section, or a bad date, is a clear error (exit 2)', () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(
      file,
      'id: p\ntitle: P\nactors: { us: { kind: state } }\nladders: { us: { l: { rungs: { a: {} } } } }\nstages: [{ id: s, actor: us }]\npayoffs: { us: {} }\n',
    );
    const r = run('evidence', 'assess', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the scenario has no evidence: section');
    const d = run('evidence', 'assess', '--as-of', '2026-13-01');
    expect(d.code).toBe(2);
    expect(d.err).toBe('brink: --as-of 2026-13-01: expected an ISO date YYYY-MM-DD\n');
  });
});

describe('brink analyze --evidence', () => {
  test("talks_intent's compiled prior is the posterior, and question 1 says so", () => {
    const r = run('analyze', '--draws', '1', '--evidence', '--format', 'json', '--no-save', '-q');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    // The compiled prior of talks_intent, read from the solved game's leaves.
    expectClose(
      report.data.q1.prior1.map((s: { mean: number }) => s.mean),
      AFTER_CARRIER,
    );
    expectClose(report.data.evidence.sets[0].posterior, AFTER_CARRIER);
    expect(report.provenance.evidence).toBe('priors of talks_intent from the evidence log (all reports)');
    const q1 = report.sections.find((s: { id: string }) => s.id === 'q1-talks-intent');
    expect(q1.blocks[1].text).toContain('Evidence-based prior');
  });

  test('without --evidence nothing changes; --as-of alone is refused', () => {
    const r = run('analyze', '--draws', '1', '--format', 'json', '--no-save', '-q');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.data.evidence).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('Evidence-based prior');
    const bad = run('analyze', '--draws', '1', '--as-of', '2026-01-31', '--no-save', '-q');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('brink: --as-of is only for --evidence\n');
  });
});
