import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  type NewRun,
  SCHEMA_VERSION,
  StoreError,
  defaultStorePath,
  openRunStore,
  recordRun,
  sha256,
} from './run-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function tempDb(name = 'brink.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'brink-store-')), name);
}

function newRun(k: number, over: Partial<NewRun> = {}): NewRun {
  return {
    kind: 'analyze',
    scenarioLabel: 'scenarios/test.yaml',
    scenarioText: `id: test\ntitle: Test ${k}\n`,
    seed: k,
    draws: 10 * k,
    options: { lambda: 20, sampling: 'mc' },
    version: '0.1.0',
    results: { k, nested: { xs: [k, k / 3, null] } },
    params: {
      names: ['a', 'b'],
      values: [
        [1, 2],
        [k, 0.5],
      ],
    },
    ...over,
  };
}

function expectStoreError(f: () => unknown, pattern: RegExp): StoreError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    expect((e as Error).name).toBe('StoreError');
    expect((e as Error).message).toMatch(pattern);
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('defaultStorePath', () => {
  it('prefers $BRINK_DB, then $XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultStorePath({ BRINK_DB: '/x/runs.db', XDG_DATA_HOME: '/d' })).toBe('/x/runs.db');
    expect(defaultStorePath({ XDG_DATA_HOME: '/d' })).toBe(join('/d', 'brink', 'brink.db'));
    expect(defaultStorePath({})).toMatch(/\.local[/\\]share[/\\]brink[/\\]brink\.db$/);
  });
});

describe('run store', () => {
  it('saves, lists and gets runs back as they were given (round trip)', () => {
    const path = tempDb();
    const store = openRunStore(path);
    const a = store.saveRun(newRun(1));
    const b = store.saveRun(newRun(2, { kind: 'compare', scenarioText: newRun(1).scenarioText }));
    expect(a.id).toBe('r0001');
    expect(b.id).toBe('r0002');
    expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(a.scenarioHash).toBe(sha256(newRun(1).scenarioText));
    store.close();

    const again = openRunStore(path);
    const got = again.getRun('r0001');
    const input = newRun(1);
    expect(got).toMatchObject({
      id: 'r0001',
      kind: 'analyze',
      scenarioLabel: input.scenarioLabel,
      scenarioText: input.scenarioText,
      seed: 1,
      draws: 10,
      options: input.options,
      version: '0.1.0',
      results: input.results,
      params: input.params,
    });
    expect(again.getRun('r2').scenarioText).toBe(input.scenarioText);
    const list = again.listRuns();
    expect(list.map((r) => r.id)).toEqual(['r0002', 'r0001']);
    expect(list[0]).not.toHaveProperty('results');
    expect(again.listRuns({ limit: 1 }).map((r) => r.id)).toEqual(['r0002']);
    expect(again.listRuns({ kind: 'analyze' }).map((r) => r.id)).toEqual(['r0001']);
    expect(again.count()).toBe(2);
    again.close();
  });

  it('keeps NaN and infinities in results (JSON would turn them into null)', () => {
    const store = openRunStore(tempDb());
    const results = {
      sd: Number.NaN,
      hi: Number.POSITIVE_INFINITY,
      lo: [Number.NEGATIVE_INFINITY, 0],
      s: 'NaN',
    };
    store.saveRun(newRun(1, { results }));
    expect(store.getRun('latest').results).toEqual(results);
    store.close();
  });

  it('creates the directory, and uses WAL and the Brink schema version', () => {
    const path = join(dirname(tempDb()), 'a', 'b', 'runs.db');
    openRunStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('resolves ids by number, unique prefix, latest and latest~N', () => {
    const store = openRunStore(tempDb());
    for (let k = 1; k <= 3; k++) store.saveRun(newRun(k));
    expect(store.resolveRef('r0002')).toBe('r0002');
    expect(store.resolveRef('r2')).toBe('r0002');
    expect(store.resolveRef('2')).toBe('r0002');
    expect(store.resolveRef('latest')).toBe('r0003');
    expect(store.resolveRef('latest~1')).toBe('r0002');
    expect(store.getRun('latest~2').seed).toBe(1);
    expectStoreError(() => store.resolveRef('r000'), /matches 3 runs \(r0001, r0002, r0003\)/);
    expectStoreError(() => store.resolveRef('r9'), /no run 'r9' in .*brink\.db/);
    expectStoreError(() => store.resolveRef('latest~5'), /no run latest~5/);
    expectStoreError(() => store.getRun('nonsense'), /no run 'nonsense'/);
    store.close();
    const empty = openRunStore(tempDb());
    expectStoreError(() => empty.getRun('latest'), /no runs saved yet/);
    empty.close();
  });

  it('puts a headline on analyze runs: the most likely outcome class', () => {
    const store = openRunStore(tempDb());
    const classes = [0.1, 0.05, 0.6, 0.1, 0.05, 0.1].map((mean) => ({ mean, low: 0, high: 1, n: 1 }));
    const r = store.saveRun(newRun(1, { results: { q3: { classes } } }));
    expect(r.headline).toBe('Deal 60.0%');
    expect(store.saveRun(newRun(2, { headline: 'given' })).headline).toBe('given');
    expect(store.saveRun(newRun(3)).headline).toBeUndefined();
    store.close();
  });

  it('stores one copy of a scenario text shared by several runs', () => {
    const path = tempDb();
    const store = openRunStore(path);
    store.saveRun(newRun(1));
    store.saveRun(newRun(1, { seed: 7 }));
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM scenarios').get()).toEqual({ n: 1 });
    db.close();
  });

  it('recordRun opens, saves and closes (default path from $BRINK_DB)', () => {
    const path = tempDb();
    const saved = recordRun(path, newRun(4));
    expect(saved.id).toBe('r0001');
    const store = openRunStore(path);
    expect(store.getRun('latest').seed).toBe(4);
    store.close();
  });

  it('refuses a file that is not a database, naming it and leaving it untouched', () => {
    const path = tempDb('random.db');
    const bytes = randomBytes(64 * 1024);
    writeFileSync(path, bytes);
    expectStoreError(
      () => openRunStore(path),
      new RegExp(`^${escapeRegExp(path)}: not a Brink run database`),
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    // A text file too.
    const text = tempDb('notes.txt');
    writeFileSync(text, 'these are my notes\n'.repeat(100));
    expectStoreError(() => openRunStore(text), /notes\.txt: not a Brink run database/);
    expect(readFileSync(text, 'utf8')).toBe('these are my notes\n'.repeat(100));
  });

  it('refuses a database of another application without touching it', () => {
    const path = tempDb('other.db');
    const db = new Database(path);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')");
    db.close();
    const before = readFileSync(path);
    expectStoreError(
      () => openRunStore(path),
      /other\.db: not a Brink run database \(an SQLite file with tables/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    const tagged = tempDb('tagged.db');
    const t = new Database(tagged);
    t.pragma('application_id = 1234');
    t.pragma('user_version = 1');
    t.close();
    expectStoreError(() => openRunStore(tagged), /another application/);
  });

  it('refuses a database written by a newer Brink (a future user_version)', () => {
    const path = tempDb();
    recordRun(path, newRun(1));
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expectStoreError(
      () => openRunStore(path),
      new RegExp(
        `written by a newer Brink \\(schema version ${SCHEMA_VERSION + 1}; this Brink knows up to ${SCHEMA_VERSION}\\)`,
      ),
    );
  });

  it('refuses a directory and, when asked not to create, a missing file', () => {
    const path = tempDb();
    expectStoreError(() => openRunStore(dirname(path)), /is a directory/);
    expectStoreError(() => openRunStore(path, { create: false }), /no run database here/);
    expect(existsSync(path)).toBe(false);
  });

  it('rejects a run whose JSON is not valid (the transaction leaves nothing behind)', () => {
    const store = openRunStore(tempDb());
    store.saveRun(newRun(1));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => store.saveRun(newRun(2, { results: cyclic }))).toThrow();
    expect(store.count()).toBe(1);
    expect(store.saveRun(newRun(3)).id).toBe('r0002');
    store.close();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs the killed-writer fixture; kills it with SIGKILL `delayMs` after it says "inserting". */
function killMidWrite(
  path: string,
  mode: 'open-transaction' | 'save-loop',
  delayMs: number,
): Promise<string> {
  const script = join(root, 'test/fixtures/killed-writer.mjs');
  const storeModule = join(root, 'dist/src/store/run-store.js');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, storeModule, path, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('inserting')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(out);
      else reject(new Error(`the writer exited by itself (code ${code}): ${err}`));
    });
  });
}

describe('run store: a writer killed mid-write', () => {
  it.each([
    ['open-transaction', 300],
    ['save-loop', 150],
    ['save-loop', 700],
  ] as const)(
    'keeps the runs saved before, leaves no partial row and stays usable (%s, kill after %i ms)',
    async (mode, delay) => {
      expect(existsSync(join(root, 'dist/src/store/run-store.js')), 'run `npm run build` first').toBe(true);
      const path = tempDb();
      await killMidWrite(path, mode, delay);
      // The WAL now holds uncommitted (or partly written) frames of the large run; opening recovers.
      if (mode === 'open-transaction') expect(statSync(`${path}-wal`).size).toBeGreaterThan(1_000_000);
      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT seq, seed, results FROM runs ORDER BY seq').all() as {
        seq: number;
        seed: number;
        results: string;
      }[];
      db.close();
      expect(rows.slice(0, 3).map((r) => r.seed)).toEqual([1, 2, 3]);
      expect(rows.slice(0, 3).map((r) => JSON.parse(r.results))).toEqual(
        [1, 2, 3].map((k) => ({ k, values: [k, k * 2, k * 3] })),
      );
      if (mode === 'open-transaction') expect(rows).toHaveLength(3);
      // Any run after the first three was committed whole (saveRun in save-loop mode).
      for (const r of rows.slice(3)) {
        expect(r.seed).toBeGreaterThanOrEqual(100);
        expect((JSON.parse(r.results) as { blob: string }).blob).toHaveLength(20_000_000);
      }
      const store = openRunStore(path);
      const saved = store.saveRun(newRun(9));
      expect(saved.seq).toBeGreaterThan(rows.length);
      expect(store.getRun('latest').seed).toBe(9);
      expect(store.count()).toBe(rows.length + 1);
      store.close();
    },
  );
});
