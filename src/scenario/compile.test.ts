import { describe, expect, test } from 'vitest';
import { perfectRecallViolation } from '../game/perfect-recall.js';
import { childrenOf, membersOf } from '../game/tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from '../game/types.js';
import { type CompiledGame, compileGame, pathTo } from './compile.js';
import { ScenarioError } from './diagnostics.js';
import { meanParameters } from './draw.js';
import { parseScenario } from './load.js';

function compile(yaml: string, policies?: string[]): CompiledGame {
  const m = parseScenario(yaml, 's.yaml');
  return compileGame(m, meanParameters(m), { policies });
}

/** The diagnostics thrown while compiling, as `line:col: path — message`. */
function compileProblems(yaml: string, options: { policies?: string[]; maxNodes?: number } = {}): string[] {
  const m = parseScenario(yaml, 's.yaml');
  try {
    compileGame(m, meanParameters(m), options);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path} — ${d.message}`);
  }
  return [];
}

/** Leaves in preorder as "path => payoffs". */
function leafTable(cg: CompiledGame): string[] {
  const np = cg.model.actors.length;
  return Array.from(cg.leaves.node, (n, leaf) => {
    const path = pathTo(cg, n)
      .map((s) => `${s.step}=${s.choice}`)
      .join(' ');
    const pay = Array.from(cg.leaves.payoff.subarray(leaf * np, leaf * np + np)).join(',');
    return `${path} => ${pay}`;
  });
}

function infosetSummary(g: ExtensiveGame): string[] {
  const members = membersOf(g);
  return g.infosets.map((h, i) => `${h.player}|${h.label}|${h.actions.join(',')}|${members[i]!.length}`);
}

// A signalling skeleton: the US has a private type, Iran does not see it.
const SIGNAL = `
id: signal
title: Signal
actors:
  us: { kind: state }
  iran: { kind: state }
parameters:
  p_res: { value: 0.6, source: { judgement: "two camps in Washington" } }
state:
  damage: 0
ladders:
  us:
    open:
      rungs:
        deal: {}
        strike: { effects: { damage: 1 } }
  iran:
    reply:
      rungs:
        accept: {}
        fight: { effects: { damage: 2 } }
types:
  us_type:
    actor: us
    prior: { resolved: p_res, cautious: "1 - p_res" }
stages:
  - { id: us_move, actor: us }
  - { id: iran_move, actor: iran }
payoffs:
  us:
    gains: "if(us_type.resolved, 2, 1) * us_move.strike"
    C_kinetic: "state.damage"
  iran:
    C_kinetic: { strikes: "us_move.strike", war: "iran_move.fight * 3" }
`;

describe('expanding the template', () => {
  test('private types are drawn at the root and hidden from the other side', () => {
    const cg = compile(SIGNAL);
    const g = cg.game;
    // Root chance (2) → US (2 nodes) → Iran (4 nodes) → 8 leaves.
    expect(g.nodes.count).toBe(15);
    expect(Array.from(g.nodes.kind.subarray(0, 4))).toEqual([CHANCE, PERSONAL, PERSONAL, TERMINAL]);
    expect(infosetSummary(g)).toEqual([
      '0|us_move | us_type=resolved|deal,strike|1',
      '0|us_move | us_type=cautious|deal,strike|1',
      '1|iran_move | us_move=deal|accept,fight|2',
      '1|iran_move | us_move=strike|accept,fight|2',
      '-1|us_type|resolved,cautious|1',
    ]);
    expect(g.infosets[4]!.probs!.map((p) => p.value)).toEqual([0.6, 0.4]);
    expect(perfectRecallViolation(g)).toBeUndefined();
    expect(leafTable(cg)).toEqual([
      'us_type=resolved us_move=deal iran_move=accept => 0,0',
      'us_type=resolved us_move=deal iran_move=fight => -2,-3',
      'us_type=resolved us_move=strike iran_move=accept => 1,-1',
      'us_type=resolved us_move=strike iran_move=fight => -1,-4',
      'us_type=cautious us_move=deal iran_move=accept => 0,0',
      'us_type=cautious us_move=deal iran_move=fight => -2,-3',
      'us_type=cautious us_move=strike iran_move=accept => 0,-1',
      'us_type=cautious us_move=strike iran_move=fight => -2,-4',
    ]);
  });

  test('observed_by shows a type to another actor', () => {
    const g = compile(
      SIGNAL.replace('    actor: us\n    prior', '    actor: us\n    observed_by: [iran]\n    prior'),
    ).game;
    expect(infosetSummary(g).filter((s) => s.startsWith('1|'))).toEqual([
      '1|iran_move | us_type=resolved, us_move=deal|accept,fight|1',
      '1|iran_move | us_type=resolved, us_move=strike|accept,fight|1',
      '1|iran_move | us_type=cautious, us_move=deal|accept,fight|1',
      '1|iran_move | us_type=cautious, us_move=strike|accept,fight|1',
    ]);
  });

  test('the side table keeps every payoff part and the term totals', () => {
    const cg = compile(SIGNAL);
    const m = cg.model;
    expect(m.components.map((c) => `${m.actors[c.actor]}.${c.term}${c.part ? `.${c.part}` : ''}`)).toEqual([
      'us.gains',
      'us.C_kinetic',
      'iran.C_kinetic.strikes',
      'iran.C_kinetic.war',
    ]);
    // Leaf 3: resolved, strike, fight: damage 1 + 2 = 3.
    expect(Array.from(cg.leaves.parts.subarray(3 * 4, 4 * 4))).toEqual([2, 3, 1, 3]);
    expect(Array.from(cg.leaves.terms.subarray(3 * 8, 4 * 8))).toEqual([2, 3, 0, 0, 0, 4, 0, 0]);
    expect(Array.from(cg.leaves.state.subarray(3, 4))).toEqual([3]);
    expect(cg.nodeLeaf[cg.leaves.node[3]!]).toBe(3);
    expect(cg.steps).toEqual(['us_type', 'us_move', 'iran_move']);
  });

  test('the same inputs give an identical game', () => {
    const a = compile(SIGNAL);
    const b = compile(SIGNAL);
    const text = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text(a.game)).toBe(text(b.game));
    expect(text(a.leaves)).toBe(text(b.leaves));
  });
});

// Effects: all computed from the state before the move, then clamped to the variable's bounds.
const EFFECTS = `
id: fx
title: Effects
actors:
  a: { kind: state }
state:
  x: 1
  y: { default: 2, min: 0, max: 5 }
ladders:
  a:
    l:
      rungs:
        addset: { effects: { x: "state.y", y: { set: "state.x + 10" } } }
        mulmax: { effects: { x: { mul: 3 }, y: { max: 4 } } }
        minneg: { effects: { x: { min: -2 }, y: { add: -7 } } }
stages:
  - { id: s, actor: a }
payoffs:
  a: { gains: "state.x + 100 * state.y" }
`;

describe('effects', () => {
  test('add, set, mul, max, min, simultaneous and clamped', () => {
    const cg = compile(EFFECTS);
    // addset: x = 1 + 2 = 3; y = set(1 + 10) = 11 → clamped to 5.
    // mulmax: x = 1 · 3 = 3; y = max(2, 4) = 4.
    // minneg: x = min(1, −2) = −2; y = 2 − 7 → clamped to 0.
    expect(Array.from(cg.leaves.state)).toEqual([3, 5, 3, 4, -2, 0]);
    expect(Array.from(cg.leaves.payoff)).toEqual([503, 403, -2]);
  });
});

// Stages that happen only sometimes, options that end the episode, and chance events.
const FLOW = `
id: flow
title: Flow
actors:
  a: { kind: state }
  b: { kind: state }
parameters:
  q: { value: 0.25, source: { judgement: "illustration" } }
state:
  hits: 0
ladders:
  a:
    l:
      rungs:
        talk: { ends: true }
        push: {}
  b:
    r:
      rungs:
        yield: {}
        resist: { available: "luck.bad" }
stages:
  - { id: first, actor: a }
  - id: luck
    chance:
      bad: { prob: "q * 2", effects: { hits: 1 } }
      good: { prob: otherwise }
  - { id: second, actor: b }
  - { id: third, actor: a, when: "second.resist", options: [push] }
payoffs:
  a: { gains: "first.push - state.hits + third.played" }
  b: { gains: "second.resist" }
`;

describe('stage flow', () => {
  test('ends, when, otherwise and availability shape the tree', () => {
    const cg = compile(FLOW);
    expect(leafTable(cg)).toEqual([
      'first=talk => 0,0',
      'first=push luck=bad second=yield => 0,0',
      'first=push luck=bad second=resist third=push => 1,1',
      'first=push luck=good second=yield => 1,0',
    ]);
    const chance = cg.game.infosets.find((h) => h.label === 'luck')!;
    expect(chance.probs!.map((p) => p.value)).toEqual([0.5, 0.5]);
    // b sees the chance outcome, so after "good" it has one option only: its own information set.
    expect(infosetSummary(cg.game).filter((s) => s.startsWith('1|'))).toEqual([
      '1|second | first=push, luck=bad|yield,resist|1',
      '1|second | first=push, luck=good|yield|1',
    ]);
    // Preorder: root, talk leaf, chance, b (bad), yield leaf, a (third), leaf, b (good), leaf.
    expect(cg.game.nodes.count).toBe(9);
    expect(Array.from(childrenOf(cg.game, 0))).toEqual([1, 2]);
  });

  test('availability that depends on something the mover cannot see is an error', () => {
    const hidden = FLOW.replace(
      '  - { id: second, actor: b }',
      '  - { id: second, actor: b, observes: [first] }',
    );
    expect(compileProblems(hidden)).toEqual([
      "28:5: stages[2] — b cannot tell these histories apart at stage 'second' but is offered different options ([yield, resist] vs [yield]): availability depends on something it does not observe (after first=push, luck=good)",
    ]);
  });

  test('probabilities that do not form a distribution are reported at their formula', () => {
    expect(compileProblems(FLOW.replace('prob: "q * 2"', 'prob: "q * 5"'))).toEqual([
      '26:20: stages[1].chance.bad.prob — expected a probability between 0 and 1, got 1.25 (after first=push)',
    ]);
    expect(compileProblems(FLOW.replace('prob: otherwise', 'prob: 0.4'))).toEqual([
      '26:7: stages[1].chance — the probabilities add up to 0.9, not 1 (use prob: otherwise for the remainder) (after first=push)',
    ]);
  });

  test('a stage where no option is available is an error', () => {
    const none = FLOW.replace('yield: {}', 'yield: { available: "luck.bad" }');
    expect(compileProblems(none)).toEqual([
      "28:5: stages[2] — no option of b is available at stage 'second': give the stage a 'when' condition or make an option available (after first=push, luck=good)",
    ]);
  });

  test('too many nodes is an error, not a hang', () => {
    expect(compileProblems(FLOW, { maxNodes: 5 })).toEqual([
      '23:3: stages — the game has more than 5 nodes: prune options with availability conditions, merge stages, or raise maxNodes (after first=push, luck=bad, second=resist)',
    ]);
  });
});

describe('policies', () => {
  const WITH_POLICIES = `${FLOW}
policies:
  no_talk:
    rules: [{ stage: first, forbid: [talk] }]
  always_yield:
    rules: [{ stage: second, fix: yield, when: "luck.bad" }]
  force_resist:
    rules: [{ stage: second, fix: resist }]
`;
  test('forbid removes options, fix keeps one, when limits a rule', () => {
    expect(leafTable(compile(WITH_POLICIES, ['no_talk']))).toEqual([
      'first=push luck=bad second=yield => 0,0',
      'first=push luck=bad second=resist third=push => 1,1',
      'first=push luck=good second=yield => 1,0',
    ]);
    expect(leafTable(compile(WITH_POLICIES, ['no_talk', 'always_yield']))).toEqual([
      'first=push luck=bad second=yield => 0,0',
      'first=push luck=good second=yield => 1,0',
    ]);
  });

  test('a policy fixing an unavailable option, and an unknown policy, are errors', () => {
    expect(compileProblems(WITH_POLICIES, { policies: ['force_resist'] })).toEqual([
      "40:13: policies.force_resist.rules[0] — policy 'force_resist' fixes 'resist', which is not available here (after first=push, luck=good)",
    ]);
    expect(compileProblems(WITH_POLICIES, { policies: ['no_tlak'] })).toEqual([
      "35:3: policies — no policy named 'no_tlak' (did you mean 'no_talk'?); the scenario has: no_talk, always_yield, force_resist",
    ]);
  });
});

describe('perfect recall with partial observation', () => {
  test('a mover remembers what it saw and did even when a later stage observes nothing', () => {
    const yaml = `
id: recall
title: Recall
actors:
  a: { kind: state }
  b: { kind: state }
ladders:
  a: { l: { rungs: { up: {}, down: {} } } }
  b: { l: { rungs: { left: {}, right: {} } } }
stages:
  - { id: a1, actor: a }
  - { id: b1, actor: b }
  - { id: a2, actor: a, observes: [] }
payoffs:
  a: { gains: "a1.up + b1.left" }
  b: { gains: "b1.right" }
`;
    const g = compile(yaml).game;
    // a2 does not observe b1 but remembers its own a1: two information sets of two nodes each.
    expect(infosetSummary(g).filter((s) => s.startsWith('0|a2'))).toEqual([
      '0|a2 | a1=up|up,down|2',
      '0|a2 | a1=down|up,down|2',
    ]);
    expect(perfectRecallViolation(g)).toBeUndefined();
  });
});

describe('payoffs', () => {
  test('a payoff that is not finite is reported with the leaf', () => {
    const bad = SIGNAL.replace('C_kinetic: "state.damage"', 'C_kinetic: "log(state.damage)"');
    expect(compileProblems(bad)[0]).toBe(
      '32:16: payoffs.us.C_kinetic — the payoff formula gives -Infinity, expected a finite number (after us_type=resolved, us_move=deal, iran_move=accept)',
    );
  });

  test('parameter values are taken from the vector given', () => {
    const m = parseScenario(SIGNAL, 's.yaml');
    const cg = compileGame(m, Float64Array.from([0.9]));
    expect(cg.game.infosets[4]!.probs!.map((p) => p.value)).toEqual([0.9, 0.09999999999999998]);
    expect(() => compileGame(m, new Float64Array(0))).toThrow('expected 1 parameter values, got 0');
  });
});
