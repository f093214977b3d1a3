// The pool's outputs must not depend on the number of workers or on the cut into blocks: points
// evaluated in worker threads give the same bits as in this thread, in input order.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { drawParameters } from '../../scenario/draw.js';
import { parseScenario } from '../../scenario/load.js';
import { makeHeadlineEvaluator } from './headline.js';
import { makePointPool, pointWorkerFile } from './point-pool.js';
import { evaluateTask } from './point-task.js';

const FILE = join(import.meta.dirname, '../../../scenarios/us-iran-2026.yaml');

// The workers run the built module (dist), which `npm test` builds first.
describe.skipIf(!existsSync(pointWorkerFile()))('point pool', () => {
  test(
    '1 and 2 workers give the same outputs bit for bit, in input order',
    { timeout: 180_000 },
    async () => {
      const text = readFileSync(FILE, 'utf8');
      const model = parseScenario(text, FILE);
      const job = { scenarioText: text, scenarioFile: FILE, lambda: model.spec.defaults.lambda };
      const points = [0, 1].map((d) => drawParameters(model, 5, d));
      const one = makePointPool(job, makeHeadlineEvaluator(model, job.lambda), { workers: 1 });
      const two = makePointPool(job, makeHeadlineEvaluator(model, job.lambda), { workers: 2 });
      try {
        const progress: number[] = [];
        const a = await one.run(points, { kind: 'headline' });
        const b = await two.run(points, { kind: 'headline' }, (d) => progress.push(d));
        expect(a).toHaveLength(2);
        expect(a[0]).toHaveLength(3);
        expect(a[0]).not.toEqual(a[1]);
        expect(b).toEqual(a);
        for (let j = 0; j < 2; j++)
          for (let o = 0; o < 3; o++) expect(Object.is(b[j]![o], a[j]![o])).toBe(true);
        expect(progress.at(-1)).toBe(2);
        // Modal-option queries: one index per point, the same in both.
        const modal = await two.run(points, { kind: 'modal', step: 'us_open' });
        expect(modal).toEqual(await one.run(points, { kind: 'modal', step: 'us_open' }));
        expect(modal.every((m) => m.length === 1 && Number.isInteger(m[0]) && m[0]! >= 0)).toBe(true);
        // A block evaluated directly equals the pool's rows.
        const flat = evaluateTask(one.evaluator, {
          points: points[1]!,
          dim: points[1]!.length,
          query: { kind: 'headline' },
        });
        expect(Array.from(flat)).toEqual(a[1]);
      } finally {
        await one.close();
        await two.close();
      }
    },
  );
});
