// The evidence log: observations of a scenario's indicators, kept in the same SQLite database as
// the runs (run-store.ts, migration 2; docs/evidence-log.md).
//
// The log is append-only. An observation row is never updated or deleted (triggers refuse it); a
// retraction is a row of its own in observation_retractions, holding the time and the reason, so
// the history of what was believed when stays readable. Every write is one transaction: an import
// of many rows commits all of them or none, and a process killed midway leaves the file as before
// (SQLite WAL with synchronous=FULL, as for runs).
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Credibility, EvidenceValue, Observation, Reliability } from '../evidence/observation-types.js';
import { observationsToCsv } from './evidence-csv.js';
import {
  type OpenOptions,
  StoreError,
  defaultStorePath,
  openBrinkDatabase,
  storeError,
} from './run-store.js';

/** An observation before the log gives it an id. */
export type NewObservation = Omit<Observation, 'id' | 'retracted'>;

/** A retraction: when (ISO 8601 timestamp) and why. */
export interface Retraction {
  readonly at: string;
  readonly reason: string;
}

/** One item of an import: an observation, retracted already when exported from another log. */
export interface ImportItem {
  readonly observation: NewObservation;
  readonly retracted?: Retraction;
}

export interface ListObservationOptions {
  /** Only this scenario's observations (its id). */
  readonly scenario?: string;
  /** Only reports received on or before this date (YYYY-MM-DD). */
  readonly asOf?: string;
  /** Retracted observations too, with their retraction (default: left out). */
  readonly includeRetracted?: boolean;
}

export interface ImportOptions {
  /** Called after each row is inserted (inside the transaction): progress, or a test's kill point. */
  readonly onInserted?: (count: number) => void;
}

export interface EvidenceLog {
  readonly path: string;
  add(observation: NewObservation): Observation;
  /** All items in one transaction: all are written, or (on any error) none. */
  addMany(items: readonly ImportItem[], opts?: ImportOptions): Observation[];
  /** Retracts observation `id`; refuses an unknown id and a second retraction. */
  retract(id: number, reason: string, at?: string): Observation;
  get(id: number): Observation;
  /** Ordered by event date, then id. */
  list(opts?: ListObservationOptions): Observation[];
  close(): void;
}

interface ObservationRow {
  id: number;
  scenario: string;
  indicator: string;
  value: string;
  event_date: string;
  report_date: string;
  source: string;
  reliability: string;
  credibility: number;
  note: string | null;
  plover: string | null;
  cameo: string | null;
  goldstein: number | null;
  retracted_at: string | null;
  reason: string | null;
}

const SELECT = `SELECT o.id, o.scenario, o.indicator, o.value, o.event_date, o.report_date, o.source,
  o.reliability, o.credibility, o.note, o.plover, o.cameo, o.goldstein, r.retracted_at, r.reason
  FROM observations o LEFT JOIN observation_retractions r ON r.observation_id = o.id`;

function fromRow(r: ObservationRow): Observation {
  return {
    id: r.id,
    scenario: r.scenario,
    indicator: r.indicator,
    value: JSON.parse(r.value) as EvidenceValue,
    eventDate: r.event_date,
    reportDate: r.report_date,
    source: r.source,
    reliability: r.reliability as Reliability,
    credibility: r.credibility as Credibility,
    ...(r.note === null ? {} : { note: r.note }),
    ...(r.plover === null
      ? {}
      : {
          category: {
            plover: r.plover,
            ...(r.cameo === null ? {} : { cameo: r.cameo }),
            ...(r.goldstein === null ? {} : { goldstein: r.goldstein }),
          },
        }),
    ...(r.retracted_at === null ? {} : { retracted: { at: r.retracted_at, reason: r.reason ?? '' } }),
  };
}

/** The value as stored: the kind and its data, keys in a fixed order so equal values are equal text. */
function valueJson(v: EvidenceValue): string {
  if (v.kind === 'hard') return JSON.stringify({ kind: 'hard', state: v.state });
  if (v.kind === 'likelihood') return JSON.stringify({ kind: 'likelihood', weights: v.weights });
  return JSON.stringify({ kind: 'probability', probs: v.probs });
}

function toRow(o: NewObservation, createdAt: string): Record<string, unknown> {
  return {
    created_at: createdAt,
    scenario: o.scenario,
    indicator: o.indicator,
    value: valueJson(o.value),
    event_date: o.eventDate,
    report_date: o.reportDate,
    source: o.source,
    reliability: o.reliability,
    credibility: o.credibility,
    note: o.note ?? null,
    plover: o.category?.plover ?? null,
    cameo: o.category?.cameo ?? null,
    goldstein: o.category?.goldstein ?? null,
  };
}

/** Opens (creating if needed) the evidence log in the Brink database at `path`. */
export function openEvidenceLog(path: string, opts: OpenOptions = {}): EvidenceLog {
  return makeLog(openBrinkDatabase(path, opts), path);
}

function makeLog(db: Database.Database, path: string): EvidenceLog {
  const insert = db.prepare(
    `INSERT INTO observations (created_at, scenario, indicator, value, event_date, report_date, source,
       reliability, credibility, note, plover, cameo, goldstein)
     VALUES (@created_at, @scenario, @indicator, @value, @event_date, @report_date, @source,
       @reliability, @credibility, @note, @plover, @cameo, @goldstein)`,
  );
  const insertRetraction = db.prepare(
    'INSERT INTO observation_retractions (observation_id, retracted_at, reason) VALUES (?, ?, ?)',
  );
  const byId = db.prepare(`${SELECT} WHERE o.id = ?`);

  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw storeError(path, e);
    }
  };

  const get = (id: number): Observation => {
    const r = byId.get(id) as ObservationRow | undefined;
    if (r === undefined) {
      throw new StoreError(`${path}: no observation ${id} (\`brink evidence list --all\` shows the ids)`);
    }
    return fromRow(r);
  };

  const retractOne = (id: number, reason: string, at: string): void => {
    const o = get(id);
    if (o.retracted !== undefined) {
      throw new StoreError(
        `${path}: observation ${id} was already retracted at ${o.retracted.at} (${o.retracted.reason}); a retraction cannot be repeated`,
      );
    }
    if (reason.trim() === '') throw new StoreError(`observation ${id}: a retraction needs a reason`);
    insertRetraction.run(id, at, reason.trim());
  };

  const addMany = db.transaction((items: readonly ImportItem[], opts: ImportOptions): number[] => {
    const createdAt = new Date().toISOString();
    const ids: number[] = [];
    for (const item of items) {
      const id = Number(insert.run(toRow(item.observation, createdAt)).lastInsertRowid);
      if (item.retracted !== undefined) retractOne(id, item.retracted.reason, item.retracted.at);
      ids.push(id);
      opts.onInserted?.(ids.length);
    }
    return ids;
  });
  const retract = db.transaction(retractOne);

  return {
    path,
    add(observation) {
      const [id] = guard(() => addMany.immediate([{ observation }], {}));
      return guard(() => get(id!));
    },
    addMany(items, opts = {}) {
      const ids = guard(() => addMany.immediate(items, opts));
      return guard(() => ids.map(get));
    },
    retract(id, reason, at = new Date().toISOString()) {
      guard(() => retract.immediate(id, reason, at));
      return guard(() => get(id));
    },
    get(id) {
      return guard(() => get(id));
    },
    list(opts = {}) {
      const where: string[] = [];
      if (opts.scenario !== undefined) where.push('o.scenario = @scenario');
      if (opts.asOf !== undefined) where.push('o.report_date <= @asOf');
      if (!opts.includeRetracted) where.push('r.observation_id IS NULL');
      const sql = `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.event_date, o.id`;
      const rows = guard(
        () =>
          db.prepare(sql).all({
            ...(opts.scenario === undefined ? {} : { scenario: opts.scenario }),
            ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
          }) as ObservationRow[],
      );
      return rows.map(fromRow);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** Opens the log at `dbPath` (default: defaultStorePath()), runs `f` and closes it. */
function withLog<T>(dbPath: string | undefined, f: (log: EvidenceLog) => T): T {
  const log = openEvidenceLog(dbPath ?? defaultStorePath());
  try {
    return f(log);
  } finally {
    log.close();
  }
}

/**
 * The observations in the log at `dbPath` (default: $BRINK_DB or the user data directory), ordered
 * by event date then id. A database that does not exist yet holds none (and is not created).
 */
export function listObservations(
  dbPath: string | undefined,
  opts: ListObservationOptions = {},
): Observation[] {
  const path = dbPath ?? defaultStorePath();
  if (!existsSync(path)) return [];
  return withLog(path, (log) => log.list(opts));
}

export function addObservation(dbPath: string | undefined, observation: NewObservation): Observation {
  return withLog(dbPath, (log) => log.add(observation));
}

export function retractObservation(dbPath: string | undefined, id: number, reason: string): Observation {
  return withLog(dbPath, (log) => log.retract(id, reason));
}

/** Writes all items in one transaction (all or nothing); returns them as stored. */
export function importObservations(
  dbPath: string | undefined,
  items: readonly ImportItem[],
  opts: ImportOptions = {},
): Observation[] {
  return withLog(dbPath, (log) => log.addMany(items, opts));
}

/** An observation as an import item (the inverse of what the log returns). */
export function importItemOf(o: Observation): ImportItem {
  const { id: _id, retracted, ...observation } = o;
  return { observation, ...(retracted === undefined ? {} : { retracted }) };
}

export type ExportFormat = 'csv' | 'json';

/** The observations (retracted ones too unless asked otherwise) as CSV (evidence-csv.ts) or JSON, by id. */
export function exportObservations(
  dbPath: string | undefined,
  opts: ListObservationOptions,
  format: ExportFormat,
): string {
  // In the order written (by id), so that importing the export into an empty log keeps the ids.
  const observations = listObservations(dbPath, { includeRetracted: true, ...opts }).sort(
    (a, b) => a.id - b.id,
  );
  return format === 'csv' ? observationsToCsv(observations) : `${JSON.stringify(observations, null, 2)}\n`;
}
