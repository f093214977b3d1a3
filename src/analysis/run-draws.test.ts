import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../scenario/load-file.js';
import { checkAnalysable, paramDigest } from './run-draws.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('what brink analyze accepts', () => {
  test('a scenario without the design’s formulas, steps and policies is refused with one clear message', () => {
    const model = loadScenario(join(ROOT, 'scenarios/examples/chicken.yaml'));
    expect(() => checkAnalysable(model)).toThrow(
      /needs formula 'outcome_regional_war', .*type or stage 'us_resolve', .*policy 'grand_bargain'/,
    );
  });

  test('the US–Iran scenario is accepted', () => {
    expect(() => checkAnalysable(loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml')))).not.toThrow();
  });

  test('parameter digests tell parameter vectors apart and repeat for equal ones', () => {
    const a = paramDigest(Float64Array.from([0.1, 0.2]));
    expect(paramDigest(Float64Array.from([0.1, 0.2]))).toBe(a);
    expect(paramDigest(Float64Array.from([0.1, 0.20000000000000004]))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
  });
});
