import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../analysis/analyze.js';
import { parseScenario } from '../scenario/load.js';
import { type Rerunner, rerun } from './rerun.js';
import { type NewRun, type StoredRun, openRunStore, recordRun } from './run-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO = 'scenarios/us-iran-2026.yaml';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'brink-rerun-')), 'brink.db');
}

// The stored text of every run here (the fake runner sees it only through the parsed `model`).
const scenarioText = readFileSync(join(root, SCENARIO), 'utf8');

function stored(results: unknown, over: Partial<NewRun> = {}): StoredRun {
  return recordRun(tempDb(), {
    kind: 'fake',
    scenarioLabel: SCENARIO,
    scenarioText,
    seed: 5,
    draws: 3,
    options: { lambda: 7 },
    version: 'test',
    results,
    ...over,
  });
}

describe('rerun', () => {
  const fake: Rerunner = (model, run) => ({ id: model.spec.id, seed: run.seed, lambda: run.options.lambda });

  it('reruns with the runner of the kind, from the stored scenario text, and finds it identical', async () => {
    const run = stored({ id: 'us-iran-2026', seed: 5, lambda: 7 });
    const out = await rerun(run, { runners: { fake } });
    expect(out.identical).toBe(true);
    expect(out.diff.total).toBe(0);
  });

  it('reports the values that differ, stored → rerun', async () => {
    const run = stored({ id: 'us-iran-2026', seed: 6, lambda: 7 });
    const out = await rerun(run, { runners: { fake } });
    expect(out.identical).toBe(false);
    expect(out.diff.changes).toEqual([{ path: 'seed', old: 6, new: 5 }]);
  });

  it('refuses a kind without a runner', async () => {
    const run = stored({}, { kind: 'mystery' });
    await expect(rerun(run, { runners: { fake } })).rejects.toThrow(
      /runs of kind 'mystery' cannot be rerun yet \(only fake\)/,
    );
  });

  it('reproduces a real analyze run of the default scenario exactly (1 draw)', async () => {
    const model = parseScenario(scenarioText, SCENARIO);
    const { results } = analyzeModel(model, { seed: 11, draws: 1, scenarioLabel: SCENARIO, version: 'test' });
    const path = tempDb();
    recordRun(path, {
      kind: 'analyze',
      scenarioLabel: SCENARIO,
      scenarioText,
      seed: 11,
      draws: 1,
      options: { lambda: model.spec.defaults.lambda },
      version: 'test',
      results,
    });
    const store = openRunStore(path);
    const run = store.getRun('latest');
    store.close();
    const out = await rerun(run);
    expect(out.identical).toBe(true);
    // And a tampered copy is caught.
    const tampered = { ...run, results: { ...(run.results as object), seed: 12 } };
    const bad = await rerun(tampered);
    expect(bad.identical).toBe(false);
    expect(bad.diff.changes).toEqual([{ path: 'seed', old: 12, new: 11 }]);
  }, 120_000);
});
