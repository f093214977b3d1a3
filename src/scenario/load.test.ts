import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ScenarioError } from './diagnostics.js';
import { loadScenario } from './load-file.js';
import { parseScenario } from './load.js';

// A small valid scenario; tests edit single lines. Line numbers are 1-based, as reported.
const BASE = [
  'id: t', // 1
  'title: Test', // 2
  'actors:', // 3
  '  us: { kind: state }', // 4
  '  iran: { kind: state }', // 5
  'parameters:', // 6
  '  resolve:', // 7
  '    value: 0.5', // 8
  '    source: { judgement: "a guess" }', // 9
  'state:', // 10
  '  oil: 0', // 11
  'ladders:', // 12
  '  us:', // 13
  '    force:', // 14
  '      rungs:', // 15
  '        hold: {}', // 16
  '        strike:', // 17
  '          effects: { oil: "resolve * 2" }', // 18
  '  iran:', // 19
  '    reply:', // 20
  '      rungs:', // 21
  '        absorb: {}', // 22
  '        retaliate: { available: "open.strike" }', // 23
  'stages:', // 24
  '  - { id: open, actor: us }', // 25
  '  - { id: answer, actor: iran }', // 26
  'payoffs:', // 27
  '  us: { gains: "state.oil" }', // 28
  '  iran: { C_kinetic: "state.oil" }', // 29
];

function edit(changes: Record<number, string | null>, extra: string[] = []): string {
  const lines = BASE.map((l, i) => (i + 1 in changes ? changes[i + 1] : l)).filter(
    (l): l is string => l !== null,
  );
  return [...lines, ...extra].join('\n');
}

/** The diagnostics of a scenario text as `line:col: path — message`. */
function problems(text: string): string[] {
  try {
    parseScenario(text, 't.yaml');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const d of e.diagnostics) expect(d.file).toBe('t.yaml');
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path} — ${d.message}`);
  }
  return [];
}

describe('a valid scenario', () => {
  test('loads without problems', () => {
    expect(problems(BASE.join('\n'))).toEqual([]);
    const m = parseScenario(BASE.join('\n'), 't.yaml');
    expect(m.actors).toEqual(['us', 'iran']);
    expect(m.params.map((p) => p.name)).toEqual(['resolve']);
    expect(m.stages.map((s) => s.choices.map((c) => c.id))).toEqual([
      ['hold', 'strike'],
      ['absorb', 'retaliate'],
    ]);
  });

  test('the error message is the formatted list, file first', () => {
    try {
      parseScenario(edit({ 8: '    value: high' }), 'dir/t.yaml');
      throw new Error('should fail');
    } catch (e) {
      expect((e as Error).message).toBe(
        'dir/t.yaml:8:12: parameters.resolve.value — expected a number, got the text "high"',
      );
    }
  });
});

describe('shape errors (zod) point at the right line and field', () => {
  test('YAML syntax', () => {
    expect(problems('id: t\ntitle: [a, b\n')).toEqual([expect.stringMatching(/^3:1: \(YAML syntax\) — /)]);
    expect(problems('id: t\nid: u\n')[0]).toMatch(/^2:1: \(YAML syntax\) — Map keys must be unique/);
  });

  test('an alias without its anchor', () => {
    expect(problems('id: t\ntitle: *name\n')).toEqual([
      '2:8: (YAML) — Unresolved alias (the anchor must be set before the alias): name',
    ]);
  });

  test('a file that is not a map', () => {
    expect(problems('- a\n- b\n')).toEqual(['1:1: (top level) — expected a map (key: value), got a list']);
  });

  test('empty file', () => {
    expect(problems('')).toEqual([
      '1:1: (top level) — the file is empty: expected a scenario (id, title, actors, ladders, stages, payoffs)',
    ]);
  });

  test('wrong type at a nested path', () => {
    expect(problems(edit({ 8: '    value: high' }))).toEqual([
      '8:12: parameters.resolve.value — expected a number, got the text "high"',
    ]);
    expect(problems(edit({ 16: '        hold: { rank: low }' }))).toEqual([
      '16:23: ladders.us.force.rungs.hold.rank — expected a number, got the text "low"',
    ]);
  });

  test('unknown field, with the closest known field', () => {
    expect(problems(edit({ 18: '          efects: { oil: "resolve * 2" }' }))).toEqual([
      "18:11: ladders.us.force.rungs.strike.efects — unknown field 'efects' (did you mean 'effects'?)",
    ]);
  });

  test('missing source', () => {
    expect(problems(edit({ 9: null }))).toEqual([
      '7:3: parameters.resolve.source — every parameter needs a source: {seed: <file>, quote: <sentence>}, {fact: <id>}, "fact:<id>" or {judgement: <reason>}',
    ]);
  });

  test('a source of the wrong form is explained inside the form that was meant', () => {
    expect(problems(edit({ 9: '    source: { fact: 12 }' }))).toEqual([
      '9:21: parameters.resolve.source.fact — expected text, got number 12',
    ]);
    expect(problems(edit({ 9: '    source: { seed: "003.txt" }' }))).toEqual([
      '9:5: parameters.resolve.source.quote — missing: expected text',
    ]);
    expect(problems(edit({ 9: '    source: "my hunch"' }))).toEqual([
      '9:13: parameters.resolve.source — expected "fact:<id>" as text; other sources are {seed: <file>, quote: <sentence>} or {judgement: <reason>}',
    ]);
  });

  test('source shorthands and lists are accepted', () => {
    expect(problems(edit({ 9: '    source: fact:hormuz-oil-flow-2024' }))).toEqual([]);
    expect(problems(edit({ 9: '    source: [{ fact: a }, { seed: 003.txt, quote: "It is so." }]' }))).toEqual(
      [],
    );
  });

  test('unknown distribution, and a distribution missing an argument', () => {
    expect(problems(edit({ 8: '    dist: gaussian' }))).toEqual([
      '8:11: parameters.resolve.dist — expected one of point, uniform, triangular, normal, lognormal, beta, discrete, got the text "gaussian"',
    ]);
    expect(problems(edit({ 8: '    dist: uniform\n    low: 1' }))).toEqual([
      '7:3: parameters.resolve.high — missing: expected a number',
    ]);
    expect(problems(edit({ 8: '    dist: uniform\n    low: 1\n    high: 0' }))).toEqual([
      '10:11: parameters.resolve.high — expected low < high',
    ]);
    expect(problems(edit({ 8: '    dist: discrete\n    values: [1, 2]\n    probs: [0.5, 0.6]' }))).toEqual([
      '10:12: parameters.resolve.probs — expected probs that add up to 1',
    ]);
    expect(problems(edit({ 8: '    dist: beta\n    alpha: 0\n    beta: 2' }))).toEqual([
      '9:12: parameters.resolve.alpha — expected alpha > 0',
    ]);
  });

  test('actor kinds and what they require', () => {
    expect(problems(edit({ 5: '  iran: { kind: country }' }))).toEqual([
      '5:17: actors.iran.kind — expected one of state, faction, proxy, third-party, mediator, got the text "country"',
    ]);
    expect(problems(edit({ 5: '  iran: { kind: state }\n  hez: { kind: proxy }' }))).toEqual([
      '6:3: actors.hez.autonomy — expected an autonomy parameter for a proxy',
      '6:3: actors.hez.parent — expected a parent state for a proxy',
    ]);
    expect(
      problems(edit({ 5: "  iran: { kind: state, autonomy: { value: 1, source: 'fact:x' } }" })),
    ).toEqual(['5:34: actors.iran.autonomy — autonomy is only for proxies']);
  });

  test('a stage that is neither a decision nor a chance event', () => {
    expect(problems(edit({ 26: '  - { id: answer, actor: iran, chance: {} }' }))).toEqual([
      '26:5: stages[1] — expected a stage: {id, actor, options?, observes?, when?} or {id, chance: {outcome: {prob, effects?}}, when?}',
    ]);
    expect(problems(edit({ 26: '  - { id: answer, actor: iran, optons: [absorb] }' }))).toEqual([
      "26:32: stages[1].optons — unknown field 'optons' (did you mean 'options'?)",
    ]);
  });

  test('names must be identifiers', () => {
    expect(problems(edit({ 11: '  oil-flow: 0' }))).toEqual([
      '11:3: state["oil-flow"] — \'oil-flow\' is not a valid name: expected a name of letters, digits and _ that does not start with a digit',
    ]);
  });

  test('several problems are all reported, in file order', () => {
    expect(problems(edit({ 2: 'title: ""', 8: '    value: x' }))).toEqual([
      '2:8: title — expected non-empty text',
      '8:12: parameters.resolve.value — expected a number, got the text "x"',
    ]);
  });
});

describe('semantic errors', () => {
  test('unknown name in a formula: the exact column, and the closest name', () => {
    expect(problems(edit({ 18: '          effects: { oil: "resolv * 2" }' }))).toEqual([
      "18:28: ladders.us.force.rungs.strike.effects.oil — unknown name 'resolv' (did you mean 'resolve'?)",
    ]);
    expect(problems(edit({ 28: '  us: { gains: "2 * oil" }' }))).toEqual([
      "28:21: payoffs.us.gains — unknown name 'oil' (outcome-state variables are written 'state.oil')",
    ]);
  });

  test('the column inside a literal block formula', () => {
    expect(problems(edit({ 28: '  us:\n    gains: |\n      state.oil\n        + reslove' }))).toEqual([
      "31:11: payoffs.us.gains — unknown name 'reslove' (did you mean 'resolve'?)",
    ]);
  });

  test('a syntax error inside a formula', () => {
    expect(problems(edit({ 23: "        retaliate: { available: 'open.strike and' }" }))).toEqual([
      '23:49: ladders.iran.reply.rungs.retaliate.available — in formula: expected a number, a name or ( but found the end of the formula',
    ]);
  });

  test('an option that no stage offers is unreachable', () => {
    expect(problems(edit({ 25: '  - { id: open, actor: us, options: [hold] }' }))).toEqual([
      "17:9: ladders.us.force.rungs.strike — option 'strike' of us is never offered: no stage lists it (unreachable)",
      "23:34: ladders.iran.reply.rungs.retaliate.available — unknown name 'open.strike': option 'strike' is not offered at stage 'open'",
    ]);
  });

  test('cycles in formula definitions', () => {
    const text = `${BASE.join('\n')}\nformulas:\n  a: "b + 1"\n  b: { formula: "c * 2" }\n  c: "a"\n`;
    expect(problems(text)).toEqual(['31:6: formulas.a — formulas depend on themselves: a → b → c → a']);
  });

  test('payoff terms take part in cycles too', () => {
    expect(
      problems(edit({ 28: '  us: { gains: "iran.payoff" }', 29: '  iran: { C_kinetic: "us.gains" }' })),
    ).toEqual([
      '28:16: payoffs.us.gains — formulas depend on themselves: us.gains → iran.payoff → iran.C_kinetic → us.gains',
    ]);
  });

  test('undefined actors, options, state variables and stages', () => {
    expect(problems(edit({ 26: '  - { id: answer, actor: irn }' }))).toEqual([
      "22:9: ladders.iran.reply.rungs.absorb — option 'absorb' of iran is never offered: no stage lists it (unreachable)",
      "23:9: ladders.iran.reply.rungs.retaliate — option 'retaliate' of iran is never offered: no stage lists it (unreachable)",
      "26:26: stages[1].actor — 'irn' is not an actor (did you mean 'iran'?)",
    ]);
    expect(problems(edit({ 26: '  - { id: answer, actor: iran, options: [absorb, retaliat] }' }))).toEqual([
      "23:9: ladders.iran.reply.rungs.retaliate — option 'retaliate' of iran is never offered: no stage lists it (unreachable)",
      "26:50: stages[1].options[1] — 'retaliat' is not an option or ladder of iran (did you mean 'retaliate'?)",
    ]);
    expect(problems(edit({ 18: '          effects: { oill: "resolve * 2" }' }))).toEqual([
      "18:22: ladders.us.force.rungs.strike.effects.oill — 'oill' is not an outcome-state variable (did you mean 'oil'?)",
    ]);
    expect(problems(edit({ 26: '  - { id: answer, actor: iran, observes: [opn] }' }))).toEqual([
      "26:43: stages[1].observes[0] — 'opn' is not a type or an earlier stage (did you mean 'open'?)",
    ]);
  });

  test("at most one 'otherwise' per chance event or type", () => {
    const types = ['types:', '  t:', '    actor: us', '    prior: { a: otherwise, b: otherwise }'];
    expect(problems(edit({}, types))).toEqual([
      "33:31: types.t.prior.b — at most one value may have prior 'otherwise'",
    ]);
    const chance = edit({
      25: '  - { id: open, actor: us }\n  - { id: c, chance: { x: { prob: otherwise }, y: { prob: otherwise } } }',
    });
    expect(problems(chance)).toEqual([
      "26:59: stages[1].chance.y.prob — at most one outcome may have prob 'otherwise'",
    ]);
  });

  test('a stage listing a whole ladder offers all its rungs', () => {
    expect(problems(edit({ 26: '  - { id: answer, actor: iran, options: [reply] }' }))).toEqual([]);
  });

  test('formulas may not read moves that have not happened yet', () => {
    expect(problems(edit({ 18: '          effects: { oil: "answer.absorb" }' }))).toEqual([
      "18:28: ladders.us.force.rungs.strike.effects.oil — 'answer.absorb' reads the move at stage 'answer', which has not happened yet: it is evaluated at stage 'open'",
    ]);
    const text = edit({ 23: '        retaliate: { available: "calm" }' }, [
      'formulas:',
      '  calm: "answer.played"',
    ]);
    expect(problems(text)).toEqual([
      "23:34: ladders.iran.reply.rungs.retaliate.available — 'calm' reads the move at stage 'answer' (through 'calm'), which has not happened yet: it is evaluated on reaching stage 'answer'",
    ]);
  });

  test('an actor that moves needs a payoff; payoffs and ladders need real actors', () => {
    expect(problems(edit({ 29: null }))).toEqual([
      "26:26: stages[1].actor — actor 'iran' moves here but has no entry under payoffs",
    ]);
    expect(problems(edit({}, ['  isral: { gains: 1 }']))).toEqual([
      "30:3: payoffs.isral — 'isral' is not an actor (did you mean 'iran'?)",
    ]);
  });

  test('names must be unique across sections and must not be reserved', () => {
    expect(problems(edit({}, ['formulas:', '  resolve: 1']))).toEqual([
      "31:3: formulas.resolve — 'resolve' already names a parameter; names must be unique",
    ]);
    expect(problems(edit({ 7: '  max:' }, []))[0]).toBe(
      "7:3: parameters.max — 'max' is a reserved word and cannot name a parameter",
    );
  });

  test('policies must name decision stages and offered options', () => {
    const text = edit({}, [
      'policies:',
      '  restraint:',
      '    rules:',
      '      - { stage: open, forbid: [strik] }',
      '      - { stage: opn, fix: hold }',
    ]);
    expect(problems(text)).toEqual([
      "33:33: policies.restraint.rules[0].forbid[0] — 'strik' is not offered at stage 'open' (did you mean 'strike'?)",
      "34:18: policies.restraint.rules[1].stage — 'opn' is not a stage (did you mean 'open'?)",
    ]);
  });

  test('a faction needs a state as parent', () => {
    const text = edit({
      5: '  iran: { kind: state }\n  irgc: { kind: faction, parent: hez }\n  hez: { kind: proxy, parent: iran, autonomy: { value: 0.3, source: fact:x } }',
    });
    expect(problems(text)).toEqual([
      "6:34: actors.irgc.parent — expected a state as parent, but 'hez' is a proxy",
    ]);
  });
});

describe('loadScenario', () => {
  test('reads a file and names it in diagnostics', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brink-'));
    const file = join(dir, 's.yaml');
    writeFileSync(file, edit({ 8: '    value: x' }));
    expect(() => loadScenario(file)).toThrow(
      `${file}:8:12: parameters.resolve.value — expected a number, got the text "x"`,
    );
    writeFileSync(file, BASE.join('\n'));
    expect(loadScenario(file).spec.id).toBe('t');
  });

  test('a missing file is a diagnostic, not a stack trace', () => {
    expect(() => loadScenario('/nonexistent/s.yaml')).toThrow(
      '/nonexistent/s.yaml: (file) — cannot read the scenario: no such file',
    );
  });
});
