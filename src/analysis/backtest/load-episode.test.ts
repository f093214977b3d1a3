import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../scenario/diagnostics.js';
import { loadEpisode, parseEpisode } from './load-episode.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/backtest');

/** The one-line messages of the diagnostics a load throws. */
function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected the episode to be refused');
}

const TOY = (body: string) =>
  [
    'brink_episode: 1',
    'id: inline',
    'title: Inline',
    'date: 2000-01-01',
    'sources: [{ citation: constructed }]',
    'scenario: toy-scenario.yaml',
    body,
  ].join('\n');

describe('reading an episode', () => {
  it('reads the toy episode: situation and decision as step and choice indices', () => {
    const ep = loadEpisode(join(FIX, 'toy-hit.yaml'), 'toy-hit.yaml');
    expect(ep.options).toEqual(['stay', 'go']);
    expect(ep.classes).toEqual(['match', 'escalate']);
    expect(ep.realIndex).toBe(0);
    // No private types: step 0 is stage `first`, step 1 the decision `second`.
    expect(ep.decisionStep).toBe(1);
    expect(ep.situation).toEqual([[0, 1]]);
    expect(ep.scenarioLabel).toBe('toy-scenario.yaml');
  });

  it('refuses a real choice that is not among the modelled options, naming file, line, field and options', () => {
    const file = join(FIX, 'bad-choice.yaml');
    expect(problems(() => loadEpisode(file))).toEqual([
      `${file}:12:14: real_choice — the real choice 'surrender' is not among the modelled options of responder at stage 'second': the options are stay, go. Model the choice actually made as an option, or map it to the closest one and say so in real_choice_note`,
    ]);
  });

  it('names unknown stages, moves, options, classes and parameters of the situation and decision', () => {
    const file = join(FIX, 'inline.yaml');
    const text = TOY(
      [
        'situation:',
        '  moves: { frist: provoke, second: stay }',
        '  knew: { respondr: something }',
        '  parameters: { gian: { value: 1, source: { judgement: x } } }',
        'decision:',
        '  stage: second',
        '  actor: opener',
        '  classes: { stay: match, goo: escalate }',
        'real_choice: go',
      ].join('\n'),
    );
    expect(problems(() => parseEpisode(text, file))).toEqual([
      `${file}:10:17: situation.parameters.gian — no parameter 'gian' in the scenario (did you mean 'gain'?); it has: gain`,
    ]);
    const fixed = text.replace('gian', 'gain');
    expect(problems(() => parseEpisode(fixed, file))).toEqual([
      `${file}:8:12: situation.moves.frist — no stage or private type 'frist' in the scenario (did you mean 'first'?)`,
      `${file}:8:28: situation.moves.second — 'second' does not come before the decision stage 'second': a situation names earlier moves only`,
      `${file}:9:11: situation.knew.respondr — 'respondr' is not an actor of the scenario (did you mean 'responder'?); its actors: opener, responder`,
      `${file}:13:10: decision.actor — stage 'second' is a decision of responder, not of 'opener'`,
      `${file}:14:12: decision.classes — expected a class (de-escalate | match | escalate) for every option of stage 'second'; missing: go`,
      `${file}:14:27: decision.classes.goo — 'goo' is not an option of stage 'second' (did you mean 'go'?); its options: stay, go`,
    ]);
  });

  it('checks the shape with file positions and suggestions', () => {
    const file = join(FIX, 'inline.yaml');
    const text = TOY(
      ['decision: { stage: second, classes: { stay: match, go: sideways } }', 'real_choise: go'].join('\n'),
    );
    expect(problems(() => parseEpisode(text, file))).toEqual([
      `${file}:1:1: real_choice — missing: expected text`,
      `${file}:7:56: decision.classes.go — expected one of de-escalate, match, escalate, got the text "sideways"`,
      `${file}:8:1: real_choise — unknown field 'real_choise' (did you mean 'real_choice'?)`,
    ]);
  });

  it('points problems of an embedded scenario into the episode file', () => {
    const file = join(FIX, 'embedded.yaml');
    const text = [
      'brink_episode: 1',
      'id: embedded',
      'title: Embedded',
      'date: 2000',
      'sources: [fact:ep-1988-iran-air-655]',
      'scenario:',
      '  id: one-move',
      '  title: One move',
      '  actors: { a: { kind: state } }',
      '  ladders: { a: { move: { rungs: { x: {}, y: {} } } } }',
      '  stages: [{ id: pick, actor: a }]',
      '  payoffs: { a: { gains: "2 * pick.x + bonus" } }',
      'decision: { stage: pick, classes: { x: match, y: escalate } }',
      'real_choice: x',
    ].join('\n');
    const [msg] = problems(() => parseEpisode(text, file));
    expect(msg).toMatch(`${file}:12:40: scenario.payoffs.a.gains — unknown name 'bonus'`);
    const ok = parseEpisode(text.replace(' + bonus', ''), file);
    expect(ok.scenarioLabel).toBe(`${file} (embedded)`);
    expect(ok.options).toEqual(['x', 'y']);
  });

  it('refuses an unreadable scenario file at the scenario field', () => {
    const file = join(FIX, 'inline.yaml');
    const text = TOY(
      'decision: { stage: second, classes: { stay: match, go: escalate } }\nreal_choice: go',
    ).replace('toy-scenario.yaml', 'nowhere.yaml');
    expect(problems(() => parseEpisode(text, file))).toEqual([
      `${file}:6:11: scenario — cannot read the scenario file 'nowhere.yaml' (${join(FIX, 'nowhere.yaml')})`,
    ]);
  });
});
