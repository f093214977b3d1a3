// heldContext: a what-if shares the compilers, features and solver of its base context. Its records
// must be exactly those of a fresh context made for the held values (what the CLI's workers use).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { structureOf, withFixedParameters } from '../scenario/fixed-parameters.js';
import { loadScenario } from '../scenario/load-file.js';
import {
  type DrawSettings,
  contextOfParsed,
  heldContext,
  makeDrawContext,
  runDrawRange,
} from './draw-task.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));
const settings = (fixed: Record<string, number>): DrawSettings => ({ seed: 5, lambda: 10, total: 3, fixed });

describe('heldContext', () => {
  test('shares the structure: a held model maps to its base, however often it is held again', () => {
    const once = withFixedParameters(model, { us_durability: 0.9 });
    const twice = withFixedParameters(once, { p_leak: 0.3 });
    expect(structureOf(once)).toBe(model);
    expect(structureOf(twice)).toBe(model);
    expect(structureOf(model)).toBe(model);
  });

  test('gives the records of a fresh context, for two what-ifs after draws of the base', () => {
    const base = makeDrawContext(model);
    // The base's compilers have recorded and planned their trees (full compile, then replay).
    runDrawRange(base, settings({}), 0, 2);
    const whatIfs: Record<string, number>[] = [{ us_durability: 0.9 }, { us_durability: 0.3, p_leak: 0.6 }];
    for (const fixed of whatIfs) {
      const shared = runDrawRange(heldContext(base, fixed), settings(fixed), 0, 2);
      const fresh = runDrawRange(contextOfParsed(model, settings(fixed)), settings(fixed), 0, 2);
      expect(shared).toEqual(fresh);
      // The held values are what the draws used.
      for (const r of shared) expect(r.params.us_durability).toBe(fixed.us_durability);
    }
  }, 300_000);
});
