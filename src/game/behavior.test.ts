import { describe, expect, it } from 'vitest';
import { behaviorFromFlat, printedLength } from '../../test/support/efg-profiles.js';
import {
  describeOracle,
  hasReference,
  listOracleGames,
  parseNeLines,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import {
  actionValues,
  agentRegrets,
  beliefs,
  bestResponse,
  centroidBehavior,
  expectedPayoffs,
  expectedPayoffsExact,
  maxAgentRegret,
  maxNashRegret,
  nashRegrets,
  nodeValues,
  profileData,
  pureBehavior,
  realizationProbs,
} from './behavior.js';
import { readEfg } from './gambit-format.js';
import { Fraction } from './num.js';
import { hasPerfectRecall, perfectRecallViolation } from './perfect-recall.js';
import { TreeBuilder } from './tree.js';
import { type BehaviorProfile, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

const PENNIES = `EFG 2 R "Matching pennies, sequential, second mover uninformed" { "1" "2" }
""
p "" 1 1 "" { "H" "T" } 0
p "" 2 1 "" { "h" "t" } 0
t "" 1 "" { 1, -1 }
t "" 2 "" { -1, 1 }
p "" 2 1 "" { "h" "t" } 0
t "" 3 "" { -1, 1 }
t "" 4 "" { 1, -1 }
`;

// Chance at the root with a toll, an outcome on an inner node, and a second set of player 1.
const INNER = `EFG 2 R "inner outcomes" { "1" "2" }
""
c "" 1 "" { "a" 1/4 "b" 3/4 } 1 "toll" { -1, 0 }
p "" 1 1 "" { "L" "R" } 0
t "" 2 "" { 4, 0 }
p "" 2 1 "" { "l" "r" } 3 "fee" { 0, 2 }
t "" 4 "" { 1, 1 }
t "" 5 "" { 0, 3 }
p "" 1 2 "" { "X" "Y" } 0
t "" 6 "" { 2, 2 }
t "" 7 "" { 6, -1 }
`;

const DRIVER = `EFG 2 R "Absent-minded driver (Piccione-Rubinstein)" { "driver" }
""
p "" 1 1 "" { "exit" "cont" } 0
t "" 1 "" { 0 }
p "" 1 1 "" { "exit" "cont" } 0
t "" 2 "" { 4 }
t "" 3 "" { 1 }
`;

const f = (s: string) => new Fraction(s);

function profile(g: ExtensiveGame, personal: number[][]): BehaviorProfile {
  let k = 0;
  return { probs: g.infosets.map((h) => (h.player < 0 ? h.probs!.map((p) => p.value) : personal[k++]!)) };
}

describe('sequential matching pennies (hand-derived)', () => {
  const g = readEfg(PENNIES);
  it('pure against mixed: reach, beliefs, action values and regrets', () => {
    const b = profile(g, [
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(Array.from(realizationProbs(g, b))).toEqual([1, 1, 0.5, 0.5, 0, 0, 0]);
    expect(expectedPayoffs(g, b)).toEqual([0, 0]);
    const bel = beliefs(g, realizationProbs(g, b));
    expect([bel[1], bel[4]]).toEqual([1, 0]);
    // T against (1/2, 1/2) is worth −1/2 + 1/2 = 0, like H.
    expect(actionValues(g, b)).toEqual([
      [0, 0],
      [-1, 1],
    ]);
    expect(nashRegrets(g, b)).toEqual([0, 1]);
    expect(Array.from(agentRegrets(g, b))).toEqual([0, 1]);
    expect(bestResponse(g, b, 1).actions[1]).toBe(1);
  });
  it('mixed against pure', () => {
    const b = profile(g, [
      [0.25, 0.75],
      [1, 0],
    ]);
    expect(expectedPayoffs(g, b)).toEqual([-0.5, 0.5]);
    const bel = beliefs(g, realizationProbs(g, b));
    expect([bel[1], bel[4]]).toEqual([0.25, 0.75]);
    expect(nashRegrets(g, b)).toEqual([1.5, 0]);
    expect(bestResponse(g, b, 0)).toMatchObject({ value: 1 });
    expect(bestResponse(g, b, 0).actions[0]).toBe(0);
  });
  it('the mixed equilibrium has zero regret', () => {
    expect(
      maxNashRegret(
        g,
        profile(g, [
          [0.5, 0.5],
          [0.5, 0.5],
        ]),
      ),
    ).toBe(0);
  });
});

describe('outcomes on inner nodes and chance (hand-derived)', () => {
  const g = readEfg(INNER);
  const b = profile(g, [
    [0.5, 0.5],
    [1, 0],
    [0.5, 0.5],
  ]);
  it('node values add the outcomes along the path', () => {
    const v = nodeValues(g, b);
    expect([v[3 * 2], v[3 * 2 + 1]]).toEqual([0.5, 4]);
    expect([v[1 * 2], v[1 * 2 + 1]]).toEqual([2.25, 2]);
    expect(expectedPayoffs(g, b)).toEqual([1.0625, 2]);
  });
  it('exact expected payoffs', () => {
    const exact = {
      ...b,
      exact: [
        [f('1/2'), f('1/2')],
        [f('1'), f('0')],
        [f('1/2'), f('1/2')],
        [f('1/4'), f('3/4')],
      ],
    };
    expect(expectedPayoffsExact(g, exact)!.map((x) => x.toFraction())).toEqual(['17/16', '2']);
    expect(expectedPayoffsExact(g, b)).toBeUndefined();
  });
  it('best responses and regrets', () => {
    const br0 = bestResponse(g, b, 0);
    expect(br0.value).toBe(4.5);
    expect(Array.from(br0.actions)).toEqual([0, 1, -1, -1]);
    const br1 = bestResponse(g, b, 1);
    expect(br1.value).toBe(2.125);
    expect(nashRegrets(g, b)).toEqual([3.4375, 0.125]);
    expect(Array.from(agentRegrets(g, b))).toEqual([0.4375, 3, 0.125, 0]);
    expect(maxAgentRegret(g, b)).toBe(3);
  });
  it('rejects a profile of the wrong shape', () => {
    expect(() => expectedPayoffs(g, { probs: [[1, 0]] })).toThrow(/information sets/);
  });
});

describe('degenerate games', () => {
  it('a root that is terminal', () => {
    const g = readEfg(`EFG 2 R "t" { "A" "B" }\n""\nt "" 1 "o" { 3, -3 }\n`);
    const b: BehaviorProfile = { probs: [] };
    expect(expectedPayoffs(g, b)).toEqual([3, -3]);
    expect(maxNashRegret(g, b)).toBe(0);
    expect(maxAgentRegret(g, b)).toBe(0);
  });
  it('a zero-probability chance branch: uniform beliefs in the unreached set, no regret from it', () => {
    const g = readEfg(`EFG 2 R "z" { "A" "B" }
""
c "" 1 "" { "x" 1 "y" 0 } 0
t "" 1 "" { 1, 1 }
p "" 2 1 "" { "l" "r" } 0
p "" 1 1 "" { "u" "d" } 0
t "" 2 "" { 0, 0 }
t "" 3 "" { 5, 5 }
p "" 1 1 "" { "u" "d" } 0
t "" 4 "" { 0, 9 }
t "" 5 "" { 0, 0 }
`);
    const b = profile(g, [
      [1, 0],
      [0.5, 0.5],
    ]);
    const data = profileData(g, b);
    expect(data.beliefs[3]).toBe(0.5);
    expect(data.beliefs[6]).toBe(0.5);
    expect(data.infosetReach[0]).toBe(0);
    expect(maxNashRegret(g, b)).toBe(0);
    expect(maxAgentRegret(g, b)).toBe(0);
    // Action values in the unreached set use the uniform beliefs: u = (0 + 0)/2, d = (5 + 0)/2.
    expect(actionValues(g, b, data)[0]).toEqual([0, 2.5]);
  });
  it('a one-player game', () => {
    const g = readEfg(
      `EFG 2 R "one" { "solo" }\n""\np "" 1 1 "" { "a" "b" "c" } 0\nt "" 1 "" { 1 }\nt "" 2 "" { 3 }\nt "" 3 "" { 2 }\n`,
    );
    const b = profile(g, [[1, 0, 0]]);
    expect(bestResponse(g, b, 0)).toMatchObject({ value: 3 });
    expect(maxNashRegret(g, b)).toBe(2);
    expect(maxNashRegret(g, pureBehavior(g, [1]))).toBe(0);
  });
  it('an information set without nodes is ignored', () => {
    const t = new TreeBuilder({ players: ['A'] });
    const root = t.addInfoset({ player: 0, label: 'root', actions: ['x', 'y'] });
    t.addInfoset({ player: 0, label: 'empty', actions: ['p', 'q'] });
    const o1 = t.addOutcome({ label: '', payoffs: [{ value: 1 }] });
    const o2 = t.addOutcome({ label: '', payoffs: [{ value: 2 }] });
    t.addNode(PERSONAL, root);
    t.addNode(TERMINAL, -1, o1);
    t.addNode(TERMINAL, -1, o2);
    const g = t.finish();
    const b = profile(g, [
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(bestResponse(g, b, 0).value).toBe(2);
    expect(Array.from(bestResponse(g, b, 0).actions)).toEqual([1, 0]);
    expect(Array.from(agentRegrets(g, b))).toEqual([1, 0]);
    expect(maxNashRegret(g, b)).toBe(1);
  });
  it('refuses best responses without perfect recall (absent-minded driver)', () => {
    const g = readEfg(DRIVER);
    expect(hasPerfectRecall(g)).toBe(false);
    expect(perfectRecallViolation(g)).toMatch(/different own histories/);
    const b = profile(g, [[1 / 3, 2 / 3]]);
    // 1/3·0 + 2/3·(1/3·4 + 2/3·1) = 4/3: realization probabilities still make sense.
    expect(expectedPayoffs(g, b)[0]).toBeCloseTo(4 / 3, 15);
    expect(() => maxNashRegret(g, b)).toThrow(/perfect recall/);
  });
});

// ------------------------------------------------------------------ against Gambit

/** All pure behaviour strategies of a player (one action per own set), when not too many. */
function bruteForceBestValue(
  g: ExtensiveGame,
  b: BehaviorProfile,
  player: number,
  limit = 4096,
): number | undefined {
  const mine = g.infosets.flatMap((h, i) => (h.player === player ? [i] : []));
  const total = mine.reduce((s, i) => s * g.infosets[i]!.actions.length, 1);
  if (total > limit) return undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (let code = 0; code < total; code++) {
    let rest = code;
    const probs = b.probs.map((row) => row.slice());
    for (const i of mine) {
      const k = g.infosets[i]!.actions.length;
      probs[i] = probs[i]!.map((_, a) => (a === rest % k ? 1 : 0));
      rest = Math.floor(rest / k);
    }
    best = Math.max(best, expectedPayoffs(g, { probs })[player]!);
  }
  return best;
}

describeOracle('against the Gambit oracle (.efg games)', () => {
  const games = listOracleGames()
    .filter((o) => o.kind === 'efg')
    .map((o) => {
      try {
        return { o, g: readEfg(readGameText(o), o.name) };
      } catch {
        return undefined;
      }
    })
    .filter((x) => x !== undefined);
  const withRecall = games.filter(({ g }) => hasPerfectRecall(g));

  it('reads the oracle games, and finds the ones without perfect recall', () => {
    expect(games.length).toBeGreaterThan(100);
    const noRecall = games.filter(({ g }) => !hasPerfectRecall(g)).map(({ o }) => o.name);
    // Gambit's test games named noPR-* lack perfect recall by construction.
    for (const { o } of games) if (/noPR/.test(o.name)) expect(noRecall).toContain(o.name);
    expect(noRecall).not.toContain('contrib__games__e04.efg');
  });

  it("Gambit's lcp and enumpure equilibria have Nash regret ≤ 1e-9", () => {
    let checked = 0;
    let agree = 0;
    for (const { o, g } of withRecall) {
      for (const method of ['lcp', 'enumpure']) {
        if (!hasReference(o, method)) continue;
        for (const line of parseNeLines(readOracleOutput(o, `${method}.out`))) {
          if (line.length !== printedLength(g)) continue;
          checked++;
          const r = maxNashRegret(g, behaviorFromFlat(g, line));
          if (r <= 1e-9) agree++;
          else console.log(`regret ${r} for ${method} on ${o.name}`);
        }
      }
    }
    console.log(`behavior: ${agree}/${checked} Gambit equilibria (lcp, enumpure) have Nash regret ≤ 1e-9`);
    expect(checked).toBeGreaterThan(50);
    expect(agree).toBe(checked);
  });

  it('best-response values equal brute force over pure strategies; agent regret ≤ Nash regret', () => {
    let compared = 0;
    for (const { o, g } of withRecall) {
      const profiles = [centroidBehavior(g)];
      const lcp = parseNeLines(readOracleOutput(o, 'lcp.out'))[0];
      if (lcp && lcp.length === printedLength(g)) profiles.push(behaviorFromFlat(g, lcp));
      for (const b of profiles) {
        const regrets = nashRegrets(g, b);
        const agent = agentRegrets(g, b);
        g.infosets.forEach((h, i) => {
          if (h.player >= 0) expect(agent[i]!).toBeLessThanOrEqual(regrets[h.player]! + 1e-9);
        });
        for (let p = 0; p < g.players.length; p++) {
          const brute = bruteForceBestValue(g, b, p);
          if (brute === undefined) continue;
          compared++;
          expect(bestResponse(g, b, p).value, `${o.name} player ${p + 1}`).toBeCloseTo(brute, 9);
        }
      }
    }
    console.log(`behavior: ${compared} best-response values equal brute force`);
    expect(compared).toBeGreaterThan(100);
  });
});
