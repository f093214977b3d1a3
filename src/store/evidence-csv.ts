// The evidence log as CSV (RFC 4180): `brink evidence export` writes it, `brink evidence import`
// reads it back. The columns are documented in docs/evidence-log.md. Parsing is csv-parse's
// (csv.js.org); writing needs only RFC 4180 quoting of a field.
//
// Reading checks the file's shape here (header, column count, retraction columns); each row's
// content is then validated against the scenario by src/evidence/observation-validate.ts.
import { parse } from 'csv-parse/sync';
import type { Observation } from '../evidence/observation-types.js';
import {
  type FieldName,
  OBSERVATION_FIELDS,
  type ObservationFields,
} from '../evidence/observation-validate.js';
import type { Retraction } from './evidence-log.js';

/** Every column, in the order export writes them. */
export type CsvColumn = 'id' | FieldName | 'retracted_at' | 'retraction_reason';
export const CSV_COLUMNS: readonly CsvColumn[] = [
  'id',
  ...OBSERVATION_FIELDS,
  'retracted_at',
  'retraction_reason',
];

/** Columns an import file must have (the value may be in state, weights or probs). */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = [
  'indicator',
  'event_date',
  'report_date',
  'source',
  'reliability',
  'credibility',
];

/** One data row: its line in the file, the observation's fields and a retraction if it has one. */
export interface CsvRow {
  readonly line: number;
  readonly fields: ObservationFields;
  readonly retracted?: Retraction;
}

/** A problem at a line of the file: `line: field — expected …`. */
export interface CsvProblem {
  readonly line: number;
  readonly field: string;
  readonly expected: string;
}

export interface ParsedCsv {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
}

/** An ISO 8601 UTC timestamp as new Date().toISOString() writes it, or a date YYYY-MM-DD. */
function isTimestamp(s: string): boolean {
  return /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z)?$/.test(s) && !Number.isNaN(Date.parse(s));
}

function lineOf(endLine: number, record: readonly string[]): number {
  // csv-parse reports the line a record ends on; a quoted field may span lines.
  const inner = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  return endLine - inner;
}

/** The header and rows of an observation CSV; problems of shape, each with its line. */
export function parseObservationCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Line ends become LF first: csv-parse miscounts lines after a blank CRLF line, and a line
    // break inside a quoted note is the same break either way.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    return {
      rows: [],
      problems: [{ line: err.lines ?? 0, field: '(file)', expected: `valid CSV: ${err.message}` }],
    };
  }
  const [head, ...body] = records;
  if (head === undefined) {
    return {
      rows: [],
      problems: [
        { line: 1, field: '(header)', expected: `a header line of columns (${CSV_COLUMNS.join(',')})` },
      ],
    };
  }
  const headerLine = lineOf(head.info.lines, head.record);
  const header = head.record.map((h) => h.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  header.forEach((h, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(h)) {
      problems.push({
        line: headerLine,
        field: `column ${i + 1} '${h}'`,
        expected: `one of ${CSV_COLUMNS.join(', ')}`,
      });
    } else if (header.indexOf(h) !== i) {
      problems.push({ line: headerLine, field: `column ${i + 1} '${h}'`, expected: 'each column once' });
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push({
      line: headerLine,
      field: '(header)',
      expected: `the columns ${missing.join(', ')} (missing)`,
    });
  }
  if (!['state', 'weights', 'probs'].some((c) => header.includes(c))) {
    problems.push({
      line: headerLine,
      field: '(header)',
      expected: 'a state, weights or probs column (missing)',
    });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const line = lineOf(info.lines, record);
    if (record.length !== header.length) {
      problems.push({
        line,
        field: '(row)',
        expected: `${header.length} fields as in the header, got ${record.length}`,
      });
      continue;
    }
    const cell: Partial<Record<CsvColumn, string>> = {};
    header.forEach((h, i) => {
      const v = record[i]!;
      if (v.trim() !== '') cell[h as CsvColumn] = v;
    });
    const { id: _id, retracted_at, retraction_reason, ...fields } = cell;
    let retracted: Retraction | undefined;
    if (retracted_at !== undefined || retraction_reason !== undefined) {
      if (retracted_at === undefined || !isTimestamp(retracted_at.trim())) {
        problems.push({
          line,
          field: 'retracted_at',
          expected: `an ISO 8601 UTC time (e.g. 2026-02-12T09:30:00.000Z) for a retracted row${
            retracted_at === undefined ? ' (the field is missing)' : `, got '${retracted_at}'`
          }`,
        });
      } else if (retraction_reason === undefined) {
        problems.push({
          line,
          field: 'retraction_reason',
          expected: 'the reason for the retraction (the field is missing)',
        });
      } else {
        retracted = { at: retracted_at.trim(), reason: retraction_reason.trim() };
      }
    }
    rows.push({ line, fields, ...(retracted === undefined ? {} : { retracted }) });
  }
  return { rows, problems };
}

/** One field quoted as RFC 4180 requires: when it holds a comma, quote, CR or LF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `state=number` pairs, `;`-separated (no quoting needed), in the value's key order. */
function pairs(r: Readonly<Record<string, number>>): string {
  return Object.entries(r)
    .map(([s, x]) => `${s}=${x}`)
    .join(';');
}

/** A cell per column for one observation. */
function cells(o: Observation): Record<CsvColumn, string> {
  const v = o.value;
  return {
    id: String(o.id),
    scenario: o.scenario,
    indicator: o.indicator,
    state: v.kind === 'hard' ? v.state : '',
    weights: v.kind === 'likelihood' ? pairs(v.weights) : '',
    probs: v.kind === 'probability' ? pairs(v.probs) : '',
    event_date: o.eventDate,
    report_date: o.reportDate,
    source: o.source,
    reliability: o.reliability,
    credibility: String(o.credibility),
    note: o.note ?? '',
    plover: o.category?.plover ?? '',
    cameo: o.category?.cameo ?? '',
    goldstein: o.category?.goldstein === undefined ? '' : String(o.category.goldstein),
    retracted_at: o.retracted?.at ?? '',
    retraction_reason: o.retracted?.reason ?? '',
  };
}

/** The observations as CSV with a header line; LF line ends, a final newline. */
export function observationsToCsv(observations: readonly Observation[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const o of observations) {
    const c = cells(o);
    lines.push(CSV_COLUMNS.map((k) => csvField(c[k])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
