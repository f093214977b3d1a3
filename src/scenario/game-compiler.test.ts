import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CompiledGame, compileGame } from './compile.js';
import { ScenarioError } from './diagnostics.js';
import { drawParameters } from './draw.js';
import { makeGameCompiler } from './game-compiler.js';
import { loadScenario } from './load-file.js';
import { parseScenario } from './load.js';
import type { Model } from './model.js';

function bytes(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Field by field, typed arrays byte for byte (so -0 and NaN payloads count). */
function expectSameGame(a: CompiledGame, b: CompiledGame): void {
  expect(a.model).toBe(b.model);
  expect(bytes(a.params).equals(bytes(b.params))).toBe(true);
  expect(a.policies).toEqual(b.policies);
  expect(a.steps).toEqual(b.steps);
  expect(bytes(a.nodeStep).equals(bytes(b.nodeStep))).toBe(true);
  expect(bytes(a.nodeLeaf).equals(bytes(b.nodeLeaf))).toBe(true);
  expect(a.leaves.count).toBe(b.leaves.count);
  for (const k of ['node', 'state', 'parts', 'terms', 'payoff'] as const) {
    expect(bytes(a.leaves[k]).equals(bytes(b.leaves[k])), `leaves.${k}`).toBe(true);
  }
  const ga = a.game;
  const gb = b.game;
  expect(Object.keys(ga)).toEqual(Object.keys(gb));
  expect([ga.title, ga.comment, ga.players]).toEqual([gb.title, gb.comment, gb.players]);
  const na = ga.nodes;
  const nb = gb.nodes;
  expect(na.count).toBe(nb.count);
  expect(na.label).toEqual(nb.label);
  for (const k of ['kind', 'infoset', 'outcome', 'parent', 'childStart', 'childList'] as const) {
    expect(bytes(na[k]).equals(bytes(nb[k])), `nodes.${k}`).toBe(true);
  }
  expect(ga.infosets).toEqual(gb.infosets);
  expect(ga.outcomes).toEqual(gb.outcomes);
  const text = (g: typeof ga) =>
    JSON.stringify({ ...g, nodes: 0 }, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  expect(text(ga)).toBe(text(gb));
}

function replayAgainstFull(model: Model, policies: string[], draws: number[], reuseBuffers = false) {
  const compiler = makeGameCompiler(model, { policies, labels: false, reuseBuffers });
  for (const d of draws) {
    const params = drawParameters(model, 3, d);
    const a = compiler.compile(params);
    const b = compileGame(model, params, { policies, labels: false });
    expectSameGame(a, b);
  }
  return compiler.stats;
}

describe('replaying draws of the US–Iran scenario', () => {
  const model = loadScenario(new URL('../../scenarios/us-iran-2026.yaml', import.meta.url).pathname);

  test('the baseline replayed equals a full compile, field by field', () => {
    expect(replayAgainstFull(model, [], [0, 1, 2])).toEqual({ full: 1, replayed: 2, copied: 0 });
  }, 120_000);

  test.each([['grand_bargain'], ['no_us_threat'], ['nuclear_public']])(
    'policy %s replayed with its leaves copied from the baseline of the same draw equals a full compile',
    (policy) => {
      const base = makeGameCompiler(model, { labels: false, reuseBuffers: true });
      const pol = makeGameCompiler(model, { policies: [policy], labels: false, reuseBuffers: true });
      for (const d of [0, 1, 2]) {
        const params = drawParameters(model, 5, d);
        const from = base.compile(params);
        expectSameGame(
          pol.compile(params, from),
          compileGame(model, params, { policies: [policy], labels: false }),
        );
      }
      expect(pol.stats).toEqual({ full: 1, replayed: 2, copied: 2 });
    },
    120_000,
  );

  test('a source with other parameter values is not copied from', () => {
    const base = makeGameCompiler(model, { labels: false });
    const pol = makeGameCompiler(model, { policies: ['grand_bargain'], labels: false });
    const p0 = drawParameters(model, 6, 0);
    const p1 = drawParameters(model, 6, 1);
    pol.compile(p0);
    base.compile(p0);
    const wrong = base.compile(p0);
    expectSameGame(
      pol.compile(p1, wrong),
      compileGame(model, p1, { policies: ['grand_bargain'], labels: false }),
    );
  }, 120_000);

  test.each([['grand_bargain'], ['segmented_reciprocity'], ['no_us_threat'], ['transactional']])(
    'policy %s replayed equals a full compile (buffers reused)',
    (policy) => {
      const stats = replayAgainstFull(model, [policy], [0, 1, 2, 3], true);
      expect(stats).toEqual({ full: 1, replayed: 3, copied: 0 });
    },
    120_000,
  );
});

// A ladder whose tree depends on the draw: the incident stage, an option's availability and a
// policy rule all read the parameter `gate`, drawn uniformly.
const GATED = `
id: gated
title: Gated
actors:
  a: { kind: state }
  b: { kind: state }
parameters:
  gate: { dist: uniform, low: 0, high: 1, source: { judgement: "test" } }
  q: { dist: uniform, low: 0.1, high: 0.4, source: { judgement: "test" } }
  cost: { dist: uniform, low: 1, high: 3, source: { judgement: "test" } }
state:
  tension: { default: 0, min: 0, max: 2 }
  damage: 0
  conceded: { default: 0, min: 0, max: 1 }
ladders:
  a:
    pressure:
      rungs:
        hold: {}
        escalate: { effects: { tension: { max: 1 } } }
  b:
    answer:
      rungs:
        concede: { rank: 0, effects: { conceded: { set: 1 } } }
        fight: { rank: 2, available: "GATE_AVAILABLE", effects: { tension: { add: 5 }, damage: { mul: 2 } } }
        stall: { rank: 1, effects: { damage: cost } }
stages:
  - { id: opening, actor: a }
  - id: incident
    when: "opening.escalate and GATE_WHEN"
    chance:
      happened: { prob: q, effects: { damage: 0.5 } }
      calm: { prob: otherwise }
  - { id: response, actor: b }
formulas:
  face: "state.conceded * (2 + 3 * incident.happened)"
payoffs:
  a:
    gains: "4 * state.conceded + if(incident.happened, gate, 0)"
    C_kinetic: "state.damage * cost"
    C_opportunity: "0.1 * state.tension"
  b:
    C_kinetic: state.damage
    C_reputation: face
policies:
  gated_fix:
    rules: [{ stage: response, fix: stall, when: "GATE_RULE" }]
`;

function gated(when = 'true', available = 'true', rule = 'true'): Model {
  return parseScenario(
    GATED.replace('GATE_WHEN', when).replace('GATE_AVAILABLE', available).replace('GATE_RULE', rule),
    'gated.yaml',
  );
}

describe('replay falls back to a full compile when the tree changes', () => {
  const draws = Array.from({ length: 12 }, (_, i) => i);

  test('a tree that does not depend on the draw is replayed', () => {
    expect(replayAgainstFull(gated(), [], draws)).toEqual({ full: 1, replayed: 11, copied: 0 });
    expect(replayAgainstFull(gated(), ['gated_fix'], draws)).toEqual({ full: 1, replayed: 11, copied: 0 });
  });

  test.each([
    ['a stage condition', gated('gate > 0.5')],
    ['an availability condition', gated('true', 'gate < 0.5')],
  ])('%s that reads a parameter', (_, model) => {
    const stats = replayAgainstFull(model, [], draws);
    expect(stats.full).toBeGreaterThan(1);
    expect(stats.replayed).toBeGreaterThan(0);
    expect(stats.full + stats.replayed).toBe(draws.length);
  });

  test('leaves copied from the unconstrained game while the rule and the tree change with the draw', () => {
    const model = gated('gate > 0.3', 'gate < 0.8', 'gate > 0.5');
    const base = makeGameCompiler(model, { labels: false, reuseBuffers: true });
    const pol = makeGameCompiler(model, { policies: ['gated_fix'], labels: false, reuseBuffers: true });
    for (let d = 0; d < 24; d++) {
      const params = drawParameters(model, 2, d);
      const from = base.compile(params);
      expectSameGame(
        pol.compile(params, from),
        compileGame(model, params, { policies: ['gated_fix'], labels: false }),
      );
    }
    expect(pol.stats.copied).toBeGreaterThan(0);
  });

  test('a policy rule condition that reads a parameter', () => {
    const stats = replayAgainstFull(gated('true', 'true', 'gate > 0.5'), ['gated_fix'], draws);
    expect(stats.full).toBeGreaterThan(1);
    expect(stats.full + stats.replayed).toBe(draws.length);
  });

  test('labels off is required for replay; with labels every draw is compiled in full', () => {
    const model = gated();
    const compiler = makeGameCompiler(model, {});
    for (const d of [0, 1]) {
      const params = drawParameters(model, 1, d);
      expect(compiler.compile(params)).toEqual(compileGame(model, params));
    }
    expect(compiler.stats).toEqual({ full: 2, replayed: 0, copied: 0 });
  });

  test('a draw with an invalid value gives the error of a full compile', () => {
    // q above 1 - 0.5 = 0.5 in some draws: a probability out of range.
    const bad = parseScenario(
      GATED.replace('GATE_WHEN', 'true')
        .replace('GATE_AVAILABLE', 'true')
        .replace('GATE_RULE', 'true')
        .replace('prob: q,', 'prob: "q + gate",'),
      'bad.yaml',
    );
    const compiler = makeGameCompiler(bad, { labels: false });
    let failures = 0;
    for (let d = 0; d < 12; d++) {
      const params = drawParameters(bad, 5, d);
      let want: unknown;
      try {
        want = compileGame(bad, params, { labels: false });
      } catch (e) {
        want = e;
      }
      if (want instanceof ScenarioError) {
        failures++;
        expect(() => compiler.compile(params)).toThrow(want.message);
      } else expectSameGame(compiler.compile(params), want as CompiledGame);
    }
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(12);
  });
});
