import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseNeLines,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { enumPure, enumPureExtensive, enumPureMixed } from './enum-pure.js';
import { readGame } from './gambit-format.js';
import { Fraction } from './num.js';
import { flattenBehavior } from './reduced-normal-form.js';
import { bimatrixGame, makeStrategicGame, maxRegret } from './strategic.js';
import { TreeBuilder } from './tree.js';
import { PERSONAL, TERMINAL } from './types.js';

const key = (row: readonly Fraction[]) => row.map((x) => x.toFraction()).join(',');

describe('enumPure on strategic games', () => {
  it('battle of the sexes has its two pure equilibria', () => {
    const g = bimatrixGame(
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 2],
      ],
    );
    expect(enumPure(g)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('matching pennies has none', () => {
    const g = bimatrixGame(
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    );
    expect(enumPure(g)).toEqual([]);
  });

  it('counts weak equilibria (ties are not profitable deviations)', () => {
    // All-zero game: every profile is an equilibrium.
    const g = makeStrategicGame([2, 3, 2], () => [0, 0, 0]);
    expect(enumPure(g)).toHaveLength(12);
  });

  it('compares exact payoffs exactly', () => {
    // 1/3 and 0.333... as doubles would tie after rounding in sums; here they are plain values but
    // exact ranks must keep 1/3 > 3333333333333333/10^16.
    const third = new Fraction(1, 3);
    const close = new Fraction(3333333333333333n, 10000000000000000n);
    const g = makeStrategicGame([2, 1], ([i]) => (i === 0 ? [third, 0] : [close, 0]));
    expect(enumPure(g)).toEqual([[0, 0]]);
  });

  it('finds the pure equilibria of a three-player coordination game', () => {
    const g = makeStrategicGame([2, 2, 2], (s) => (s[0] === s[1] && s[1] === s[2] ? [1, 1, 1] : [0, 0, 0]));
    expect(enumPure(g)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });
});

describe('enumPure on extensive games', () => {
  it('entry game: (In, Accommodate) and (Out, Fight); Out leaves the entrant... and prints both actions of the incumbent', () => {
    // Entrant: Out (0, 2) or In; incumbent: Fight (-1, -1) or Accommodate (1, 1).
    const b = new TreeBuilder({ players: ['Entrant', 'Incumbent'] });
    const e = b.addInfoset({ player: 0, label: '', actions: ['Out', 'In'] });
    const inc = b.addInfoset({ player: 1, label: '', actions: ['Fight', 'Accommodate'] });
    const out = b.addOutcome({
      label: '',
      payoffs: [0, 2].map((v) => ({ value: v, exact: new Fraction(v) })),
    });
    const fight = b.addOutcome({
      label: '',
      payoffs: [-1, -1].map((v) => ({ value: v, exact: new Fraction(v) })),
    });
    const acc = b.addOutcome({
      label: '',
      payoffs: [1, 1].map((v) => ({ value: v, exact: new Fraction(v) })),
    });
    b.addNode(PERSONAL, e);
    b.addNode(TERMINAL, -1, out);
    b.addNode(PERSONAL, inc);
    b.addNode(TERMINAL, -1, fight);
    b.addNode(TERMINAL, -1, acc);
    const g = b.finish();
    const eqs = enumPureExtensive(g).map((x) => key(flattenBehavior(g, x.behavior.exact!)));
    expect(eqs.sort()).toEqual(['0,1,0,1', '1,0,1,0']);
  });
});

describe('properties', () => {
  const shapes = [
    [2, 2],
    [3, 4],
    [2, 2, 2],
    [3, 2, 2],
    [2, 2, 2, 2],
    [5, 1],
  ];
  it('every profile returned has zero regret, and every zero-regret pure profile is returned', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.infiniteStream(fc.integer({ min: -3, max: 3 })),
        (counts, stream) => {
          const it = stream[Symbol.iterator]();
          const g = makeStrategicGame(counts, () => counts.map(() => it.next().value as number));
          const found = new Set(enumPure(g).map((p) => p.join(',')));
          const total = counts.reduce((a, b) => a * b, 1);
          for (let p = 0; p < total; p++) {
            let rest = p;
            const pure = counts.map((c) => {
              const s = rest % c;
              rest = Math.floor(rest / c);
              return s;
            });
            const probs = counts.map((c, i) => Array.from({ length: c }, (_, s) => (s === pure[i] ? 1 : 0)));
            const isNash = maxRegret(g, probs) <= 1e-9;
            expect(found.has(pure.join(','))).toBe(isNash);
          }
          for (const m of enumPureMixed(g)) expect(maxRegret(g, m.probs)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describeOracle('enumpure against Gambit', () => {
  it('reproduces enumpure.out as sets for every game with a reference', () => {
    const games = listOracleGames().filter((o) => hasReference(o, 'enumpure'));
    const failures: string[] = [];
    for (const o of games) {
      const text = readOracleOutput(o, 'enumpure.out');
      const expected = parseNeLines(text).map(key);
      // A game without personal information sets prints a bare `NE` (the empty profile), which parseNeLines skips.
      for (const line of (text ?? '').split('\n')) if (line.trim() === 'NE') expected.push('');
      expected.sort();
      let got: string[];
      try {
        const parsed = readGame(readGameText(o), o.gamePath);
        if (parsed.kind === 'nfg') {
          got = enumPureMixed(parsed.game).map((m) => key(m.exact!.flat()));
        } else {
          const g = parsed.game;
          got = enumPureExtensive(g).map((x) => key(flattenBehavior(g, x.behavior.exact!)));
        }
      } catch (e) {
        failures.push(`${o.name}: ${(e as Error).message}`);
        continue;
      }
      got.sort();
      if (JSON.stringify(got) !== JSON.stringify(expected))
        failures.push(`${o.name}: got ${got.length}, expected ${expected.length}`);
    }
    console.log(`enumpure: ${games.length - failures.length}/${games.length} agree`);
    expect(failures).toEqual([]);
  });
});
