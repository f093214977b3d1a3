// A sweep against the full analysis on real draws of the bundled scenario (means equal to the last
// bits or nearly, intervals within the sketch's accuracy), and merges of summaries equal to one
// pass, byte for byte: on the real draws, and at 10⁶ synthetic draws cut into 16 shards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { analysisOfRun } from './analyze.js';
import { makeDrawContext, runDrawRange } from './draw-task.js';
import { DEAL_SUBCLASSES, FLAGS, OUTCOME_CLASSES } from './outcomes.js';
import { TERM_LABELS } from './policy-summary.js';
import { renderReport } from './report/render.js';
import { POLICY_RUNS } from './run-draws.js';
import type { Stat } from './stats.js';
import { SKETCH_ALPHA } from './summary/quantile-sketch.js';
import {
  type SweepRun,
  SweepSummary,
  measureSweep,
  mergeSweeps,
  sweepFigureNames,
  sweepLayout,
  sweepReport,
  sweepResults,
} from './sweep.js';

const FILE = join(import.meta.dirname, '../../scenarios/us-iran-2026.yaml');

function runOf(draws: number, seed = 3): SweepRun {
  return {
    version: 'test',
    scenarioFile: FILE,
    scenarioLabel: 'us-iran-2026.yaml',
    scenarioHash: 'h',
    title: 'T',
    scenarioId: 'us-iran-2026',
    seed,
    lambda: 10,
    draws,
    sampling: 'random',
    fixed: {},
  };
}

describe('sweep on real draws', () => {
  const model = parseScenario(readFileSync(FILE, 'utf8'), FILE);
  const lambda = model.spec.defaults.lambda;
  const settings = { seed: 3, lambda, total: 4, sampling: 'random' as const };
  const records = runDrawRange(makeDrawContext(model), settings, 0, 4);
  const layout = sweepLayout(model.actors);
  const run = { ...runOf(4), lambda };
  const sweepOf = (from: number, to: number) => {
    const s = new SweepSummary(run, layout);
    for (const r of records.slice(from, to)) s.addRecord(r);
    return s;
  };

  it('gives the full analysis’s means and, within α, its intervals', () => {
    const full = analysisOfRun({ model, seed: 3, draws: 4, lambda, sampling: 'random', records }).results;
    const sweep = sweepOf(0, 4);
    const stats = sweep.stats();
    const values = records.map((r) => measureSweep(layout, r));
    const names = sweepFigureNames(layout);
    const compare = (name: string, exact: Stat) => {
      const got = stats.get(name)!;
      expect(got.n, name).toBe(exact.n);
      // The full analysis adds in draw order, rounding at each step: its error is relative to Σ|x|.
      const xs = values.map((v) => v[names.indexOf(name)]!);
      const magnitude = Math.max(...xs.filter((x) => !Number.isNaN(x)).map(Math.abs), 0);
      expect(Math.abs(got.mean - exact.mean), name).toBeLessThanOrEqual(1e-15 * magnitude);
      // Relative accuracy when the draws' values share a sign, else α · max |x|.
      const sameSign = xs.every((x) => !(x < 0)) || xs.every((x) => !(x > 0));
      const scale = (q: number) => (sameSign ? Math.abs(q) : magnitude);
      for (const [a, b] of [
        [got.low, exact.low],
        [got.high, exact.high],
      ] as const)
        expect(Math.abs(a - b), name).toBeLessThanOrEqual(SKETCH_ALPHA * scale(b) * (1 + 1e-9) + 1e-12);
    };
    let compared = 0;
    OUTCOME_CLASSES.forEach((c, k) => {
      compare(`baseline.class.${c.id}`, full.q3.classes[k]!);
      compared++;
    });
    DEAL_SUBCLASSES.forEach((c, k) => compare(`baseline.deal.${c.id}`, full.q3.dealSub[k]!));
    FLAGS.forEach((f, k) => compare(`baseline.flag.${f.id}`, full.q3.flags[k]!));
    model.actors.forEach((a, i) =>
      TERM_LABELS.forEach((t, j) => {
        compare(`baseline.${a}.${t}`, full.costs.terms[i]![j]!);
        for (const p of full.costs.byPolicy) compare(`${p.policy}.${a}.${t}`, p.terms[i]![j]!);
        compared += 1 + full.costs.byPolicy.length;
      }),
    );
    expect(compared).toBe(6 + model.actors.length * TERM_LABELS.length * (1 + POLICY_RUNS.length));
    // Sanity of the figures themselves: a draw's six classes add up to 1.
    const classSum = OUTCOME_CLASSES.reduce((s, c) => s + stats.get(`baseline.class.${c.id}`)!.mean, 0);
    expect(classSum).toBeCloseTo(1, 12);
  });

  it('merges the summaries of draws [0, 2) and [2, 4) into that of [0, 4), byte for byte', () => {
    const whole = JSON.stringify(sweepOf(0, 4));
    const a = SweepSummary.fromJSON(JSON.parse(JSON.stringify(sweepOf(0, 2))), 'a');
    const b = SweepSummary.fromJSON(JSON.parse(JSON.stringify(sweepOf(2, 4))), 'b');
    expect(
      JSON.stringify(
        mergeSweeps([
          { file: 'b', summary: b },
          { file: 'a', summary: a },
        ]),
      ),
    ).toBe(whole);
    expect(
      JSON.stringify(
        mergeSweeps([
          { file: 'a', summary: a },
          { file: 'b', summary: b },
        ]),
      ),
    ).toBe(whole);
    // Draws in another order give the same summary too.
    const shuffled = new SweepSummary(run, layout);
    for (const r of [records[2]!, records[0]!, records[3]!, records[1]!]) shuffled.addRecord(r);
    expect(JSON.stringify(shuffled)).toBe(whole);
  });

  it('refuses overlaps, gaps and other runs', () => {
    const a = sweepOf(0, 2);
    expect(() =>
      mergeSweeps([
        { file: 'x', summary: a },
        { file: 'y', summary: sweepOf(1, 3) },
      ]),
    ).toThrow(/y: draws 1–1 are counted twice/);
    const gap = mergeSweeps([
      { file: 'x', summary: a },
      { file: 'z', summary: sweepOf(3, 4) },
    ]);
    expect(() => gap.checkComplete()).toThrow(/draws 2–2 are missing/);
    const other = new SweepSummary({ ...run, seed: 4 }, layout);
    expect(() =>
      mergeSweeps([
        { file: 'x', summary: a },
        { file: 'o', summary: other },
      ]),
    ).toThrow(/o: run.seed differs/);
    expect(() => SweepSummary.fromJSON({ ...JSON.parse(JSON.stringify(a)), formatVersion: 9 }, 'f')).toThrow(
      /f: field 'formatVersion'/,
    );
  });

  it('reports the outcome distribution, costs, policies and oil, with its method in the provenance', async () => {
    const s = sweepOf(0, 4);
    const doc = sweepReport(s);
    expect(doc.sections.map((x) => x.id)).toEqual(['outcomes', 'costs', 'policies', 'oil']);
    expect(String(doc.provenance.method)).toMatch(/exact sums.*DDSketch with relative accuracy 0.1 %/);
    const chart = doc.sections[0]!.blocks.find((b) => b.kind === 'bar-chart');
    expect(chart && chart.kind === 'bar-chart' && chart.bars).toHaveLength(6);
    const policies = doc.sections[2]!.blocks[0]!;
    expect(policies.kind === 'table' && policies.rows).toHaveLength(POLICY_RUNS.length);
    const json = JSON.parse(await renderReport({ ...doc, data: sweepResults(s) }, 'json'));
    expect(json.data.figures['baseline.class.regional_war'].mean).toBe(
      s.stats().get('baseline.class.regional_war')!.mean,
    );
    expect(json.data.draws).toBe(4);
  });
});

describe('sweep at scale (synthetic)', () => {
  it(
    'merges 16 shards of 10⁶ draws into the one-pass summary, bit for bit',
    { timeout: 600_000 },
    async () => {
      const layout = sweepLayout(['us'], ['baseline']);
      const width = sweepFigureNames(layout).length;
      const N = 1_000_000;
      // Deterministic synthetic figures of mixed magnitudes and signs, some NaN: value(d, i).
      const value = (d: number, i: number) => {
        let h = Math.imul(d ^ Math.imul(i, 0x9e3779b1), 0x85ebca6b) >>> 0;
        h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
        const u = ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
        if (i % 11 === 3 && u < 0.01) return Number.NaN;
        return i % 3 === 0 ? u : i % 3 === 1 ? (u - 0.4) * 10 ** (i % 7) : u ** 6;
      };
      const row = new Array<number>(width);
      const fill = (s: SweepSummary, from: number, to: number) => {
        for (let d = from; d < to; d++) {
          for (let i = 0; i < width; i++) row[i] = value(d, i);
          s.addDraw(d, row);
        }
        return s;
      };
      const run = runOf(N);
      const whole = fill(new SweepSummary(run, layout), 0, N);
      const shards = Array.from({ length: 16 }, (_, k) => {
        const from = Math.floor((k * N) / 16);
        const to = Math.floor(((k + 1) * N) / 16);
        const text = JSON.stringify(fill(new SweepSummary(run, layout), from, to));
        return { file: `part${k + 1}`, summary: SweepSummary.fromJSON(JSON.parse(text), `part${k + 1}`) };
      });
      // Merged in a scrambled order.
      const order = [5, 0, 15, 9, 2, 12, 7, 1, 14, 3, 10, 6, 13, 4, 11, 8];
      const merged = mergeSweeps(order.map((k) => shards[k]!));
      merged.checkComplete();
      expect(merged.drawCount).toBe(N);
      expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
      const a = await renderReport({ ...sweepReport(merged), data: sweepResults(merged) }, 'json');
      expect(a).toBe(await renderReport({ ...sweepReport(whole), data: sweepResults(whole) }, 'json'));
      // The mean of figure 0 (uniform draws) is that of the exact sum; near 1/2 as it should be.
      const m = whole.stats().get(sweepFigureNames(layout)[0]!)!;
      expect(m.n).toBe(N);
      expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.002);
      expect(Math.abs(m.low - 0.05)).toBeLessThan(0.002);
    },
  );
});
