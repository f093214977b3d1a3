import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, observationsToCsv, parseObservationCsv } from './evidence-csv.js';

const HEADER = 'indicator,state,event_date,report_date,source,reliability,credibility';

describe('parseObservationCsv', () => {
  it('reads rows with their line numbers (blank lines, quoted line breaks, CRLF, BOM)', () => {
    const text = `\uFEFF${HEADER}\r\nspeed,fast,2026-02-01,2026-02-02,"a, b",A,1\r\n\r\nspeed,slow,2026-02-03,2026-02-03,"one\r\ntwo",B,2\r\nspeed,fast,2026-02-04,2026-02-05,c,C,3\r\n`;
    const { rows, problems } = parseObservationCsv(text);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(rows[0]?.fields).toEqual({
      indicator: 'speed',
      state: 'fast',
      event_date: '2026-02-01',
      report_date: '2026-02-02',
      source: 'a, b',
      reliability: 'A',
      credibility: '1',
    });
    expect(rows[1]?.fields.source).toBe('one\ntwo');
  });

  it('leaves empty cells out and ignores the id column', () => {
    const { rows } = parseObservationCsv(`id,${HEADER},note\n17,speed,fast,2026-02-01,2026-02-02,s,A,1,\n`);
    expect(rows[0]?.fields).not.toHaveProperty('note');
    expect(rows[0]?.fields).not.toHaveProperty('id');
  });

  it('reports unknown, repeated and missing columns on the header line', () => {
    expect(parseObservationCsv('indicator,Indicator,colour\n').problems).toEqual([
      { line: 1, field: "column 2 'indicator'", expected: 'each column once' },
      { line: 1, field: "column 3 'colour'", expected: `one of ${CSV_COLUMNS.join(', ')}` },
      {
        line: 1,
        field: '(header)',
        expected: 'the columns event_date, report_date, source, reliability, credibility (missing)',
      },
      { line: 1, field: '(header)', expected: 'a state, weights or probs column (missing)' },
    ]);
    expect(parseObservationCsv('').problems[0]?.field).toBe('(header)');
  });

  it('reports rows with the wrong number of fields, and an unclosed quote', () => {
    const { rows, problems } = parseObservationCsv(
      `${HEADER}\nspeed,fast\nspeed,fast,2026-02-01,2026-02-02,s,A,1\n`,
    );
    expect(problems).toEqual([{ line: 2, field: '(row)', expected: '7 fields as in the header, got 2' }]);
    expect(rows.map((r) => r.line)).toEqual([3]);
    const open = parseObservationCsv(`${HEADER}\nspeed,"fast\n`).problems;
    expect(open).toHaveLength(1);
    expect(open[0]?.line).toBe(2);
    expect(open[0]?.expected).toMatch(/^valid CSV: .*Quote Not Closed/);
  });

  it('reads a retraction from its two columns, and needs both', () => {
    const head = `${HEADER},retracted_at,retraction_reason\n`;
    const row = 'speed,fast,2026-02-01,2026-02-02,s,A,1';
    const ok = parseObservationCsv(`${head}${row},2026-03-01T10:00:00.000Z,wrong carrier\n`);
    expect(ok.rows[0]?.retracted).toEqual({ at: '2026-03-01T10:00:00.000Z', reason: 'wrong carrier' });
    expect(parseObservationCsv(`${head}${row},,why\n`).problems).toEqual([
      {
        line: 2,
        field: 'retracted_at',
        expected:
          'an ISO 8601 UTC time (e.g. 2026-02-12T09:30:00.000Z) for a retracted row (the field is missing)',
      },
    ]);
    expect(parseObservationCsv(`${head}${row},yesterday,why\n`).problems[0]?.expected).toMatch(
      /got 'yesterday'$/,
    );
    expect(parseObservationCsv(`${head}${row},2026-03-01,\n`).problems[0]?.field).toBe('retraction_reason');
  });
});

describe('writing CSV', () => {
  it('quotes a field only when RFC 4180 requires it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('writes every column, soft evidence as state=value pairs', () => {
    const csv = observationsToCsv([
      {
        id: 3,
        scenario: 's',
        indicator: 'speed',
        value: { kind: 'likelihood', weights: { fast: 2, slow: 0.5 } },
        eventDate: '2026-02-01',
        reportDate: '2026-02-02',
        source: 'x',
        reliability: 'F',
        credibility: 6,
        category: { plover: 'MOBILIZE', goldstein: -2 },
      },
    ]);
    expect(csv).toBe(
      `${CSV_COLUMNS.join(',')}\n3,s,speed,,fast=2;slow=0.5,,2026-02-01,2026-02-02,x,F,6,,MOBILIZE,,-2,,\n`,
    );
  });
});
