// `brink runs list|show|rerun|diff` end to end, on a temporary database (--db) and the built command.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeModel } from '../analysis/analyze.js';
import { evidencePriors } from '../evidence/evidence-priors.js';
import { parseScenario } from '../scenario/load.js';
import { withTypePriors } from '../scenario/type-priors.js';
import { type NewRun, recordRun } from '../store/run-store.js';
import { runsRerunReport } from './runs-command.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'dist/src/cli/main.js');
const SCENARIO = 'scenarios/us-iran-2026.yaml';
const dir = mkdtempSync(join(tmpdir(), 'brink-runs-'));

function brink(...args: string[]) {
  return brinkWith(join(dir, 'unused-default.db'), ...args);
}

function brinkWith(defaultDb: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, BRINK_DB: defaultDb },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fakeRun = (k: number, over: Partial<NewRun> = {}): NewRun => ({
  kind: 'compare',
  scenarioLabel: 'mine.yaml',
  scenarioText: 'id: mine\ntitle: Mine\nactors: [a, b]\n',
  seed: k,
  draws: 100,
  options: { lambda: 20, policies: ['a', 'b'] },
  version: '0.1.0',
  results: { means: [0.25, 0.5, 0.25], k },
  ...over,
});

describe('brink runs (list, show, diff) on a temporary database', () => {
  const db = join(dir, 'runs.db');
  beforeAll(() => {
    recordRun(db, fakeRun(1));
    recordRun(
      db,
      fakeRun(2, {
        scenarioText: 'id: mine\ntitle: Mine, revised\nactors: [a, b]\n',
        options: { lambda: 30, policies: ['a', 'b'] },
        results: { means: [0.25, 0.4, 0.35], k: 2 },
      }),
    );
  });

  it('lists the runs newest first, with id, date, kind, scenario, seed, draws and version', () => {
    const r = brink('runs', 'list', '--db', db);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+date \(UTC\)\s+kind\s+scenario\s+seed\s+draws\s+version\s+headline$/);
    expect(lines[1]).toMatch(
      /^r0002\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+compare\s+mine\.yaml\s+2\s+100\s+0\.1\.0$/,
    );
    expect(lines[2]).toMatch(/^r0001\s/);
    const json = JSON.parse(brink('runs', 'list', '--db', db, '--json', '--limit', '1').out);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: 'r0002', kind: 'compare', seed: 2, draws: 100 });
  });

  it('uses $BRINK_DB when there is no --db', () => {
    const r = brinkWith(db, 'runs', 'show', 'latest', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe('r0002');
  });

  it('says so when there is no database yet, without creating one', () => {
    const missing = join(dir, 'none', 'runs.db');
    const r = brink('runs', 'list', '--db', missing);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`No runs saved yet (${missing}).\n`);
    expect(brink('runs', 'show', 'latest', '--db', missing)).toMatchObject({ code: 2 });
    expect(existsSync(dirname(missing))).toBe(false);
  });

  it('shows a run: its settings and results, or all of it as JSON', () => {
    const r = brink('runs', 'show', 'r1', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('run       r0001');
    expect(r.out).toContain('options   {"lambda":20,"policies":["a","b"]}');
    expect(r.out).toContain('"means": [');
    const json = JSON.parse(brink('runs', 'show', 'latest', '--db', db, '--json').out);
    expect(json).toMatchObject({
      id: 'r0002',
      scenarioText: expect.stringContaining('revised'),
      results: { k: 2 },
    });
  });

  it('diffs two runs: options, scenario text and results', () => {
    const r = brink('runs', 'diff', 'r1', 'r2', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('r0001 → r0002');
    expect(r.out).toContain('  seed: 1 → 2');
    expect(r.out).toContain('  options.lambda: 20 → 30');
    expect(r.out).toContain(
      '--- r0001 mine.yaml\n+++ r0002 mine.yaml\n@@ -1,3 +1,3 @@\n id: mine\n-title: Mine\n+title: Mine, revised\n',
    );
    expect(r.out).toContain(
      'results: 3 values differ\n  means[1]: 0.5 → 0.4\n  means[2]: 0.25 → 0.35\n  k: 1 → 2\n',
    );
    const capped = brink('runs', 'diff', 'r1', 'r2', '--db', db, '--limit', '1');
    expect(capped.out).toContain('  means[1]: 0.5 → 0.4\n  … and 2 more\n');
    const json = JSON.parse(brink('runs', 'diff', 'r1', 'latest', '--db', db, '--json').out);
    expect(json.results.total).toBe(3);
    expect(json.options).toEqual([{ path: 'options.lambda', old: 20, new: 30 }]);
  });

  it('exits 2 with a message naming the database for unknown ids and bad files', () => {
    const r = brink('runs', 'show', 'r9', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`brink: no run 'r9' in ${db}`);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just some text that is long enough to be a header\n');
    const j = brink('runs', 'list', '--db', junk);
    expect(j.code).toBe(2);
    expect(j.err).toBe(`brink: ${junk}: not a Brink run database (not an SQLite file)\n`);
    expect(readFileSync(junk, 'utf8')).toMatch(/^not a database/);
  });

  it('rerun of a run whose stored options are incomplete, or of a kind with no runner, exits 2', () => {
    const r = brink('runs', 'rerun', 'r1', '--db', db);
    expect(r.code).toBe(2);
    // The stored scenario text (not a file on disk) is parsed first: this fake one is not a scenario.
    expect(r.err).toMatch(/mine\.yaml:1:1: ladders/);
    const odd = join(dir, 'odd.db');
    recordRun(odd, { ...fakeRun(1), kind: 'wargame' });
    const w = brink('runs', 'rerun', 'latest', '--db', odd);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(
      /runs of kind 'wargame' cannot be rerun yet \(only analyze, compare, sensitivity\)/,
    );
  });

  it('rerun reports DIFFERENT through an injected runner', async () => {
    const other = join(dir, 'fake.db');
    const text = readFileSync(join(root, SCENARIO), 'utf8');
    recordRun(other, fakeRun(1, { scenarioLabel: SCENARIO, scenarioText: text }));
    const runner = () => ({ means: [0.25, 0.5, 0.25], k: 9 });
    const r = await runsRerunReport('r1', { db: other, quiet: true }, { compare: runner });
    expect(r.identical).toBe(false);
    expect(r.text).toContain(`r0001: DIFFERENT (compare of ${SCENARIO}, seed 1, 100 draws): 1 value differs`);
    expect(r.text).toContain('  k: 1 → 9');
    const same = await runsRerunReport(
      'r1',
      { db: other, quiet: true },
      { compare: () => fakeRun(1).results },
    );
    expect(same).toEqual({
      identical: true,
      text: `r0001: identical (compare of ${SCENARIO}, seed 1, 100 draws)\n`,
    });
  });
});

describe('brink runs rerun of a real analyze run', () => {
  it('reproduces the stored results from the stored scenario text (1 draw) and shows the report', () => {
    const db = join(dir, 'analyze.db');
    const text = readFileSync(join(root, SCENARIO), 'utf8');
    const model = parseScenario(text, SCENARIO);
    const { results } = analyzeModel(model, { seed: 3, draws: 1, scenarioLabel: SCENARIO, version: '0.1.0' });
    recordRun(db, {
      kind: 'analyze',
      scenarioLabel: SCENARIO,
      scenarioText: text,
      seed: 3,
      draws: 1,
      options: { lambda: model.spec.defaults.lambda },
      version: '0.1.0',
      results,
    });
    const r = brink('runs', 'rerun', 'latest', '--db', db, '--quiet');
    expect(r.err).toBe('');
    expect(r.out).toContain(`r0001: identical (analyze of ${SCENARIO}, seed 3, 1 draw)`);
    expect(r.code).toBe(0);
    const list = brink('runs', 'list', '--db', db);
    expect(list.out).toMatch(/r0001 .* analyze .* 3 +1 +0\.1\.0 +\S.*%/);
    const show = brink('runs', 'show', 'r1', '--db', db);
    expect(show.code).toBe(0);
    expect(show.out).toContain(model.spec.title);
    expect(show.out).toContain('Outcome distribution');
  }, 120_000);
  it('reruns an --evidence run with the stored evidence priors, not the scenario prior', () => {
    const db = join(dir, 'analyze-evidence.db');
    const file = 'scenarios/us-iran-2026.yaml';
    const text = readFileSync(join(root, file), 'utf8');
    const model = parseScenario(text, file);
    const evidence = evidencePriors(model.evidence!, [
      {
        id: 1,
        scenario: model.spec.id,
        indicator: 'carrier_arrival',
        value: { kind: 'hard', state: 'arrived' },
        eventDate: '2026-02-01',
        reportDate: '2026-02-02',
        source: 'test',
        reliability: 'A',
        credibility: 1,
      },
    ]);
    const analysed = analyzeModel(withTypePriors(model, evidence.priors), {
      seed: 3,
      draws: 1,
      scenarioLabel: file,
      version: '0.1.0',
    });
    recordRun(db, {
      kind: 'analyze',
      scenarioLabel: file,
      scenarioText: text,
      seed: 3,
      draws: 1,
      options: { lambda: model.spec.defaults.lambda, evidence },
      version: '0.1.0',
      results: { ...analysed.results, evidence },
    });
    const r = brink('runs', 'rerun', 'latest', '--db', db, '--quiet');
    expect(r.err).toBe('');
    expect(r.out).toContain(`r0001: identical (analyze of ${file}, seed 3, 1 draw)`);
    expect(r.code).toBe(0);
  }, 120_000);
});
