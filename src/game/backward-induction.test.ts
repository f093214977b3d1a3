import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatFromBehavior } from '../../test/support/efg-profiles.js';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseNeLines,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import {
  BackwardInductionError,
  backwardInduction,
  backwardInductionExact,
  perfectInformationViolation,
} from './backward-induction.js';
import { maxNashRegret, nodeValues, pureBehavior } from './behavior.js';
import { readEfg } from './gambit-format.js';
import { Fraction, numFromFraction } from './num.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

// Rosenthal's centipede, four moves: taking is the unique subgame-perfect play.
const CENTIPEDE = `EFG 2 R "Centipede" { "1" "2" }
""
p "" 1 1 "" { "T" "P" } 0
t "" 1 "" { 1, 0 }
p "" 2 1 "" { "T" "P" } 0
t "" 2 "" { 0, 2 }
p "" 1 2 "" { "T" "P" } 0
t "" 3 "" { 3, 1 }
p "" 2 2 "" { "T" "P" } 0
t "" 4 "" { 2, 4 }
t "" 5 "" { 5, 3 }
`;

const ENTRY = `EFG 2 R "Entry deterrence" { "Entrant" "Incumbent" }
""
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "Out" { 0, 2 }
p "" 2 1 "" { "Fight" "Accommodate" } 0
t "" 2 "Fight" { -1, -1 }
t "" 3 "Accommodate" { 1, 1 }
`;

const GAMBLE = `EFG 2 R "Perfect information with chance" { "1" "2" }
""
p "" 1 1 "" { "safe" "gamble" } 0
t "" 1 "" { 2, 0 }
c "" 1 "" { "good" 1/3 "bad" 2/3 } 0
p "" 2 1 "" { "l" "r" } 0
t "" 2 "" { 6, 1 }
t "" 3 "" { 3, 2 }
p "" 1 2 "" { "a" "b" } 0
t "" 4 "" { 1, 5 }
t "" 5 "" { 0, 7 }
`;

const vec = (values: ArrayLike<number>, node: number, np: number) =>
  Array.from(values).slice(node * np, node * np + np);

/** Subgame perfection in a perfect-information game: at every decision node the mover's chosen child is best. */
function oneShotDeviationGain(g: ExtensiveGame, profile: { probs: number[][] }): number {
  const np = g.players.length;
  const v = nodeValues(g, profile);
  let worst = 0;
  const { count, kind, infoset, childStart, childList } = g.nodes;
  for (let n = 0; n < count; n++) {
    if (kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    const mover = g.infosets[h]!.player;
    let chosen = 0;
    let best = Number.NEGATIVE_INFINITY;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      const x = v[childList[k]! * np + mover]!;
      best = Math.max(best, x);
      chosen += profile.probs[h]![a]! * x;
    }
    worst = Math.max(worst, best - chosen);
  }
  return worst;
}

describe('backward induction (hand-derived)', () => {
  it('centipede: take at once', () => {
    const g = readEfg(CENTIPEDE);
    const r = backwardInduction(g);
    expect(Array.from(r.actions)).toEqual([0, 0, 0, 0]);
    expect(vec(r.values, 0, 2)).toEqual([1, 0]);
    expect(vec(r.values, 2, 2)).toEqual([0, 2]);
    expect(vec(r.values, 4, 2)).toEqual([3, 1]);
    expect(vec(r.values, 6, 2)).toEqual([2, 4]);
    expect(r.ties).toBe(false);
  });
  it('entry deterrence: In and Accommodate, not the Nash equilibrium (Out, Fight)', () => {
    const g = readEfg(ENTRY);
    const r = backwardInduction(g);
    expect(r.profile.probs).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(vec(r.values, 0, 2)).toEqual([1, 1]);
    // (Out, Fight) is a Nash equilibrium resting on an incredible threat.
    const threat = pureBehavior(g, [0, 0]);
    expect(maxNashRegret(g, threat)).toBe(0);
    expect(oneShotDeviationGain(g, threat)).toBe(2);
    expect(oneShotDeviationGain(g, r.profile)).toBe(0);
  });
  it('chance: expected values by hand (1/3·(3,2) + 2/3·(1,5) = (5/3, 4), so safe)', () => {
    const g = readEfg(GAMBLE);
    const r = backwardInduction(g);
    expect(Array.from(r.actions)).toEqual([0, 0, 1, -1]);
    expect(r.values[2 * 2]).toBeCloseTo(5 / 3, 15);
    expect(r.values[2 * 2 + 1]).toBeCloseTo(4, 15);
    expect(vec(r.values, 0, 2)).toEqual([2, 0]);
    const exact = backwardInductionExact(g);
    expect(exact.values.slice(4, 6).map((x) => x.toFraction())).toEqual(['5/3', '4']);
    expect(exact.values.slice(0, 2).map((x) => x.toFraction())).toEqual(['2', '0']);
    expect(Array.from(exact.actions)).toEqual(Array.from(r.actions));
    expect(exact.profile.exact![2]!.map((x) => x.toFraction())).toEqual(['0', '1']);
  });
  it('ties: the first best action, and the tie is reported', () => {
    const g = readEfg(`EFG 2 R "tie" { "1" "2" }
""
p "" 1 1 "" { "a" "b" } 0
t "" 1 "" { 1, 0 }
t "" 2 "" { 1, 5 }
`);
    const r = backwardInduction(g);
    expect(Array.from(r.actions)).toEqual([0]);
    expect(r.ties).toBe(true);
    expect(r.tiedDecisions).toBe(1);
    expect(backwardInductionExact(g).tiedDecisions).toBe(1);
  });
  it('near ties within rounding count as ties (0.1 + 0.2 vs 0.3)', () => {
    const g = readEfg(`EFG 2 R "rounding" { "1" }
""
p "" 1 1 "" { "a" "b" } 0
t "" 1 "" { 0.3 }
t "" 2 "" { 0.1 } 
`);
    // Put an outcome of 0.2 under b by a chance node with probability 1.
    const t = new TreeBuilder({ players: ['1'] });
    const d = t.addInfoset({ player: 0, label: '', actions: ['a', 'b'] });
    const c = t.addInfoset({
      player: -1,
      label: '',
      actions: ['x'],
      probs: [numFromFraction(new Fraction(1))],
    });
    const o3 = t.addOutcome({ label: '', payoffs: [{ value: 0.3 }] });
    const o1 = t.addOutcome({ label: '', payoffs: [{ value: 0.1 }] });
    const o2 = t.addOutcome({ label: '', payoffs: [{ value: 0.2 }] });
    t.addNode(PERSONAL, d);
    t.addNode(TERMINAL, -1, o3);
    t.addNode(CHANCE, c, o1);
    t.addNode(TERMINAL, -1, o2);
    const r = backwardInduction(t.finish());
    expect(0.1 + 0.2 > 0.3).toBe(true);
    expect(Array.from(r.actions)).toEqual([0, -1]);
    expect(r.ties).toBe(true);
    expect(backwardInduction(g).ties).toBe(false);
  });
});

describe('backward induction: degenerate games', () => {
  it('refuses imperfect information with the reason', () => {
    const g = readEfg(`EFG 2 R "pennies" { "1" "2" }
""
p "" 1 1 "" { "H" "T" } 0
p "" 2 1 "guess" { "h" "t" } 0
t "" 1 "" { 1, -1 }
t "" 2 "" { -1, 1 }
p "" 2 1 "guess" { "h" "t" } 0
t "" 3 "" { -1, 1 }
t "" 4 "" { 1, -1 }
`);
    expect(perfectInformationViolation(g)).toMatch(/information set 1 "guess" of player 2 \(2\) has 2 nodes/);
    expect(() => backwardInduction(g)).toThrow(BackwardInductionError);
    expect(() => backwardInductionExact(g)).toThrow(/perfect information/);
  });
  it('a terminal root', () => {
    const g = readEfg(`EFG 2 R "t" { "A" "B" }\n""\nt "" 1 "o" { 3, -3 }\n`);
    const r = backwardInduction(g);
    expect(Array.from(r.values)).toEqual([3, -3]);
    expect(r.profile.probs).toEqual([]);
  });
  it('a one-player game', () => {
    const g = readEfg(
      `EFG 2 R "one" { "solo" }\n""\np "" 1 1 "" { "a" "b" "c" } 0\nt "" 1 "" { 1 }\nt "" 2 "" { 3 }\nt "" 3 "" { 2 }\n`,
    );
    const r = backwardInduction(g);
    expect(r.profile.probs).toEqual([[0, 1, 0]]);
    expect(r.values[0]).toBe(3);
  });
  it('a zero-probability chance branch is still solved optimally (subgame perfection off the path)', () => {
    const g = readEfg(`EFG 2 R "z" { "A" "B" }
""
c "" 1 "" { "x" 1 "y" 0 } 0
t "" 1 "" { 1, 1 }
p "" 2 1 "" { "l" "r" } 0
t "" 2 "" { 0, 0 }
t "" 3 "" { 0, 4 }
`);
    const r = backwardInduction(g);
    expect(Array.from(r.actions)).toEqual([1, -1]);
    expect(vec(r.values, 0, 2)).toEqual([1, 1]);
    expect(vec(r.values, 2, 2)).toEqual([0, 4]);
  });
  it('an information set without nodes gets its first action', () => {
    const t = new TreeBuilder({ players: ['A'] });
    const root = t.addInfoset({ player: 0, label: '', actions: ['x', 'y'] });
    t.addInfoset({ player: 0, label: 'empty', actions: ['p', 'q'] });
    const o1 = t.addOutcome({ label: '', payoffs: [{ value: 1 }] });
    const o2 = t.addOutcome({ label: '', payoffs: [{ value: 2 }] });
    t.addNode(PERSONAL, root);
    t.addNode(TERMINAL, -1, o1);
    t.addNode(TERMINAL, -1, o2);
    const r = backwardInduction(t.finish());
    expect(r.profile.probs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it('profile rows are frozen (they are shared)', () => {
    const r = backwardInduction(readEfg(CENTIPEDE));
    expect(r.profile.probs[0]).toBe(r.profile.probs[1]);
    expect(Object.isFrozen(r.profile.probs[0])).toBe(true);
  });
});

// ------------------------------------------------------------------ random perfect-information trees

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random perfect-information tree with chance (probabilities possibly 0), inner outcomes and small integer payoffs (so ties happen). */
function randomPerfectInfoGame(seed: number, players: number, maxDepth: number): ExtensiveGame {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const t = new TreeBuilder({ players: Array.from({ length: players }, (_, i) => `P${i + 1}`) });
  const outcome = () =>
    t.addOutcome({
      label: '',
      payoffs: Array.from({ length: players }, () => numFromFraction(new Fraction(int(-3, 3)))),
    });
  const grow = (depth: number): void => {
    const inner = rnd() < 0.2 ? outcome() : -1;
    const r = rnd();
    if (depth >= maxDepth || r < 0.25) {
      t.addNode(TERMINAL, -1, outcome());
      return;
    }
    const arity = int(1, 3);
    const actions = Array.from({ length: arity }, (_, a) => `a${a}`);
    if (r < 0.4) {
      const w = actions.map(() => int(0, 3));
      if (!w.some((x) => x > 0)) w[0] = 1;
      const sum = w.reduce((s, x) => s + x, 0);
      const h = t.addInfoset({
        player: -1,
        label: '',
        actions,
        probs: w.map((x) => numFromFraction(new Fraction(x, sum))),
      });
      t.addNode(CHANCE, h, inner);
    } else {
      t.addNode(PERSONAL, t.addInfoset({ player: int(0, players - 1), label: '', actions }), inner);
    }
    for (let a = 0; a < arity; a++) grow(depth + 1);
  };
  grow(0);
  return t.finish();
}

describe('backward induction on random perfect-information trees (fast-check)', () => {
  it('is a Nash equilibrium, subgame perfect, and agrees with exact arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        (seed, players, depth) => {
          const g = randomPerfectInfoGame(seed, players, depth);
          const r = backwardInduction(g);
          expect(maxNashRegret(g, r.profile)).toBeLessThanOrEqual(1e-9);
          expect(oneShotDeviationGain(g, r.profile)).toBeLessThanOrEqual(1e-9);
          const exact = backwardInductionExact(g);
          expect(Array.from(r.actions)).toEqual(Array.from(exact.actions));
          expect(r.tiedDecisions).toBe(exact.tiedDecisions);
          for (let p = 0; p < players; p++) expect(r.values[p]).toBeCloseTo(exact.values[p]!.valueOf(), 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ against Gambit

/** Does our pure profile equal a line of enumpure, reading Gambit's all-zero rows (unreached sets) as "anything"? */
function matchesEnumpure(ours: number[], theirs: Fraction[], g: ExtensiveGame): boolean {
  let k = 0;
  for (const h of g.infosets) {
    if (h.player < 0) continue;
    const row = theirs.slice(k, k + h.actions.length).map((x) => x.valueOf());
    const mine = ours.slice(k, k + h.actions.length);
    k += h.actions.length;
    if (row.every((x) => x === 0)) continue;
    if (row.some((x, a) => x !== mine[a])) return false;
  }
  return true;
}

describeOracle('backward induction against the Gambit oracle', () => {
  it('on every perfect-information .efg game: Nash (regret ≤ 1e-9), subgame perfect, and among enumpure equilibria', () => {
    let solved = 0;
    let nash = 0;
    let compared = 0;
    let found = 0;
    for (const o of listOracleGames()) {
      if (o.kind !== 'efg') continue;
      let g: ExtensiveGame;
      try {
        g = readEfg(readGameText(o), o.name);
      } catch {
        continue;
      }
      if (perfectInformationViolation(g)) continue;
      solved++;
      const r = backwardInduction(g);
      if (maxNashRegret(g, r.profile) <= 1e-9 && oneShotDeviationGain(g, r.profile) <= 1e-9) nash++;
      if (!hasReference(o, 'enumpure')) continue;
      compared++;
      const text = readOracleOutput(o, 'enumpure.out');
      const lines = parseNeLines(text);
      const ours = flatFromBehavior(g, r.profile);
      // A game without decisions: Gambit prints a bare "NE" for its one (empty) profile.
      if (ours.length === 0 && /^NE\s*$/m.test(text ?? '')) found++;
      else if (lines.some((l) => matchesEnumpure(ours, l, g))) found++;
      else
        console.log(`backward induction: ${o.name}: ${ours.join(',')} not among enumpure's ${lines.length}`);
    }
    console.log(
      `backward induction: ${nash}/${solved} perfect-information games solved to a subgame-perfect Nash equilibrium; ${found}/${compared} found among Gambit's enumpure equilibria`,
    );
    expect(solved).toBeGreaterThan(10);
    expect(nash).toBe(solved);
    expect(found).toBe(compared);
  });
});
