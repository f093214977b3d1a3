import { describe, expect, it } from 'vitest';
import { BargainInputError } from '../errors.js';
import { DEFAULT_BDM_OPTIONS } from './model.js';
import { checkActor, resolveScale, validateOptions } from './validate.js';

const a = { name: 'Belgium', capability: 0.08, position: 7, salience: 0.4 };

describe('checkActor / resolveScale / validateOptions', () => {
  it('names the actor (or the place given) and the field', () => {
    expect(() => checkActor({ ...a, capability: -1 }, 'actor Belgium')).toThrow(
      new BargainInputError('actor Belgium: capability -1 must be a number ≥ 0'),
    );
    expect(() => checkActor({ ...a, salience: 40 }, 'eu.csv:3: actor Belgium')).toThrow(
      'eu.csv:3: actor Belgium: salience 40 must be in [0, 1]',
    );
    expect(() => checkActor({ ...a, position: Number.NaN }, 'actor Belgium')).toThrow(
      'position NaN must be a number',
    );
    expect(() => checkActor(a, 'actor Belgium', [0, 5])).toThrow(
      "actor Belgium: position 7 is outside the issue's scale [0, 5]",
    );
    expect(() => checkActor(a, 'actor Belgium', [0, 10])).not.toThrow();
  });

  it('the scale defaults to the range of the positions', () => {
    expect(resolveScale([a, { ...a, position: 4 }, { ...a, position: 10 }])).toEqual([4, 10]);
    expect(resolveScale([a], [0, 100])).toEqual([0, 100]);
    expect(() => resolveScale([a], [3, 1])).toThrow('scale [3, 1]: expected two finite numbers lo < hi');
  });

  it('options outside their domains are refused', () => {
    expect(() => validateOptions(DEFAULT_BDM_OPTIONS)).not.toThrow();
    // biome-ignore lint/suspicious/noExplicitAny: an option from outside TypeScript
    expect(() => validateOptions({ ...DEFAULT_BDM_OPTIONS, winDenominator: 'all' as any })).toThrow(
      'winDenominator all: expected one of dyad, all-dyads',
    );
    expect(() => validateOptions({ ...DEFAULT_BDM_OPTIONS, rounds: 1.5 })).toThrow(
      'rounds 1.5: expected an integer ≥ 0',
    );
  });
});
