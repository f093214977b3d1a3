import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseObservationCsv } from './evidence-csv.js';
import {
  type NewObservation,
  addObservation,
  exportObservations,
  importItemOf,
  importObservations,
  listObservations,
  openEvidenceLog,
  retractObservation,
} from './evidence-log.js';
import { APPLICATION_ID, SCHEMA_VERSION, StoreError, openRunStore } from './run-store.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'brink-evidence-')), 'brink.db');
}

function obs(k: number, over: Partial<NewObservation> = {}): NewObservation {
  return {
    scenario: 'test',
    indicator: 'carrier_arrival',
    value: { kind: 'hard', state: 'observed' },
    eventDate: `2026-02-${String(10 + k).padStart(2, '0')}`,
    reportDate: `2026-02-${String(11 + k).padStart(2, '0')}`,
    source: `source ${k}`,
    reliability: 'B',
    credibility: 2,
    ...over,
  };
}

function expectStoreError(f: () => unknown, pattern: RegExp): void {
  try {
    f();
  } catch (e) {
    expect((e as Error).name).toBe('StoreError');
    expect((e as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a StoreError');
}

describe('evidence log', () => {
  it('adds and lists observations as given, every field kept', () => {
    const path = tempDb();
    const full = obs(1, {
      value: { kind: 'probability', probs: { observed: 0.7, not_observed: 0.3 } },
      note: 'satellite imagery, "two" decks',
      category: { plover: 'MOBILIZE', cameo: '152', goldstein: -7.2 },
    });
    const a = addObservation(path, full);
    expect(a).toEqual({ id: 1, ...full });
    const b = addObservation(
      path,
      obs(2, { value: { kind: 'likelihood', weights: { observed: 3, not_observed: 1 } } }),
    );
    expect(b.id).toBe(2);
    expect(listObservations(path, {})).toEqual([a, b]);
  });

  it('orders by event date, then id; filters by scenario and by report date (as of)', () => {
    const path = tempDb();
    addObservation(path, obs(5));
    addObservation(path, obs(1, { reportDate: '2026-02-20' }));
    addObservation(path, obs(5, { scenario: 'other' }));
    addObservation(path, obs(3));
    const ids = (o: { id: number }[]) => o.map((x) => x.id);
    expect(ids(listObservations(path, {}))).toEqual([2, 4, 1, 3]);
    expect(ids(listObservations(path, { scenario: 'test' }))).toEqual([2, 4, 1]);
    // obs(3) was reported 2026-02-14, obs(5) 2026-02-16, obs(1) (id 2) only on 2026-02-20.
    expect(ids(listObservations(path, { scenario: 'test', asOf: '2026-02-14' }))).toEqual([4]);
    expect(ids(listObservations(path, { scenario: 'test', asOf: '2026-02-16' }))).toEqual([4, 1]);
    expect(ids(listObservations(path, { scenario: 'test', asOf: '2026-02-20' }))).toEqual([2, 4, 1]);
  });

  it('retracts with a reason, keeping the observation; refuses a second retraction and unknown ids', () => {
    const path = tempDb();
    addObservation(path, obs(1));
    addObservation(path, obs(2));
    const r = retractObservation(path, 1, 'the imagery was of a different carrier');
    expect(r.retracted?.reason).toBe('the imagery was of a different carrier');
    expect(r.retracted?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(listObservations(path, {}).map((o) => o.id)).toEqual([2]);
    const all = listObservations(path, { includeRetracted: true });
    expect(all.map((o) => o.id)).toEqual([1, 2]);
    expect(all[0]).toEqual({ id: 1, ...obs(1), retracted: r.retracted });
    expectStoreError(
      () => retractObservation(path, 1, 'again'),
      /observation 1 was already retracted at .* \(the imagery/,
    );
    expectStoreError(() => retractObservation(path, 9, 'no such'), /no observation 9/);
    expectStoreError(() => retractObservation(path, 2, '  '), /needs a reason/);
    expect(listObservations(path, {}).map((o) => o.id)).toEqual([2]);
  });

  it('is append-only: the database refuses to update or delete observations and retractions', () => {
    const path = tempDb();
    addObservation(path, obs(1));
    retractObservation(path, 1, 'wrong');
    const db = new Database(path);
    expect(() => db.prepare("UPDATE observations SET source = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM observations').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM observation_retractions').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE observation_retractions SET reason = 'y'").run()).toThrow(/append-only/);
    db.close();
    expect(listObservations(path, { includeRetracted: true })[0]?.retracted?.reason).toBe('wrong');
  });

  it('imports all rows in one transaction: a failing row leaves nothing written', () => {
    const path = tempDb();
    addObservation(path, obs(1));
    const bad = obs(3, { reliability: 'Z' as 'A' });
    expect(() => importObservations(path, [{ observation: obs(2) }, { observation: bad }])).toThrow(
      StoreError,
    );
    expect(listObservations(path, { includeRetracted: true }).map((o) => o.source)).toEqual(['source 1']);
    const done = importObservations(path, [
      { observation: obs(2) },
      { observation: obs(3), retracted: { at: '2026-03-01T00:00:00.000Z', reason: 'duplicate' } },
    ]);
    // The failed import rolled back even its id counter (sqlite_sequence): the next ids are 2 and 3.
    expect(done.map((o) => o.id)).toEqual([2, 3]);
    expect(done[1]?.retracted).toEqual({ at: '2026-03-01T00:00:00.000Z', reason: 'duplicate' });
  });

  it('export then import round-trips, retractions included (CSV and JSON)', () => {
    const a = tempDb();
    addObservation(
      a,
      obs(1, { note: 'line one\nline two, with "quotes"', category: { plover: 'THREATEN' } }),
    );
    addObservation(
      a,
      obs(2, { value: { kind: 'likelihood', weights: { observed: 0.125, not_observed: 1e-7 } } }),
    );
    addObservation(a, obs(0, { category: { plover: 'FIGHT', cameo: '190', goldstein: -10 } }));
    retractObservation(a, 2, 'superseded');
    const csv = exportObservations(a, {}, 'csv');
    const json = exportObservations(a, {}, 'json');
    // Into a fresh log through the CSV text (the row values are parsed as the CLI does).
    const parsed = parseObservationCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    const b = tempDb();
    const fromJson = (JSON.parse(json) as Parameters<typeof importItemOf>[0][]).map(importItemOf);
    importObservations(b, fromJson);
    expect(exportObservations(b, {}, 'csv')).toBe(csv);
    expect(exportObservations(b, {}, 'json')).toBe(json);
  });

  it('does not create a database just to list it', () => {
    const path = tempDb();
    expect(listObservations(path, {})).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });
});

describe('evidence log: schema migration', () => {
  it('upgrades a version-1 run database, keeping its runs', () => {
    const path = tempDb();
    // The schema as Brink 0.1 wrote it (migration 1), with one run.
    const db = new Database(path);
    db.exec(`CREATE TABLE scenarios (hash TEXT PRIMARY KEY, text TEXT NOT NULL);
      CREATE TABLE runs (seq INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, kind TEXT NOT NULL,
        scenario_label TEXT NOT NULL, scenario_hash TEXT NOT NULL REFERENCES scenarios(hash), seed INTEGER NOT NULL,
        draws INTEGER NOT NULL, version TEXT NOT NULL, options TEXT NOT NULL CHECK (json_valid(options)),
        results TEXT NOT NULL CHECK (json_valid(results)), params TEXT CHECK (params IS NULL OR json_valid(params)),
        headline TEXT);
      CREATE INDEX runs_by_kind ON runs(kind, seq);
      INSERT INTO scenarios VALUES ('h1', 'id: old');
      INSERT INTO runs (created_at, kind, scenario_label, scenario_hash, seed, draws, version, options, results)
        VALUES ('2026-01-01T00:00:00.000Z', 'analyze', 'old.yaml', 'h1', 7, 10, '0.1.0', '{}', '{"k":1}');`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 1');
    db.close();

    const log = openEvidenceLog(path);
    expect(log.add(obs(1)).id).toBe(1);
    log.close();
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(2);
    check.close();
    const store = openRunStore(path);
    expect(store.count()).toBe(1);
    expect(store.getRun('r0001')).toMatchObject({ seed: 7, scenarioText: 'id: old', results: { k: 1 } });
    store.close();
    expect(listObservations(path, {}).map((o) => o.source)).toEqual(['source 1']);
  });
});

const logModule = join(root, 'dist/src/store/evidence-log.js');
const writer = join(root, 'test/fixtures/evidence-writer.mjs');

/** Runs the writer fixture; with `killOn`, SIGKILLs it once it prints that word. */
function runWriter(
  path: string,
  mode: string,
  extra: string[],
  onLine?: (line: string, kill: () => void) => void,
): Promise<{ out: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [writer, logModule, path, mode, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      onLine?.(out, () => child.kill('SIGKILL'));
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolvePromise({ out, signal });
      else reject(new Error(`the writer failed (code ${code}): ${err}`));
    });
  });
}

describe('evidence log: processes', () => {
  it('a process killed during an import leaves the log as before', async () => {
    expect(existsSync(logModule), 'run `npm run build` first').toBe(true);
    const path = tempDb();
    const { out, signal } = await runWriter(path, 'killed-import', [], (text, kill) => {
      if (text.includes('inserting')) kill();
    });
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('committed');
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const after = listObservations(path, { includeRetracted: true });
    expect(after.map((o) => o.source)).toEqual(['report 1', 'report 2', 'report 3']);
    expect(addObservation(path, obs(4)).id).toBe(4);
  });

  it('readers see whole observations, never fewer than before, while one writer adds', async () => {
    expect(existsSync(logModule), 'run `npm run build` first').toBe(true);
    const path = tempDb();
    openEvidenceLog(path).close();
    const n = 200;
    const seen: number[] = [];
    let started = false;
    const done = runWriter(path, 'add-loop', [String(n)], (text) => {
      if (text.includes('started')) started = true;
    });
    // Read while the writer writes, until it has finished.
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished) {
      const list = listObservations(path, { scenario: 'writer-test' });
      for (const o of list) expect(o.note).toHaveLength(2000);
      expect(list.map((o) => o.id)).toEqual(list.map((_, i) => i + 1));
      seen.push(list.length);
      await new Promise((r) => setTimeout(r, 2));
    }
    await done;
    expect(started).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(listObservations(path, { scenario: 'writer-test' })).toHaveLength(n);
  });
});
