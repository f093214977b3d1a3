// The leaf table behind every figure, on cases small enough to check by hand.
import { describe, expect, test } from 'vitest';
import { compileGame } from '../scenario/compile.js';
import { drawParameters, meanParameters } from '../scenario/draw.js';
import { makeGameCompiler } from '../scenario/game-compiler.js';
import { loadScenario } from '../scenario/load-file.js';
import { parseScenario } from '../scenario/load.js';
import {
  type LeafFrame,
  buildFrame,
  cellMass,
  column,
  compileFeatures,
  crossTab,
  expectation,
  mass,
  took,
} from './leaf-frame.js';
import { OUTCOME_CLASSES, flagIndex, leafClasses, measureOutcomes, outcomeFeatures } from './outcomes.js';
import { analysisFeatures } from './run-draws.js';

// A type (a: 1/4, b: 3/4), a move (go / stay), and a chance event after go (hit / miss).
const TINY = `
id: tiny
title: Tiny
actors: { x: { kind: state } }
parameters:
  q: { value: 0.25, source: { judgement: "test" } }
state: { v: 0 }
ladders:
  x:
    l:
      rungs:
        go: { effects: { v: 1 } }
        stay: {}
types:
  t: { actor: x, prior: { a: q, b: otherwise } }
stages:
  - { id: s1, actor: x }
  - id: s2
    when: s1.go
    chance:
      hit: { prob: 0.5, effects: { v: 2 } }
      miss: { prob: otherwise }
payoffs:
  x: { gains: state.v }
`;

function tinyFrame(): LeafFrame {
  const model = parseScenario(TINY, 'tiny.yaml');
  const cg = compileGame(model, meanParameters(model));
  // Leaves in preorder: a-go-hit, a-go-miss, a-stay, b-go-hit, b-go-miss, b-stay.
  const prob = Float64Array.from([0.1, 0.1, 0.05, 0.3, 0.3, 0.15]);
  return buildFrame(cg, prob, compileFeatures(model, ['state.v', 's1.go and t.b', 's2.played']));
}

describe('leaf frame of a tiny game', () => {
  test('histories: the choice index at every step, -1 where the stage did not happen', () => {
    const f = tinyFrame();
    expect(f.steps).toEqual(['t', 's1', 's2']);
    expect(Array.from(f.history)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, -1, 1, 0, 0, 1, 0, 1, 1, 1, -1]);
  });

  test('formulas evaluated with the leaf state and the moves on its path', () => {
    const f = tinyFrame();
    expect(Array.from(column(f, 'state.v'))).toEqual([3, 1, 0, 3, 1, 0]);
    expect(Array.from(column(f, 's1.go and t.b'))).toEqual([0, 0, 0, 1, 1, 0]);
    expect(Array.from(column(f, 's2.played'))).toEqual([1, 1, 0, 1, 1, 0]);
  });

  test('expectations and conditionals by hand', () => {
    const f = tinyFrame();
    // E[v] = 0.1·3 + 0.1·1 + 0.3·3 + 0.3·1 = 1.6; E[v | b] = (0.9 + 0.3) / 0.75 = 1.6.
    expect(expectation(f, column(f, 'state.v'))).toBeCloseTo(1.6, 12);
    expect(expectation(f, column(f, 'state.v'), took(f, 't', 'b'))).toBeCloseTo(1.6, 12);
    // P(hit | go) = (0.1 + 0.3) / 0.8 = 0.5; P(go) = 0.8.
    expect(expectation(f, took(f, 's2', 'hit'), took(f, 's1', 'go'))).toBeCloseTo(0.5, 12);
    expect(mass(f, took(f, 's1', 'go'))).toBeCloseTo(0.8, 12);
    // Conditioning on an event without probability gives NaN, not 0.
    expect(expectation(f, column(f, 'state.v'), new Uint8Array(6))).toBeNaN();
  });

  test('cross-tab of type and move', () => {
    const f = tinyFrame();
    const tab = crossTab(f, ['t', 's1']);
    expect(cellMass(tab, [0, 0])).toBeCloseTo(0.2, 12); // a, go
    expect(cellMass(tab, [0, 1])).toBeCloseTo(0.05, 12); // a, stay
    expect(cellMass(tab, [1, undefined])).toBeCloseTo(0.75, 12); // b
    expect(cellMass(tab, [undefined, 0])).toBeCloseTo(0.8, 12); // go
  });
});

describe('outcome classes on a synthetic leaf table', () => {
  /** Five leaves: war, deal, stand-off, no class, two classes. */
  function syntheticFrame(): LeafFrame {
    const n = 5;
    const columns = new Map<string, Float64Array>(outcomeFeatures().map((t) => [t, new Float64Array(n)]));
    const set = (formula: string, leaf: number) => {
      columns.get(formula)![leaf] = 1;
    };
    set('outcome_regional_war', 0);
    set('outcome_deal', 1);
    set('deal_nuclear_only', 1);
    set('outcome_coercive_standoff', 2);
    set('outcome_deal', 4);
    set('outcome_coercive_standoff', 4);
    set('leak.leaked', 1);
    set('leak.leaked', 2);
    return {
      cg: undefined as never,
      count: n,
      prob: Float64Array.from([0.1, 0.4, 0.3, 0.15, 0.05]),
      steps: [],
      history: new Int16Array(0),
      columns,
    };
  }

  test('each leaf gets the one class whose formula holds; none or several is flagged', () => {
    const f = syntheticFrame();
    expect(Array.from(leafClasses(f))).toEqual([0, 2, 5, -1, -1]);
  });

  test('class probabilities, deal kinds and flags are sums of leaf probabilities', () => {
    const f = syntheticFrame();
    const o = measureOutcomes(f, leafClasses(f));
    const p = Object.fromEntries(OUTCOME_CLASSES.map((c, k) => [c.id, o.classes[k]]));
    expect(p.regional_war).toBeCloseTo(0.1, 12);
    expect(p.deal).toBeCloseTo(0.4, 12);
    expect(p.coercive_standoff).toBeCloseTo(0.3, 12);
    expect(p.hormuz_disruption).toBe(0);
    expect(o.unclassified).toBeCloseTo(0.2, 12);
    // Sub-classes are read from their own formulas: nuclear-only on leaf 1 only.
    expect(o.dealSub[0]).toBe(0);
    expect(o.dealSub[1]).toBeCloseTo(0.4, 12);
    expect(o.dealSub[2]).toBe(0);
    // The leak flag holds on leaves 1 and 2: 0.4 + 0.3.
    expect(o.flags[flagIndex('leak')]).toBeCloseTo(0.7, 12);
  });
});

describe('frames of replayed draws', () => {
  // From the second frame of a tree on, the features are specialised to each leaf; the columns must
  // be those of the formulas evaluated whole.
  test('columns equal the formulas evaluated at every leaf, draw after draw', () => {
    const model = loadScenario(new URL('../../scenarios/us-iran-2026.yaml', import.meta.url).pathname);
    const features = analysisFeatures(model).baseline;
    for (const policies of [['grand_bargain'], ['no_us_threat']]) {
      const compiler = makeGameCompiler(model, { policies, labels: false, reuseBuffers: true });
      for (let d = 0; d < 3; d++) {
        const cg = compiler.compile(drawParameters(model, 2, d));
        const frame = buildFrame(cg, new Float64Array(cg.leaves.count), features);
        const S = frame.steps.length;
        const T = model.types.length;
        const ns = model.stateVars.length;
        for (let leaf = 0; leaf < cg.leaves.count; leaf += 7) {
          const env = new Float64Array(model.envSize);
          model.params.forEach((p, i) => {
            env[p.slot] = cg.params[i]!;
          });
          for (let s = 0; s < S; s++) {
            const c = frame.history[leaf * S + s]!;
            if (c < 0) continue;
            if (s < T) env[model.types[s]!.slots[c]!] = 1;
            else {
              const st = model.stages[s - T]!;
              env[st.choices[c]!.slot] = 1;
              env[st.playedSlot] = 1;
              if (st.rankSlot >= 0) env[st.rankSlot] = st.choices[c]!.rank;
            }
          }
          for (let k = 0; k < ns; k++) env[model.stateVars[k]!.slot] = cg.leaves.state[leaf * ns + k]!;
          features.texts.forEach((t, f) => {
            const want = features.evaluators[f]!(env);
            expect(Object.is(column(frame, t)[leaf], want), `${t} at leaf ${leaf}, draw ${d}`).toBe(true);
          });
        }
      }
    }
  }, 120_000);
});

describe('the frame of a policy game copied from the baseline of the same draw', () => {
  test('gathers the same columns, byte for byte, as evaluating them', () => {
    const model = loadScenario(new URL('../../scenarios/us-iran-2026.yaml', import.meta.url).pathname);
    const features = analysisFeatures(model);
    const base = makeGameCompiler(model, { labels: false });
    const pol = makeGameCompiler(model, { policies: ['nuclear_public'], labels: false });
    for (const d of [0, 1]) {
      const params = drawParameters(model, 8, d);
      const b = base.compile(params);
      const p = pol.compile(params, b);
      const baseFrame = buildFrame(
        b,
        new Float64Array(b.leaves.count).fill(1 / b.leaves.count),
        features.baseline,
      );
      const prob = new Float64Array(p.leaves.count).fill(1 / p.leaves.count);
      const gathered = buildFrame(p, prob, features.policy, baseFrame);
      const evaluated = buildFrame(p, prob, features.policy);
      if (d === 1) expect(p.copiedFrom?.game).toBe(b); // the second draw is a replay that copies
      for (const t of features.policy.texts) {
        const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
        expect(bytes(column(gathered, t)).equals(bytes(column(evaluated, t))), t).toBe(true);
      }
    }
  }, 120_000);
});
