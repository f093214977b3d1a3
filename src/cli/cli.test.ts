// End-to-end tests of the built `brink` command (npm test builds it first: see "pretest").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brink } from '../../test/support/brink-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'brink-cli-'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

// Myerson's one-card poker: value 1/3 to Alice; Bob meets with 2/3 (hand-derived).
const POKER = file(
  'poker.efg',
  `EFG 2 R "poker" { "Alice" "Bob" } ""
c "" 1 "" { "King" 1/2 "Queen" 1/2 } 0
p "" 1 1 "" { "Raise" "Fold" } 0
p "" 2 1 "" { "Meet" "Pass" } 0
t "" 1 "Alice wins big" { 2, -2 }
t "" 2 "Alice wins" { 1, -1 }
t "" 4 "Bob wins" { -1, 1 }
p "" 1 2 "" { "Raise" "Fold" } 0
p "" 2 1 "" { "Meet" "Pass" } 0
t "" 3 "Bob wins big" { -2, 2 }
t "" 2 "Alice wins" { 1, -1 }
t "" 4 "Bob wins" { -1, 1 }
`,
);
// Battle of the sexes: two pure equilibria and one mixed (2/3, 1/3).
const BOS = file('bos.nfg', 'NFG 1 R "bos" { "A" "B" } { 2 2 }\n2 1 0 0 0 0 1 2\n');

describe('brink solve', () => {
  it('prints the lcp equilibrium of a tree as Gambit does, with payoffs', () => {
    const r = brink('solve', POKER, '--method', 'lcp');
    expect(r.code).toBe(0);
    expect(r.out).toBe('NE,1,0,1/3,2/3,2/3,1/3\npayoffs,1/3,-1/3\n');
  });
  it('lists all three equilibria of battle of the sexes with enummixed', () => {
    const r = brink('solve', BOS, '--method', 'enummixed');
    const lines = r.out.split('\n').filter((l) => l.startsWith('NE,'));
    expect(new Set(lines)).toEqual(new Set(['NE,1,0,1,0', 'NE,0,1,0,1', 'NE,2/3,1/3,1/3,2/3']));
  });
  it('gives the zero-sum value with lp and the QRE at a given lambda with logit', () => {
    expect(brink('solve', POKER, '-m', 'lp').out).toContain('payoffs,1/3,-1/3');
    // Matching pennies is uniform at every lambda.
    const mp = file('mp.nfg', 'NFG 1 R "mp" { "A" "B" } { 2 2 }\n1 -1 -1 1 -1 1 1 -1\n');
    expect(brink('solve', mp, '-m', 'logit', '--lambda', '2').out.split('\n')[0]).toBe(
      '2.0000000000,0.5,0.5,0.5,0.5',
    );
  });
  it('writes documented JSON', () => {
    const j = JSON.parse(brink('solve', BOS, '-m', 'pure', '--json').out);
    expect(j.method).toBe('pure');
    expect(j.labels).toEqual(['A: 1', 'A: 2', 'B: 1', 'B: 2']);
    expect(j.equilibria).toHaveLength(2);
    expect(j.equilibria[0].payoffsExact).toEqual(['2', '1']);
    expect(j.equilibria[0].regret).toBe(0);
  });
});

describe('brink convert', () => {
  it('turns a tree into its reduced strategic form', () => {
    const r = brink('convert', POKER, '--to', 'nfg');
    expect(r.code).toBe(0);
    expect(r.out).toContain('{ "11" "12" "21" "22" }');
  });
});

describe('bad input: a clear message and exit code 2, never a stack trace', () => {
  it('names file, line and column of a syntax error', () => {
    const bad = file('bad.efg', 'EFG 2 R "x" { "A" }\n""\np "" 1 1 "" { "a" } 0\nt "" 1 "o" { 1 2 }\n');
    const r = brink('solve', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.efg:4:\d+: expected 1 payoffs/);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  it('refuses a missing file, a bad method, a method that does not fit the game', () => {
    expect(brink('solve', join(dir, 'none.efg')).err).toMatch(/none\.efg: no such file/);
    const m = brink('solve', BOS, '-m', 'simplex');
    expect([m.code, m.err]).toEqual([
      2,
      'brink: --method simplex: expected one of spe, pure, enummixed, lcp, lp, logit\n',
    ]);
    const lp = brink('solve', BOS, '-m', 'lp');
    expect(lp.code).toBe(2);
    expect(lp.err).toMatch(/constant-sum/);
    expect(brink('solve', BOS, '-m', 'spe').code).toBe(2);
  });
});
