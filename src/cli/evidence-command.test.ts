import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, brink } from '../../test/support/brink-cli.js';

const SCENARIO = 'test/fixtures/evidence/chicken-evidence.yaml';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'brink-evidence-cli-'));
}

/** `brink evidence SUB ... --scenario fixture --db db` */
function ev(db: string, sub: string, ...args: string[]): ReturnType<typeof brink> {
  const withScenario = sub === 'retract' ? [] : ['--scenario', SCENARIO];
  return brink('evidence', sub, ...args, ...withScenario, '--db', db);
}

const revving = [
  '--indicator',
  'engine_revving',
  '--state',
  'observed',
  '--event-date',
  '2026-02-10',
  '--report-date',
  '2026-02-11',
  '--source',
  'Reuters',
  '--reliability',
  'B',
  '--credibility',
  '2',
];

describe.skipIf(!existsSync(BIN))('brink evidence', () => {
  it('adds, lists (as of a date, as JSON) and retracts observations', () => {
    const db = join(tempDir(), 'brink.db');
    const a = ev(db, 'add', ...revving, '--plover', 'MOBILIZE', '--cameo', '152', '--goldstein', '-7.2');
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toBe(
      'added observation 1: engine_revving = observed (event 2026-02-10, reported 2026-02-11, Reuters, B2)\n',
    );
    const b = ev(
      db,
      'add',
      '--indicator',
      'speed',
      '--probs',
      'fast=0.7,steady=0.2,slow=0.1',
      '--event-date',
      '2026-02-09',
      '--report-date',
      '2026-02-13',
      '--source',
      'OSINT',
      '--reliability',
      'c',
      '--credibility',
      '3',
      '--note',
      'dash cam',
    );
    expect(b.code).toBe(0);
    const list = ev(db, 'list');
    expect(list.code).toBe(0);
    expect(list.out.split('\n')).toEqual([
      'id  event       reported    indicator       value                               grade  source   category                   note',
      '2   2026-02-09  2026-02-13  speed           probs fast=0.7 steady=0.2 slow=0.1  C3     OSINT                               dash cam',
      '1   2026-02-10  2026-02-11  engine_revving  observed                            B2     Reuters  MOBILIZE CAMEO 152 G -7.2',
      '',
    ]);
    const asOf = JSON.parse(ev(db, 'list', '--as-of', '2026-02-12', '--json').out) as { id: number }[];
    expect(asOf.map((o) => o.id)).toEqual([1]);

    const r = ev(db, 'retract', '1', '--reason', 'misheard');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^retracted observation 1: engine_revving = observed/);
    expect(JSON.parse(ev(db, 'list', '--json').out).map((o: { id: number }) => o.id)).toEqual([2]);
    const all = JSON.parse(ev(db, 'list', '--all', '--json').out) as {
      id: number;
      retracted?: { reason: string };
    }[];
    expect(all.map((o) => [o.id, o.retracted?.reason])).toEqual([
      [2, undefined],
      [1, 'misheard'],
    ]);
    const again = ev(db, 'retract', '1', '--reason', 'twice');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^brink: .*observation 1 was already retracted at .* \(misheard\)/);
    const unknown = ev(db, 'retract', '7', '--reason', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no observation 7/);
  });

  it('refuses an invalid observation, naming each option, and writes nothing', () => {
    const db = join(tempDir(), 'brink.db');
    const r = ev(
      db,
      'add',
      ...revving.slice(0, 2),
      '--state',
      'revving',
      '--event-date',
      '2026-02-10',
      '--report-date',
      '2026-02-08',
      '--source',
      'x',
      '--reliability',
      'G',
      '--credibility',
      '2',
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        'brink: evidence add: the observation was not added:',
        "  --state — expected a state of indicator 'engine_revving' (observed, not_observed), got 'revving'",
        "  --report-date — expected a date on or after the event date 2026-02-10 (a report cannot precede its event), got '2026-02-08'",
        "  --reliability — expected a source reliability A–F (Admiralty code), got 'G'",
        '',
      ].join('\n'),
    );
    expect(ev(db, 'list').out).toBe('no observations\n');
    const typo = ev(db, 'add', ...revving.map((x) => (x === 'engine_revving' ? 'engine_reving' : x)));
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      /--indicator — expected .*\(did you mean 'engine_revving'\?\), got 'engine_reving'/,
    );
    expect(typo.err).not.toMatch(/\bat .*\.js:\d+/);
    // A missing required option is a usage error too (commander's message), exit 2.
    const missing = ev(db, 'add', '--indicator', 'speed', '--state', 'fast');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("error: required option '--event-date <date>' not specified\n");
  });

  it('imports a CSV file whole, or reports every bad row by line and imports nothing', () => {
    const dir = tempDir();
    const db = join(dir, 'brink.db');
    ev(db, 'add', ...revving);
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'indicator,state,weights,event_date,report_date,source,reliability,credibility,plover,goldstein',
        'speed,fast,,2026-02-01,2026-02-02,a,A,1,,',
        'speed,,fast=1;steady=-1;slow=0,2026-02-01,2026-02-02,b,B,2,,',
        'speed,slow,,2026-02-01,2026-02-02,c,C,7,FIGHT,-11',
        'speed,slow,,2026-02-03,2026-02-04,d,D,4,,',
        '',
      ].join('\n'),
    );
    const r = ev(db, 'import', bad);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        `${bad}:3: weights — expected a non-negative number for 'steady', got '-1'`,
        `${bad}:4: credibility — expected an information credibility 1–6 (Admiralty code), got '7'`,
        `${bad}:4: goldstein — expected a Goldstein score from -10 to 10, got '-11'`,
        `brink: ${bad}: 3 problems on 2 lines; nothing was imported`,
        '',
      ].join('\n'),
    );
    expect(JSON.parse(ev(db, 'list', '--json').out)).toHaveLength(1);

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      readFileSync(bad, 'utf8')
        .replace('fast=1;steady=-1', 'fast=1;steady=1')
        .replace(',7,FIGHT,-11', ',5,FIGHT,-10'),
    );
    const ok = ev(db, 'import', good);
    expect(ok.err).toBe('');
    expect(ok.out).toBe(`imported 4 observations (ids 2–5) into ${db}\n`);
    expect(JSON.parse(ev(db, 'list', '--json').out)).toHaveLength(5);
  });

  it('exports CSV and JSON that import back into an empty log unchanged', () => {
    const dir = tempDir();
    const a = join(dir, 'a.db');
    ev(a, 'add', ...revving, '--note', 'first, "quoted"\nsecond line');
    ev(a, 'add', '--indicator', 'speed', '--weights', 'fast=3,steady=1,slow=0.25', ...revving.slice(4));
    ev(a, 'retract', '1', '--reason', 'superseded by imagery');
    const csv = ev(a, 'export');
    expect(csv.code).toBe(0);
    const file = join(dir, 'export.csv');
    expect(ev(a, 'export', '-o', file).out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(csv.out);
    const b = join(dir, 'b.db');
    const imported = ev(b, 'import', file);
    expect(imported.err).toBe('');
    expect(ev(b, 'export').out).toBe(csv.out);
    expect(ev(b, 'export', '--format', 'json').out).toBe(ev(a, 'export', '--format', 'json').out);
    expect(ev(b, 'list', '--all').out).toBe(ev(a, 'list', '--all').out);
    const fmt = ev(a, 'export', '--format', 'xml');
    expect(fmt.code).toBe(2);
    expect(fmt.err).toBe('brink: --format xml: expected csv or json\n');
  });

  it('uses the bundled scenario by default and refuses a bad --as-of', () => {
    const db = join(tempDir(), 'brink.db');
    const r = brink('evidence', 'list', '--db', db);
    expect(r.err).toBe('');
    expect(r.out).toBe('no observations\n');
    const bad = brink('evidence', 'list', '--db', db, '--as-of', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('brink: --as-of 2026-02-30: expected an ISO date YYYY-MM-DD\n');
  });
});
