import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseScenario } from './load.js';
import { solveDraw } from './run.js';

const text = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../scenarios/examples/two-rung-ladder.yaml'),
  'utf8',
);

describe('solveDraw', () => {
  test('draws, compiles and solves; the same draw twice gives the same numbers', () => {
    // Make the incident probability uncertain: q ~ uniform(0.1, 0.3).
    const model = parseScenario(
      text.replace('q: { value: 0.2,', 'q: { dist: uniform, low: 0.1, high: 0.3,'),
      'ladder.yaml',
    );
    const a = solveDraw(model, 4);
    const b = solveDraw(model, 4);
    const q = a.params[model.params.findIndex((p) => p.name === 'q')]!;
    expect(q).toBeGreaterThan(0.1);
    expect(q).toBeLessThan(0.3);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    // The defender still fights only after an incident, so it fights with probability q.
    expect(a.solution.method).toBe('backward-induction');
    expect(a.solution.leafProb[2]).toBeCloseTo(q, 12);
    expect(solveDraw(model, 5).params).not.toEqual(a.params);
  });
});
