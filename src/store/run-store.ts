// The run store: every analysis saved with its scenario text, seed, options, version and results in
// an embedded SQLite database, so that any past result can be listed, shown and reproduced.
//
// One file (default ~/.local/share/brink/brink.db, see defaultStorePath) in WAL journal mode with
// synchronous=FULL: a run is written by one INSERT in one transaction, so a process killed midway
// leaves no partial row and loses nothing already committed. The schema is versioned by
// PRAGMA user_version and tagged by PRAGMA application_id; MIGRATIONS below bring an older file
// up to date (migration 2 added the evidence log). A file that is not a Brink database,
// or was written by a newer Brink, is refused with a StoreError and never modified.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { headlineOf } from './headline.js';

/** A problem with the run database (unreadable, not a Brink database, unknown run). Exit code 2. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** What was run. A plain string, so that new kinds need no schema change. */
export type RunKind = 'analyze' | 'compare' | 'sensitivity' | (string & {});

/** A compact per-draw parameter table: values[draw][k] is parameter names[k] in that draw. */
export interface ParamTable {
  readonly names: readonly string[];
  readonly values: readonly (readonly number[])[];
}

export interface NewRun {
  readonly kind: RunKind;
  /** The scenario as the user named it (a path as given, or the bundled default's relative path). */
  readonly scenarioLabel: string;
  /** The full scenario text (YAML) the run used; rerun parses this, not the file on disk. */
  readonly scenarioText: string;
  /** sha256 of scenarioText (hex); computed when absent. */
  readonly scenarioHash?: string;
  readonly seed: number;
  readonly draws: number;
  /** Every other option needed to reproduce the run (lambda, sampling, policies, shard, ...). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The package version that produced the run. */
  readonly version: string;
  /** The JSON-serialisable aggregate results. */
  readonly results: unknown;
  readonly params?: ParamTable;
  /** One short headline figure for `brink runs list`; default: headline.ts's for the kind. */
  readonly headline?: string;
}

/** A run as listed: everything but the scenario text, results and parameters. */
export interface RunSummary {
  /** `r0001`, `r0002`, ...: short, and sorted as they were saved. */
  readonly id: string;
  readonly seq: number;
  /** ISO 8601, UTC. */
  readonly createdAt: string;
  readonly kind: RunKind;
  readonly scenarioLabel: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly draws: number;
  readonly version: string;
  readonly headline?: string;
}

export interface StoredRun extends RunSummary {
  readonly scenarioText: string;
  readonly options: Record<string, unknown>;
  readonly results: unknown;
  readonly params?: ParamTable;
}

export interface ListOptions {
  /** The newest this many runs (default: all). */
  readonly limit?: number;
  readonly kind?: RunKind;
}

export interface RunStore {
  readonly path: string;
  saveRun(input: NewRun): StoredRun;
  /** Newest first. */
  listRuns(opts?: ListOptions): RunSummary[];
  /** By id (`r0012`), number (`12`, `r12`), `latest`, `latest~N` (N runs before the latest) or a unique id prefix. */
  getRun(ref: string): StoredRun;
  /** The run's id for a reference as getRun takes it; throws StoreError when none or several match. */
  resolveRef(ref: string): string;
  count(): number;
  close(): void;
}

/** 'BRNK': marks the file as a Brink database (PRAGMA application_id). */
export const APPLICATION_ID = 0x42524e4b;

/**
 * Schema migrations: MIGRATIONS[k] brings user_version k to k + 1. Append, never edit: a file at
 * version k has already run the first k.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE scenarios (
     hash TEXT PRIMARY KEY,
     text TEXT NOT NULL
   );
   CREATE TABLE runs (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     kind TEXT NOT NULL,
     scenario_label TEXT NOT NULL,
     scenario_hash TEXT NOT NULL REFERENCES scenarios(hash),
     seed INTEGER NOT NULL,
     draws INTEGER NOT NULL,
     version TEXT NOT NULL,
     options TEXT NOT NULL CHECK (json_valid(options)),
     results TEXT NOT NULL CHECK (json_valid(results)),
     params TEXT CHECK (params IS NULL OR json_valid(params)),
     headline TEXT
   );
   CREATE INDEX runs_by_kind ON runs(kind, seq);`,
  // 2: the evidence log (src/store/evidence-log.ts, docs/evidence-log.md). Append-only: triggers
  // refuse UPDATE and DELETE, and a retraction is a row of its own that keeps the observation.
  `CREATE TABLE observations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     created_at TEXT NOT NULL,
     scenario TEXT NOT NULL,
     indicator TEXT NOT NULL,
     value TEXT NOT NULL CHECK (json_valid(value)),
     event_date TEXT NOT NULL,
     report_date TEXT NOT NULL CHECK (report_date >= event_date),
     source TEXT NOT NULL,
     reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
     credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
     note TEXT,
     plover TEXT,
     cameo TEXT,
     goldstein REAL CHECK (goldstein IS NULL OR goldstein BETWEEN -10 AND 10),
     CHECK (plover IS NOT NULL OR (cameo IS NULL AND goldstein IS NULL))
   );
   CREATE INDEX observations_by_scenario ON observations(scenario, event_date, id);
   CREATE TABLE observation_retractions (
     observation_id INTEGER PRIMARY KEY REFERENCES observations(id),
     retracted_at TEXT NOT NULL,
     reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
   );
   CREATE TRIGGER observations_no_update BEFORE UPDATE ON observations
     BEGIN SELECT RAISE(ABORT, 'observations are append-only: retract instead'); END;
   CREATE TRIGGER observations_no_delete BEFORE DELETE ON observations
     BEGIN SELECT RAISE(ABORT, 'observations are append-only: retract instead'); END;
   CREATE TRIGGER retractions_no_update BEFORE UPDATE ON observation_retractions
     BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;
   CREATE TRIGGER retractions_no_delete BEFORE DELETE ON observation_retractions
     BEGIN SELECT RAISE(ABORT, 'retractions are append-only'); END;`,
];

/** The schema version this Brink writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Tables a Brink database of the current version must have. */
const REQUIRED_TABLES = ['runs', 'scenarios', 'observations', 'observation_retractions'];

/** $BRINK_DB, else $XDG_DATA_HOME/brink/brink.db, else ~/.local/share/brink/brink.db. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BRINK_DB) return env.BRINK_DB;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'brink', 'brink.db');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * JSON as stored: like JSON.stringify, except that non-finite numbers (NaN and ±Infinity, e.g. the
 * spread of a single draw) are kept as {"$float": "NaN"} instead of becoming null.
 */
export function encodeJson(x: unknown, space?: number): string {
  return JSON.stringify(
    x ?? null,
    (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? { $float: String(v) } : v),
    space,
  );
}

const FLOATS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** The inverse of encodeJson. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_, v) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$float' && typeof v.$float === 'string' && v.$float in FLOATS)
        return FLOATS[v.$float];
    }
    return v;
  });
}

export function runId(seq: number): string {
  return `r${String(seq).padStart(4, '0')}`;
}

function sqliteMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return 'not a Brink run database (not an SQLite file)';
  if (code === 'SQLITE_CORRUPT') return 'the database is corrupt';
  if (code === 'SQLITE_BUSY') return 'the database is locked by another process';
  if (code === 'SQLITE_READONLY') return 'the database is read-only';
  if (code === 'SQLITE_CANTOPEN') return 'cannot open the database';
  return (e as Error).message ?? String(e);
}

/** `e` as a StoreError naming `path` (SQLite's codes in words). */
export function storeError(path: string, e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  return new StoreError(`${path}: ${sqliteMessage(e)}`);
}

interface Row {
  seq: number;
  created_at: string;
  kind: string;
  scenario_label: string;
  scenario_hash: string;
  seed: number;
  draws: number;
  version: string;
  headline: string | null;
}

interface FullRow extends Row {
  scenario_text: string;
  options: string;
  results: string;
  params: string | null;
}

function summary(r: Row): RunSummary {
  return {
    id: runId(r.seq),
    seq: r.seq,
    createdAt: r.created_at,
    kind: r.kind,
    scenarioLabel: r.scenario_label,
    scenarioHash: r.scenario_hash,
    seed: r.seed,
    draws: r.draws,
    version: r.version,
    ...(r.headline === null ? {} : { headline: r.headline }),
  };
}

const SUMMARY_COLUMNS =
  'seq, created_at, kind, scenario_label, scenario_hash, seed, draws, version, headline';

/** Checks that an opened file is a Brink database this version can use; never writes. */
function checkIdentity(db: Database.Database, path: string): void {
  // The first read of the header: a file that is not SQLite fails here with SQLITE_NOTADB.
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new StoreError(`${path}: not a Brink run database (an SQLite file of another application)`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${path}: written by a newer Brink (schema version ${version}; this Brink knows up to ${SCHEMA_VERSION}); upgrade Brink or use another --db`,
    );
  }
  if (version === 0) {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      .get() as {
      n: number;
    };
    if (tables.n > 0) {
      throw new StoreError(`${path}: not a Brink run database (an SQLite file with tables of its own)`);
    }
  } else if (appId !== APPLICATION_ID) {
    throw new StoreError(`${path}: not a Brink run database (no Brink application id)`);
  }
}

function migrate(db: Database.Database, path: string): void {
  const apply = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > SCHEMA_VERSION) throw new StoreError(`${path}: written by a newer Brink`);
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (from < SCHEMA_VERSION) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
  });
  apply.immediate();
  const have = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const missing = REQUIRED_TABLES.filter((t) => !have.has(t));
  if (missing.length > 0) {
    throw new StoreError(`${path}: not a usable Brink run database (missing table ${missing.join(', ')})`);
  }
}

export interface OpenOptions {
  /** Create the file (and its directory) when it does not exist (default true). */
  readonly create?: boolean;
}

/** Opens (creating if needed) the run database at `path`. Throws StoreError naming the path. */
export function openRunStore(path: string, opts: OpenOptions = {}): RunStore {
  return makeStore(openBrinkDatabase(path, opts), path);
}

/**
 * The Brink database at `path`, checked and migrated, as a raw connection: for other stores in the
 * same file (the evidence log). Throws StoreError naming the path.
 */
export function openBrinkDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) {
    throw new StoreError(`${path}: is a directory, expected a run database file`);
  }
  if (!exists) {
    if (opts.create === false) throw new StoreError(`${path}: no run database here (no runs saved yet)`);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (e) {
      throw new StoreError(`${path}: cannot create the directory (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: exists, timeout: 10_000 });
  } catch (e) {
    throw storeError(path, e);
  }
  try {
    checkIdentity(db, path);
    // Only now that the file is known to be ours (or new) may anything be written to it.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (e) {
    db.close();
    throw storeError(path, e);
  }
  return db;
}

function makeStore(db: Database.Database, path: string): RunStore {
  const insertScenario = db.prepare('INSERT OR IGNORE INTO scenarios (hash, text) VALUES (?, ?)');
  const insertRun = db.prepare(
    `INSERT INTO runs (created_at, kind, scenario_label, scenario_hash, seed, draws, version, options, results, params, headline)
     VALUES (@createdAt, @kind, @scenarioLabel, @scenarioHash, @seed, @draws, @version, @options, @results, @params, @headline)`,
  );
  const byFull = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, options, results, params, s.text AS scenario_text
     FROM runs JOIN scenarios s ON s.hash = runs.scenario_hash WHERE seq = ?`,
  );
  const save = db.transaction((input: NewRun, scenarioHash: string, row: Record<string, unknown>) => {
    insertScenario.run(scenarioHash, input.scenarioText);
    return Number(insertRun.run(row).lastInsertRowid);
  });

  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw storeError(path, e);
    }
  };

  const full = (seq: number): StoredRun => {
    const r = byFull.get(seq) as FullRow | undefined;
    if (r === undefined) throw new StoreError(`${path}: no run ${runId(seq)}`);
    return {
      ...summary(r),
      scenarioText: r.scenario_text,
      options: decodeJson(r.options) as Record<string, unknown>,
      results: decodeJson(r.results),
      ...(r.params === null ? {} : { params: decodeJson(r.params) as ParamTable }),
    };
  };

  const resolveSeq = (ref: string): number => {
    const text = ref.trim();
    const latest = /^latest(?:~(\d+))?$/.exec(text);
    if (latest) {
      const back = Number(latest[1] ?? 0);
      const r = db.prepare('SELECT seq FROM runs ORDER BY seq DESC LIMIT 1 OFFSET ?').get(back) as
        | { seq: number }
        | undefined;
      if (r === undefined) {
        throw new StoreError(back === 0 ? `${path}: no runs saved yet` : `${path}: no run ${text}`);
      }
      return r.seq;
    }
    // r0012, r12 and 12 all name run 12.
    const num = /^r?(\d+)$/i.exec(text);
    if (num) {
      const seq = Number(num[1]);
      if (Number.isSafeInteger(seq) && db.prepare('SELECT 1 FROM runs WHERE seq = ?').get(seq)) return seq;
    }
    // A unique prefix of an id (e.g. `r00` while there are fewer than ten runs).
    if (/^r\d*$/i.test(text) && text.length >= 2) {
      const rows = (db.prepare('SELECT seq FROM runs ORDER BY seq').all() as { seq: number }[])
        .map((r) => r.seq)
        .filter((s) => runId(s).startsWith(text.toLowerCase()));
      if (rows.length === 1) return rows[0]!;
      if (rows.length > 1) {
        const shown = rows.slice(0, 5).map(runId).join(', ');
        throw new StoreError(
          `'${ref}' matches ${rows.length} runs (${shown}${rows.length > 5 ? ', ...' : ''}): give more of the id`,
        );
      }
    }
    throw new StoreError(
      `no run '${ref}' in ${path} (ids look like r0001; \`brink runs list\` shows them, \`latest\` is the newest)`,
    );
  };

  return {
    path,
    saveRun(input) {
      const scenarioHash = input.scenarioHash ?? sha256(input.scenarioText);
      const createdAt = new Date().toISOString();
      const row = {
        createdAt,
        kind: input.kind,
        scenarioLabel: input.scenarioLabel,
        scenarioHash,
        seed: input.seed,
        draws: input.draws,
        version: input.version,
        options: encodeJson(input.options ?? {}),
        results: encodeJson(input.results),
        params: input.params === undefined ? null : encodeJson(input.params),
        headline: input.headline ?? headlineOf(input.kind, input.results) ?? null,
      };
      const seq = guard(() => save(input, scenarioHash, row));
      return guard(() => full(seq));
    },
    listRuns(opts = {}) {
      const where = opts.kind === undefined ? '' : 'WHERE kind = @kind';
      const limit = opts.limit === undefined ? '' : 'LIMIT @limit';
      const rows = guard(
        () =>
          db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ${where} ORDER BY seq DESC ${limit}`).all({
            ...(opts.kind === undefined ? {} : { kind: opts.kind }),
            ...(opts.limit === undefined ? {} : { limit: opts.limit }),
          }) as Row[],
      );
      return rows.map(summary);
    },
    getRun(ref) {
      return guard(() => full(resolveSeq(ref)));
    },
    resolveRef(ref) {
      return runId(guard(() => resolveSeq(ref)));
    },
    count() {
      return guard(() => (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** Opens the store at `dbPath` (default: defaultStorePath()), saves one run and closes it. */
export function recordRun(dbPath: string | undefined, input: NewRun): StoredRun {
  const store = openRunStore(dbPath ?? defaultStorePath());
  try {
    return store.saveRun(input);
  } finally {
    store.close();
  }
}
