import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { explainText, packageRoot } from './explain-command.js';

const LADDER = 'scenarios/examples/two-rung-ladder.yaml';

describe('brink explain', () => {
  it('prints a parameter with its source, the formula that reads it and the payoff terms it reaches', () => {
    expect(explainText('q', { scenario: LADDER })).toBe(
      [
        'q: parameter (parameters.q)',
        '  value        0.2',
        '  source       judgement: Chance that forward deployment produces a deadly incident.',
        '  used in      stages[1].chance.happened.prob (probability, stage incident): q',
        '  reaches      challenger.C_kinetic   via incident.happened → state.damage_c',
        '               defender.C_kinetic     via incident.happened → state.damage_d',
        '               defender.C_reputation  via incident.happened → face_lost',
        '',
      ].join('\n'),
    );
  });

  it('prints an option with its ladder, threshold, stage, effects and their readers', () => {
    expect(explainText('fight', { scenario: LADDER })).toBe(
      [
        'fight: option of defender (ladders.defender.answer.rungs.fight)',
        '  ladder       answer, rank 2; crosses war (rank 2)',
        '  available    always',
        '  offered at   response (when opening.escalate)',
        '  effects      tension at least 2; read by challenger.C_opportunity',
        '               damage_c + war_cost; read by challenger.C_kinetic',
        '               damage_d + war_cost; read by defender.C_kinetic',
        '  used in      no formula reads it',
        '  reaches      challenger.C_kinetic      via state.damage_c',
        '               challenger.C_opportunity  via state.tension',
        '               defender.C_kinetic        via state.damage_d',
        '',
      ].join('\n'),
    );
  });

  it('prints a state variable with the effects that change it and the formulas that read it', () => {
    expect(explainText('tension', { scenario: LADDER })).toBe(
      [
        'tension: outcome-state variable (state.tension)',
        '  initial      0, range [0, 2]',
        '  changed by   opening.escalate: at least 1',
        '                 at ladders.challenger.pressure.rungs.escalate.effects.tension.max',
        '               response.fight: at least 2',
        '                 at ladders.defender.answer.rungs.fight.effects.tension.max',
        '  used in      payoffs.challenger.C_opportunity (payoff): tension_cost * state.tension',
        '  reaches      challenger.C_opportunity  directly',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON on request', () => {
    const json = JSON.parse(explainText('face_lost', { scenario: LADDER, format: 'json' }));
    expect(json.scenario).toBe('two-rung-ladder');
    expect(json.subjects[0].kind).toBe('formula');
    expect(json.subjects[0].reaches[0].term).toBe('defender.C_reputation');
  });

  it('rejects an unknown name with the closest known one, as a usage error (exit code 2)', () => {
    const attempt = () => explainText('tensoin', { scenario: LADDER });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(
      "'tensoin' is not a parameter, option, chance outcome, state variable, named formula or payoff term of two-rung-ladder (did you mean 'tension'?)",
    );
    expect(() => explainText('q', { scenario: LADDER, format: 'xml' as 'json' })).toThrow(
      '--format xml: expected text or json',
    );
  });

  it('finds the default scenario from the package root, from src/ as from dist/src/', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    expect(packageRoot()).toBe(root);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
  });
});
