import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load-file.js';
import { explain, suggestName } from './explain.js';

const ladder = loadScenario('scenarios/examples/two-rung-ladder.yaml');
const chicken = loadScenario('scenarios/examples/chicken.yaml');

describe('explain', () => {
  it('explains a parameter: value, source, the formula that reads it and the payoff terms it reaches', () => {
    expect(explain(ladder, 'q')).toEqual({
      scenario: 'two-rung-ladder',
      name: 'q',
      subjects: [
        {
          kind: 'parameter',
          name: 'q',
          path: 'parameters.q',
          distribution: { text: '0.2', mean: 0.2 },
          sources: [
            { kind: 'judgement', reason: 'Chance that forward deployment produces a deadly incident.' },
          ],
          uses: [
            { path: 'stages[1].chance.happened.prob', role: 'probability', formula: 'q', stage: 'incident' },
          ],
          reaches: [
            {
              term: 'challenger.C_kinetic',
              path: 'payoffs.challenger.C_kinetic',
              chain: ['q', 'incident.happened', 'state.damage_c', 'challenger.C_kinetic'],
            },
            {
              term: 'defender.C_kinetic',
              path: 'payoffs.defender.C_kinetic',
              chain: ['q', 'incident.happened', 'state.damage_d', 'defender.C_kinetic'],
            },
            {
              term: 'defender.C_reputation',
              path: 'payoffs.defender.C_reputation',
              chain: ['q', 'incident.happened', 'face_lost', 'defender.C_reputation'],
            },
          ],
        },
      ],
    });
  });

  it('finds every effect that uses a parameter', () => {
    const [war] = explain(ladder, 'war_cost').subjects;
    expect(war!.uses).toEqual([
      {
        path: 'ladders.defender.answer.rungs.fight.effects.damage_c',
        role: 'effect',
        formula: 'war_cost',
      },
      {
        path: 'ladders.defender.answer.rungs.fight.effects.damage_d',
        role: 'effect',
        formula: 'war_cost',
      },
    ]);
    expect(war!.reaches.map((r) => r.term)).toEqual(['challenger.C_kinetic', 'defender.C_kinetic']);
  });

  it('explains an option: ladder, rank, thresholds, effects, stages, readers and reach', () => {
    const [o] = explain(ladder, 'escalate').subjects;
    expect(o).toMatchObject({
      kind: 'option',
      path: 'ladders.challenger.pressure.rungs.escalate',
      actor: 'challenger',
      ladder: 'pressure',
      label: 'Escalate',
      rank: 1,
      thresholds: [{ rank: 1, name: 'forward deployment' }],
      ends: false,
      stages: [{ id: 'opening' }],
      effects: [
        {
          variable: 'tension',
          op: 'max',
          formula: '1',
          path: 'ladders.challenger.pressure.rungs.escalate.effects.tension.max',
          readBy: [
            {
              term: 'challenger.C_opportunity',
              path: 'payoffs.challenger.C_opportunity',
              chain: ['state.tension', 'challenger.C_opportunity'],
            },
          ],
        },
      ],
      uses: [
        { path: 'stages[1].when', role: 'when', formula: 'opening.escalate', stage: 'incident' },
        { path: 'stages[2].when', role: 'when', formula: 'opening.escalate', stage: 'response' },
      ],
    });
    expect(o!.kind === 'option' && o!.available).toBe(undefined);
    // Escalating makes the response and the incident happen: that is how it reaches the defender.
    expect(o!.reaches.map((r) => r.chain.join(' → '))).toEqual([
      'opening.escalate → response.concede → state.conceded → challenger.gains',
      'opening.escalate → incident.happened → state.damage_c → challenger.C_kinetic',
      'opening.escalate → state.tension → challenger.C_opportunity',
      'opening.escalate → incident.happened → state.damage_d → defender.C_kinetic',
      'opening.escalate → incident.happened → face_lost → defender.C_reputation',
    ]);
    // The same option named by its move.
    expect(explain(ladder, 'opening.escalate').subjects[0]).toEqual({ ...o, name: 'opening.escalate' });
  });

  it('explains an option id two actors share as two options', () => {
    const subjects = explain(chicken, 'straight').subjects;
    expect(subjects.map((s) => s.kind === 'option' && `${s.actor}: ${s.stages.map((x) => x.id)}`)).toEqual([
      'alpha: alpha_move',
      'beta: beta_move',
    ]);
    expect(subjects[0]!.uses.map((u) => u.path)).toEqual([
      'ladders.beta.drive.rungs.straight.effects.collision',
      'payoffs.alpha.gains',
      'payoffs.beta.C_reputation',
    ]);
  });

  it('explains a state variable: what changes it, what reads it', () => {
    expect(explain(ladder, 'state.tension').subjects).toEqual([
      {
        kind: 'state',
        name: 'state.tension',
        path: 'state.tension',
        initial: 0,
        min: 0,
        max: 2,
        changedBy: [
          {
            by: ['opening.escalate'],
            op: 'max',
            formula: '1',
            path: 'ladders.challenger.pressure.rungs.escalate.effects.tension.max',
          },
          {
            by: ['response.fight'],
            op: 'max',
            formula: '2',
            path: 'ladders.defender.answer.rungs.fight.effects.tension.max',
          },
        ],
        uses: [
          {
            path: 'payoffs.challenger.C_opportunity',
            role: 'payoff',
            formula: 'tension_cost * state.tension',
          },
        ],
        reaches: [
          {
            term: 'challenger.C_opportunity',
            path: 'payoffs.challenger.C_opportunity',
            chain: ['state.tension', 'challenger.C_opportunity'],
          },
        ],
      },
    ]);
  });

  it('explains a named formula, a payoff term and a chance outcome', () => {
    const [f] = explain(ladder, 'face_lost').subjects;
    expect(f).toMatchObject({
      kind: 'formula',
      formula: 'state.conceded * (face + outrage * incident.happened)',
      reads: ['state.conceded', 'face', 'outrage', 'incident.happened'],
      uses: [{ path: 'payoffs.defender.C_reputation', role: 'payoff', formula: 'face_lost' }],
    });
    const [t] = explain(ladder, 'challenger.C_opportunity').subjects;
    expect(t).toMatchObject({
      kind: 'payoff-term',
      parts: [
        { part: '', formula: 'tension_cost * state.tension', path: 'payoffs.challenger.C_opportunity' },
      ],
      reads: ['tension_cost', 'state.tension'],
      uses: [],
      reaches: [],
    });
    const [c] = explain(ladder, 'incident.happened').subjects;
    expect(c).toMatchObject({
      kind: 'chance-outcome',
      stage: 'incident',
      probability: 'q',
      when: 'opening.escalate',
    });
    expect(
      c!.kind === 'chance-outcome' && c!.effects.map((e) => `${e.variable} ${e.op} ${e.formula}`),
    ).toEqual(['damage_c add 0.5', 'damage_d add 1']);
  });

  it('finds nothing for an unknown name and suggests the closest', () => {
    expect(explain(ladder, 'tensoin').subjects).toEqual([]);
    expect(suggestName(ladder, 'tensoin')).toBe('tension');
    expect(suggestName(ladder, 'opening.escalat')).toBe('opening.escalate');
    expect(suggestName(ladder, 'zzzzzzzzzz')).toBe(undefined);
  });
});
