import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ScenarioError } from './diagnostics.js';
import { sampleParameters } from './draw.js';
import { parseAssignment, withFixedParameters } from './fixed-parameters.js';
import { loadScenario } from './load-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));
const index = (name: string) => model.params.findIndex((p) => p.name === name);

describe('withFixedParameters', () => {
  test('holds the named parameter at its value in every draw; every other parameter draws as before', () => {
    const fixed = withFixedParameters(model, { us_durability: 0.8, 'us_hawks.influence': 0.6 });
    for (const d of [0, 1, 7]) {
      const a = sampleParameters(model, 3, d);
      const b = sampleParameters(fixed, 3, d);
      expect(b[index('us_durability')]).toBe(0.8);
      expect(b[index('us_hawks.influence')]).toBe(0.6);
      model.params.forEach((p, i) => {
        if (p.name !== 'us_durability' && p.name !== 'us_hawks.influence') expect(b[i], p.name).toBe(a[i]);
      });
    }
    expect(fixed.params[index('us_durability')]!.source).toEqual(
      model.params[index('us_durability')]!.source,
    );
  });

  test('refuses an unknown parameter (with a suggestion) and a value that is not finite', () => {
    expect(() => withFixedParameters(model, { us_durabilty: 0.5 })).toThrow(ScenarioError);
    expect(() => withFixedParameters(model, { us_durabilty: 0.5 })).toThrow(/did you mean 'us_durability'/);
    expect(() => withFixedParameters(model, { us_durability: Number.NaN })).toThrow(
      /expected a finite number/,
    );
    expect(withFixedParameters(model, {})).toBe(model);
  });
});

describe('parseAssignment', () => {
  test('reads name=value and says what was expected otherwise', () => {
    expect(parseAssignment('us_durability=0.8')).toEqual({ name: 'us_durability', value: 0.8 });
    expect(parseAssignment(' us_hawks.influence = 1e-1 ')).toEqual({
      name: 'us_hawks.influence',
      value: 0.1,
    });
    expect(parseAssignment('us_durability')).toBe("expected name=value, got 'us_durability'");
    expect(parseAssignment('x=abc')).toBe("x: expected a number, got 'abc'");
  });
});
