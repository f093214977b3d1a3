// The evidence section: a sound one becomes plain data (priors, likelihood rows in hypothesis order,
// the indicator's line); each kind of mistake is reported at its file position with a hint.
import { describe, expect, test } from 'vitest';
import { ScenarioError } from './diagnostics.js';
import { parseScenario } from './load.js';

const HEAD = [
  'id: t', // 1
  'title: Test', // 2
  'actors: { us: { kind: state } }', // 3
  'ladders: { us: { l: { rungs: { hold: {}, strike: {} } } } }', // 4
  'types:', // 5
  '  intent: { actor: us, prior: { time: 0.3, risk: 0.7 } }', // 6
  'stages: [{ id: open, actor: us }]', // 7
  'payoffs: { us: {} }', // 8
  'evidence:', // 9
  '  sets:', // 10
  '    talks:', // 11
  '      type: intent', // 12
  '      hypotheses:', // 13
  '        time: { prior: 0.3, source: { judgement: "j" } }', // 14
  '        risk: { prior: 0.7, source: { judgement: "j" } }', // 15
  '  indicators:', // 16
  '    carrier:', // 17
  '      set: talks', // 18
  '      group: posture', // 19
  '      states: [seen, not_seen]', // 20
  '      likelihood:', // 21
  '        time: { seen: 0.8, not_seen: 0.2 }', // 22
  '        risk: { seen: 0.4, not_seen: 0.6 }', // 23
  '      source: { judgement: "j" }', // 24
];

function problems(lines: string[]): string[] {
  try {
    parseScenario(lines.join('\n'), 'e.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.path} — ${d.message}`);
  }
}

const edit = (changes: Record<number, string>): string[] =>
  HEAD.map((l, i) => (changes[i + 1] === undefined ? l : changes[i + 1]!));

describe('evidence section', () => {
  test('a sound section becomes the evidence model', () => {
    const ev = parseScenario(HEAD.join('\n'), 'e.yaml').evidence!;
    expect(ev.sets.map((s) => [s.id, s.type, s.hypotheses.map((h) => [h.id, h.prior])])).toEqual([
      [
        'talks',
        'intent',
        [
          ['time', 0.3],
          ['risk', 0.7],
        ],
      ],
    ]);
    const ind = ev.indicators[0]!;
    expect([ind.id, ind.set, ind.group, ind.states, ind.likelihood, ind.line]).toEqual([
      'carrier',
      'talks',
      'posture',
      ['seen', 'not_seen'],
      [
        [0.8, 0.2],
        [0.4, 0.6],
      ],
      17,
    ]);
  });

  test('priors that do not add up to 1 are reported', () => {
    expect(problems(edit({ 15: '        risk: { prior: 0.6, source: { judgement: "j" } }' }))).toEqual([
      '13:7: evidence.sets.talks.hypotheses — expected priors that add up to 1 (the hypotheses are exclusive and exhaustive), got 0.9',
    ]);
  });

  test('an unknown type, set, hypothesis or state gets a suggestion', () => {
    expect(problems(edit({ 12: '      type: intnet' }))).toEqual([
      "12:13: evidence.sets.talks.type — 'intnet' is not a private type (did you mean 'intent'?)",
    ]);
    expect(problems(edit({ 18: '      set: talk' }))).toEqual([
      "18:12: evidence.indicators.carrier.set — 'talk' is not a hypothesis set (did you mean 'talks'?)",
    ]);
    expect(problems(edit({ 23: '        riks: { seen: 0.4, not_seen: 0.6 }' }))).toEqual([
      "21:7: evidence.indicators.carrier.likelihood — expected a likelihood row for every hypothesis of 'talks': 'risk' is missing",
      "23:9: evidence.indicators.carrier.likelihood.riks — 'riks' is not a hypothesis of set 'talks' (did you mean 'risk'?)",
    ]);
    expect(problems(edit({ 22: '        time: { seen: 0.8, not_sen: 0.2 }' }))).toEqual([
      "22:15: evidence.indicators.carrier.likelihood.time — expected a likelihood for every state: 'not_seen' missing",
      "22:28: evidence.indicators.carrier.likelihood.time.not_sen — 'not_sen' is not a state of the indicator (did you mean 'not_seen'?)",
    ]);
  });

  test('hypotheses must be exactly the values of the type they stand for', () => {
    expect(problems(edit({ 15: '        rsk: { prior: 0.7, source: { judgement: "j" } }' }))).toContain(
      "15:9: evidence.sets.talks.hypotheses.rsk — 'rsk' is not a value of type 'intent' (did you mean 'risk'?)",
    );
  });

  test('a likelihood row must add up to 1 and lie in [0, 1]', () => {
    expect(problems(edit({ 23: '        risk: { seen: 0.5, not_seen: 0.6 }' }))).toEqual([
      '23:15: evidence.indicators.carrier.likelihood.risk — expected likelihoods P(state | risk) that add up to 1 over the states, got 1.1',
    ]);
    expect(problems(edit({ 23: '        risk: { seen: 1.4, not_seen: -0.4 }' }))).toEqual([
      '23:23: evidence.indicators.carrier.likelihood.risk.seen — expected a likelihood in [0, 1]',
      '23:38: evidence.indicators.carrier.likelihood.risk.not_seen — expected a likelihood in [0, 1]',
    ]);
  });
});
