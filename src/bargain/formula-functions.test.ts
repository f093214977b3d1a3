import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { type CompiledGame, compileGame, pathTo } from '../scenario/compile.js';
import { ScenarioError } from '../scenario/diagnostics.js';
import { drawParameters, meanParameters } from '../scenario/draw.js';
import { type Binding, type Evaluator, compileFormula } from '../scenario/expr/compile.js';
import { FUNCTIONS, registerFunctions } from '../scenario/expr/functions.js';
import { DRAW, FREE, KNOWN, Specialiser } from '../scenario/expr/specialise.js';
import { makeGameCompiler } from '../scenario/game-compiler.js';
import { parseScenario } from '../scenario/load.js';
import { isCredible } from './audience-costs.js';
import { commitmentProblem, criticalShift, durabilityDiscount } from './commitment.js';
import { criticalRisk } from './critical-risk.js';
import { bargainingRange } from './fearon-range.js';
import { BARGAIN_FUNCTIONS, registerBargainFunctions } from './formula-functions.js';
import { optimalOffer } from './risk-return.js';

registerBargainFunctions();

/** A registered function applied to numbers, as a formula would. */
const call = (name: string, ...args: number[]): number => BARGAIN_FUNCTIONS[name]!.apply(args);

describe('the formula functions', () => {
  test('give the hand-derived values', () => {
    // Fearon: p = 0.6, c = (0.1, 0.15) → [0.5, 0.75].
    expect(call('fearon_low', 0.6, 0.1, 0.15)).toBeCloseTo(0.5, 15);
    expect(call('fearon_high', 0.6, 0.1, 0.15)).toBeCloseTo(0.75, 15);
    expect(call('fearon_width', 0.6, 0.1, 0.15)).toBeCloseTo(0.25, 15);
    expect(call('fearon_empty', 0.6, 0.1, 0.15)).toBe(0);
    // Risk-averse r = 0.5 at p = 0.5, c = 0.1: [0.4², 1 − 0.4²].
    expect(call('fearon_low', 0.5, 0.1, 0.1, 0.5, 0.5)).toBeCloseTo(0.16, 15);
    expect(call('fearon_high', 0.5, 0.1, 0.1, 0.5, 0.5)).toBeCloseTo(0.84, 15);
    // Risk-acceptant r = 2, no costs: empty.
    expect(call('fearon_empty', 0.5, 0, 0, 2, 2)).toBe(1);
    expect(call('fearon_width', 0.5, 0, 0, 2, 2)).toBe(0);
    // Uniform TIOLI: p = 0.4, c_A = 0.1, c̄ = 0.3 → x* = 0.4 + 0.1 = 0.5, war (0.3 − 0.1)/0.6 = 1/3.
    expect(call('tioli_offer_uniform', 0.4, 0.1, 0.3)).toBeCloseTo(0.5, 15);
    expect(call('tioli_war_prob_uniform', 0.4, 0.1, 0.3)).toBeCloseTo(1 / 3, 15);
    // c̄ = 0: B surely has no cost; A asks exactly p and war never comes.
    expect(call('tioli_offer_uniform', 0.4, 0.1, 0)).toBeCloseTo(0.4, 12);
    expect(call('tioli_war_prob_uniform', 0.4, 0.1, 0)).toBe(0);
    // Powell: δ = 0.9, c_D = 0.1, p_now = 0.6 → Δ* = 0.1 · 0.5 / 0.9 = 0.0556; a shift of 0.2 means war.
    expect(call('critical_shift', 0.6, 0.1, 0.9)).toBeCloseTo(0.05 / 0.9, 15);
    expect(call('powell_war', 0.6, 0.4, 0.1, 0.9)).toBe(1);
    expect(call('powell_war', 0.6, 0.58, 0.1, 0.9)).toBe(0);
    expect(call('critical_shift', 0.5, 0.1, 0.5)).toBe(Number.POSITIVE_INFINITY);
    // A deal surviving each term with q = 0.5 at δ = 0.8: b/(1 − 0.4).
    expect(call('durable_deal_value', 3, 0.5, 0.8)).toBeCloseTo(5, 14);
    // Critical risk (own − other)/(own − conflict): (10 − 6)/(10 − 2) = 0.5, clipped to [0, 1].
    expect(call('critical_risk', 10, 6, 2)).toBe(0.5);
    expect(call('critical_risk', 10, 12, 2)).toBe(0);
    expect(call('critical_risk', 10, 1, 2)).toBe(1);
    // Credible iff v − c ≥ −a.
    expect(call('credible_threat', 1, 3, 2.5)).toBe(1);
    expect(call('credible_threat', 1, 3, 1.5)).toBe(0);
  });

  test('compute exactly what the library models compute', () => {
    const grid = [0, 0.05, 0.3, 0.55, 0.9, 1];
    for (const p of grid) {
      for (const ca of grid) {
        for (const cb of grid) {
          const r = bargainingRange({ p, costA: ca, costB: cb, riskA: 0.7, riskB: 1.5 });
          expect(call('fearon_low', p, ca, cb, 0.7, 1.5)).toBe(r.low);
          expect(call('fearon_high', p, ca, cb, 0.7, 1.5)).toBe(r.high);
          expect(call('fearon_width', p, ca, cb, 0.7, 1.5)).toBe(r.width);
          const o = optimalOffer({ p, costA: ca, costB: { dist: 'uniform', low: 0, high: cb + 0.1 } });
          expect(call('tioli_offer_uniform', p, ca, cb + 0.1)).toBe(o.offer);
          expect(call('tioli_war_prob_uniform', p, ca, cb + 0.1)).toBe(o.warProbability);
          const delta = Math.min(0.95, cb);
          const w = commitmentProblem({ pNow: p, pLater: ca, costD: cb, delta });
          expect(call('powell_war', p, ca, cb, delta)).toBe(w.war ? 1 : 0);
          expect(call('critical_shift', p, cb, delta)).toBe(criticalShift(p, cb, delta));
          const d = durabilityDiscount({ benefit: ca, durability: p, delta, leverageValue: 0 });
          expect(call('durable_deal_value', ca, p, delta)).toBe(d.dealValue);
          expect(call('critical_risk', 2 + p, ca, cb - 1)).toBe(criticalRisk(2 + p, ca, cb - 1));
          expect(call('credible_threat', p, ca + 0.01, cb)).toBe(isCredible(p, ca + 0.01, cb) ? 1 : 0);
        }
      }
    }
  });

  test('give NaN for invalid arguments instead of throwing', () => {
    const bad: [string, number[]][] = [
      ['fearon_low', [1.2, 0.1, 0.1]],
      ['fearon_high', [0.5, Number.NaN, 0.1]],
      ['fearon_width', [0.5, 0.1, 0.1, 0, 1]],
      ['fearon_empty', [0.5, 0.1, Number.POSITIVE_INFINITY]],
      ['tioli_offer_uniform', [0.5, -0.1, 0.3]],
      ['tioli_offer_uniform', [0.5, 0.1, -0.3]],
      ['tioli_war_prob_uniform', [-0.5, 0.1, 0.3]],
      ['powell_war', [0.5, 0.4, 0.1, 1]],
      ['powell_war', [0.5, 0.4, -0.1, 0.5]],
      ['critical_shift', [0.5, 0.1, 1]],
      ['critical_shift', [Number.NaN, 0.1, 0.5]],
      ['durable_deal_value', [-1, 0.5, 0.5]],
      ['durable_deal_value', [1, 1.5, 0.5]],
      ['critical_risk', [1, 0, 1]],
      ['critical_risk', [1, Number.NaN, 0]],
      ['credible_threat', [1, 0, 1]],
      ['credible_threat', [1, 1, -1]],
      ['credible_threat', [Number.NaN, 1, 1]],
    ];
    for (const [name, args] of bad) expect(call(name, ...args), `${name}(${args})`).toBeNaN();
  });

  test('are all documented in the language reference, with their signatures', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../scenarios/examples/README.md'), 'utf8');
    for (const f of Object.values(BARGAIN_FUNCTIONS)) expect(readme).toContain(`| \`${f.signature}\` |`);
  });

  test('registering again is harmless; a clashing definition is refused', () => {
    registerBargainFunctions();
    registerBargainFunctions();
    expect(FUNCTIONS.fearon_low?.apply).toBe(BARGAIN_FUNCTIONS.fearon_low!.apply);
    expect(() =>
      registerFunctions({ fearon_low: { ...BARGAIN_FUNCTIONS.fearon_low!, apply: () => 0 } }),
    ).toThrow("cannot register the formula function 'fearon_low'");
    expect(call('fearon_low', 0.6, 0.1, 0.15)).toBeCloseTo(0.5, 15);
  });
});

// A take-it-or-leave-it offer in the shadow of war: A settles at the bottom of Fearon's range, or
// makes the optimal offer to a B of unknown cost; B's payoff records the other side of each.
const BARGAIN = `
id: bargain
title: Bargain
actors:
  a: { kind: state }
  b: { kind: state }
parameters:
  p: { value: 0.6, source: { judgement: "textbook" } }
  c_a: { value: 0.1, source: { judgement: "textbook" } }
  c_b: { value: 0.15, source: { judgement: "textbook" } }
  p_t: { value: 0.4, source: { judgement: "textbook" } }
  c_bar: { value: 0.3, source: { judgement: "textbook" } }
ladders:
  a:
    move:
      rungs:
        settle: {}
        offer: {}
stages:
  - { id: open, actor: a }
payoffs:
  a:
    gains: "if(open.settle, fearon_low(p, c_a, c_b), tioli_offer_uniform(p_t, c_a, c_bar))"
  b:
    gains: "if(open.settle, fearon_high(p, c_a, c_b), tioli_war_prob_uniform(p_t, c_a, c_bar))"
`;

function leaves(cg: CompiledGame): [string, number, number][] {
  return Array.from(cg.leaves.node, (n, leaf) => [
    pathTo(cg, n)
      .map((s) => s.choice)
      .join(' '),
    cg.leaves.payoff[2 * leaf]!,
    cg.leaves.payoff[2 * leaf + 1]!,
  ]);
}

function problemsOf(yaml: string): string[] {
  try {
    const m = parseScenario(yaml, 's.yaml');
    compileGame(m, meanParameters(m));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path} — ${d.message}`);
  }
  return [];
}

describe('in scenario formulas', () => {
  test('payoffs call the models', () => {
    const m = parseScenario(BARGAIN, 's.yaml');
    const [settle, offer] = leaves(compileGame(m, meanParameters(m)));
    expect(settle![0]).toBe('settle');
    expect(settle![1]).toBeCloseTo(0.5, 15);
    expect(settle![2]).toBeCloseTo(0.75, 15);
    expect(offer![0]).toBe('offer');
    expect(offer![1]).toBeCloseTo(0.5, 15);
    expect(offer![2]).toBeCloseTo(1 / 3, 15);
  });

  test('invalid arguments are reported at the payoff formula', () => {
    expect(problemsOf(BARGAIN.replace('p: { value: 0.6', 'p: { value: 1.6'))).toEqual([
      '23:12: payoffs.a.gains — the payoff formula gives NaN, expected a finite number (after open=settle)',
    ]);
  });

  test('a misspelt function gets a suggestion, and the wrong arity is reported', () => {
    expect(problemsOf(BARGAIN.replace('fearon_low(', 'fearon_lo('))).toEqual([
      "23:29: payoffs.a.gains — in formula: unknown function 'fearon_lo' (did you mean 'fearon_low'?)",
    ]);
    expect(problemsOf(BARGAIN.replace('fearon_low(p, c_a, c_b)', 'fearon_low(p, c_a)'))).toEqual([
      '23:29: payoffs.a.gains — in formula: fearon_low takes fearon_low(p, cost_a, cost_b[, risk_a, risk_b]) but was given 2 arguments',
    ]);
  });

  test('the replaying game compiler gives the same payoffs, bit for bit', () => {
    const yaml = BARGAIN.replace('p: { value: 0.6,', 'p: { dist: uniform, low: 0.2, high: 0.9,').replace(
      'c_bar: { value: 0.3,',
      'c_bar: { dist: uniform, low: 0, high: 0.5,',
    );
    const m = parseScenario(yaml, 's.yaml');
    const compiler = makeGameCompiler(m, { labels: false });
    for (let d = 0; d < 6; d++) {
      const params = drawParameters(m, 3, d);
      const a = compiler.compile(params).leaves.payoff;
      const b = compileGame(m, params, { labels: false }).leaves.payoff;
      expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength)).toEqual(
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      );
    }
    expect(compiler.stats.replayed).toBeGreaterThan(0);
  });
});

// The pattern of src/scenario/expr/specialise.test.ts: slots k1, k2 known (moves), p1, p2 per draw,
// s1, s2 free (state).
const SLOTS: Record<string, number> = { k1: 0, k2: 1, p1: 2, p2: 3, s1: 4, s2: 5 };
const CLS = Uint8Array.from([KNOWN, KNOWN, DRAW, DRAW, FREE, FREE]);
const FORMULAS = [
  'fearon_low(p1, s1, k1 * 0.1)',
  'fearon_high(p1, p2, s2, 1 + k2, 0.5) - fearon_width(s1, p1, p2)',
  'fearon_empty(p1, k1 - 1, s1)',
  'if(k1, tioli_offer_uniform(p1, p2, s1), tioli_war_prob_uniform(s2, k2 * 0.1, p1))',
  'powell_war(p1, s1, p2, 0.9) + critical_shift(p1, k2 * 0.05, s2)',
  'durable_deal_value(k1 + p1, s1, p2) * 2',
  'critical_risk(k1 + 2, s1, p2 - 1) + credible_threat(p1, k2 + 0.5, s2)',
  'fearon_low(0.6, 0.1, 0.15) + s1',
];
const VALUES = [0, -0, 1, 0.5, 0.25, 0.9, -0.3, 2, Number.NaN, Number.POSITIVE_INFINITY];

describe('the specialiser', () => {
  test('gives the same double as the full formula for registered functions', () => {
    const resolve = (n: string): Binding | undefined => (n in SLOTS ? { slot: SLOTS[n]! } : undefined);
    const fs: Evaluator[] = FORMULAS.map((t) => compileFormula(t, resolve));
    const sp = new Specialiser(CLS);
    let x = 5;
    const next = (): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    let finite = 0;
    for (let i = 0; i < 500; i++) {
      const pick = () => VALUES[Math.floor(next() * VALUES.length)]!;
      const known = () => [0, 1, 2][Math.floor(next() * 3)]!;
      const env = Float64Array.from([known(), known(), pick(), pick(), pick(), pick()]);
      const ids = fs.map((f) => sp.specialise(f, env));
      const full = new Float64Array(sp.envSize);
      full.set(env);
      sp.prepare(full);
      const byValue = ids.map((id) => sp.value(id, full));
      sp.run(sp.program(ids), full);
      fs.forEach((f, k) => {
        const want = f(env);
        if (Number.isFinite(want)) finite++;
        expect(Object.is(byValue[k], want), `${FORMULAS[k]} at ${Array.from(env)}`).toBe(true);
        expect(Object.is(full[sp.valueSlot(ids[k]!)], want), `${FORMULAS[k]} at ${Array.from(env)}`).toBe(
          true,
        );
      });
    }
    // Most calls get valid arguments (the NaN cases are covered too).
    expect(finite).toBeGreaterThan(0.3 * 500 * FORMULAS.length);
  });
});

// Worker threads parse the scenario themselves: the set-up of each worker entry point must register
// the functions there. The workers run the built modules (dist), which `npm test` builds first.
const DIST = join(import.meta.dirname, '../../dist/src');

/** In a fresh thread: is fearon_low known before, and after, the set-up function `entry` of `module`? */
async function inFreshThread(module: string, entry: string): Promise<string[]> {
  const code = `
    import { workerData, parentPort } from 'node:worker_threads';
    const setUp = (await import(workerData.module))[workerData.entry];
    const { parseExpr } = await import(workerData.parse);
    const probe = () => {
      try { parseExpr('fearon_low(0.6, 0.1, 0.15)'); return 'known'; } catch (e) { return e.message; }
    };
    const before = probe();
    // An empty scenario fails to parse; registration comes first.
    try { setUp({ scenarioText: '', scenarioFile: 'x.yaml', settings: {}, lambda: 1 }); } catch {}
    parentPort.postMessage([before, probe()]);
  `;
  const href = (f: string) => pathToFileURL(join(DIST, f)).href;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: { module: href(module), entry, parse: href('scenario/expr/parse.js') },
  });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe.skipIf(!existsSync(join(DIST, 'bargain/formula-functions.js')))('worker threads', () => {
  test.each([
    ['analysis/draw-task.js', 'contextOfJob'],
    ['analysis/sensitivity/point-task.js', 'contextOfPointJob'],
  ])('know the functions once %s %s has run', async (module, entry) => {
    expect(await inFreshThread(module, entry)).toEqual(["unknown function 'fearon_low'", 'known']);
  });
});
