import { describe, expect, it } from 'vitest';
import { describeOracle, listOracleGames, readGameText } from '../../test/support/oracle.js';
import { GameFormatError, readEfg, readGame, readNfg, writeEfg, writeNfg } from './gambit-format.js';
import { childrenOf } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, type StrategicGame, TERMINAL } from './types.js';

const POKER = `EFG 2 R "One card poker game, after Myerson (1991)" { "Alice" "Bob" }
""

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
`;

/** A structural fingerprint of a game that compares numbers exactly. */
function efgShape(g: ExtensiveGame) {
  const nodes = [];
  for (let n = 0; n < g.nodes.count; n++) {
    const h = g.nodes.infoset[n]!;
    const o = g.nodes.outcome[n]!;
    nodes.push({
      kind: g.nodes.kind[n],
      label: g.nodes.label[n],
      infoset:
        h < 0 ? null : { ...g.infosets[h]!, probs: g.infosets[h]!.probs?.map((p) => p.exact!.toFraction()) },
      outcome:
        o < 0
          ? null
          : { label: g.outcomes[o]!.label, pay: g.outcomes[o]!.payoffs.map((p) => p.exact!.toFraction()) },
      children: Array.from(childrenOf(g, n)),
    });
  }
  return { title: g.title, comment: g.comment, players: g.players, nodes };
}

function nfgShape(g: StrategicGame) {
  return { ...g, payoffs: g.payoffs.map((p) => p.exact!.toFraction()), outcomeForm: undefined };
}

describe('readEfg', () => {
  const g = readEfg(POKER, 'poker.efg');
  it('reads players, nodes, chance probabilities and outcomes', () => {
    expect(g.players).toEqual(['Alice', 'Bob']);
    expect(g.nodes.count).toBe(11);
    expect(g.nodes.kind[0]).toBe(CHANCE);
    expect(g.nodes.kind[1]).toBe(PERSONAL);
    expect(g.nodes.kind[3]).toBe(TERMINAL);
    const chance = g.infosets[g.nodes.infoset[0]!]!;
    expect(chance.player).toBe(-1);
    expect(chance.probs!.map((p) => p.exact!.toFraction())).toEqual(['1/2', '1/2']);
    expect(g.outcomes.map((o) => o.number)).toEqual([1, 2, 4, 3]);
    expect(g.outcomes[0]!.payoffs.map((p) => p.value)).toEqual([2, -2]);
  });
  it('shares information sets between nodes and orders them player by player', () => {
    expect(g.infosets.map((h) => [h.player, h.number])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [-1, 1],
    ]);
    expect(g.nodes.infoset[2]).toBe(g.nodes.infoset[7]);
    expect(Array.from(childrenOf(g, 0))).toEqual([1, 6]);
  });
  it('round-trips exactly', () => {
    const again = readEfg(writeEfg(g));
    expect(efgShape(again)).toEqual(efgShape(g));
    expect(writeEfg(again)).toBe(writeEfg(g));
  });
  it('reads escaped quotes in names and writes them back', () => {
    const text =
      'EFG 2 R "say \\"hi\\"" { "A \\\\ B" }\n"" \np "" 1 1 "" { "x" "y\\"z" } 0\nt "" 1 "o" { 1 }\nt "" 2 "o2" { 2.5e1 }\n';
    const h = readEfg(text);
    expect(h.title).toBe('say "hi"');
    expect(h.players).toEqual(['A \\ B']);
    expect(h.infosets[0]!.actions).toEqual(['x', 'y"z']);
    expect(h.outcomes[1]!.payoffs[0]!.value).toBe(25);
    expect(efgShape(readEfg(writeEfg(h)))).toEqual(efgShape(h));
  });
  it('accepts an information set or outcome given by its number alone', () => {
    const text =
      'EFG 2 R "" { "A" "B" } ""\np "" 1 1 "" { "L" "R" } 0\np "" 2 1 "" { "l" "r" } 1 "o" { 1 2 }\nt "" 1\nt "" 0\np "" 2 1 0\nt "" 1\nt "" 0\n';
    const h = readEfg(text);
    expect(h.nodes.count).toBe(7);
    expect(h.infosets).toHaveLength(2);
    expect(h.nodes.outcome[5]).toBe(h.nodes.outcome[2]);
    expect(h.nodes.outcome[3]).toBe(-1);
  });
});

describe('readNfg', () => {
  it('reads the payoff form with strategy counts', () => {
    const g = readNfg('NFG 1 D "t" { "P1" "P2" } { 3 2 }\n\n0.5 1 2 3 4 5 6 7 8 9 10 11\n');
    expect(g.strategies).toEqual([
      ['1', '2', '3'],
      ['1', '2'],
    ]);
    // profile (s1=2, s2=1) is index 1: player 1 varies fastest
    expect(g.payoffs[1 * 2 + 0]!.value).toBe(2);
    expect(g.payoffs[0]!.exact!.toFraction()).toBe('1/2');
    expect(nfgShape(readNfg(writeNfg(g)))).toEqual(nfgShape(g));
  });
  it('reads the outcome form and keeps it when writing', () => {
    const text = `NFG 1 R "coord" { "P1" "P2" }\n\n{ { "a" "b" } { "c" "d" } }\n""\n\n{ { "Coord" 1, 1 } { "Miss" 0, 0 } }\n1 2 0 1\n`;
    const g = readNfg(text);
    expect(g.payoffs.map((p) => p.value)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
    const out = writeNfg(g);
    expect(out).toContain('{ "Coord" 1, 1 }');
    expect(nfgShape(readNfg(out))).toEqual(nfgShape(g));
  });
});

describe('errors name file, line, column and what was expected', () => {
  const cases: [string, string, RegExp][] = [
    [
      'EFG 2 R "x" { "A" }\n""\np "" 1 1 "" { "a" } 0\nt "" 1 "o" { 1 2 }\n',
      'bad.efg',
      /^bad\.efg:4:\d+: expected 1 payoffs/,
    ],
    [
      'EFG 2 R "x" { "A" }\n""\np "" 2 1 "" { "a" } 0\n',
      'p.efg',
      /^p\.efg:3:6: expected a player number from 1 to 1/,
    ],
    [
      'EFG 2 R "x" { "A" }\n""\np "" 1 1 "" { "a" "b" } 0\nt "" 0\n',
      'short.efg',
      /short\.efg:5:1: the game tree ends early/,
    ],
    ['EFG 2 R "x" { "A" }\n""\nq "" 1\n', 'q.efg', /q\.efg:3:1: expected a node: 'p'/],
    [
      'EFG 2 R "x" { "A" }\n""\nc "" 1 "" { "a" 1/2 "b" 1/3 } 0\nt "" 0\nt "" 0\n',
      'c.efg',
      /c\.efg:3:6: expected chance probabilities that add up to 1/,
    ],
    ['EFG 2 R "x { "A" }\n', 'quote.efg', /quote\.efg:\d+:\d+: /],
    ['NFG 1 R "x" { "A" "B" } { 2 2 }\n1 2 3\n', 'n.nfg', /n\.nfg:3:1: expected payoff 4 of 8/],
    ['NFG 1 R "x" { "A" } { 2 }\n1 zz\n', 'z.nfg', /z\.nfg:2:3: expected payoff 2 of 2 .*found 'zz'/],
    ['hello', 'h.txt', /h\.txt:1:1: expected a Gambit game/],
  ];
  for (const [text, file, re] of cases) {
    it(`${file}`, () => {
      let err: unknown;
      try {
        readGame(text, file);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(GameFormatError);
      expect((err as Error).message).toMatch(re);
    });
  }
});

describeOracle('every oracle game reads and round-trips exactly', () => {
  const games = listOracleGames();
  it(`reads all ${games.length} games`, () => {
    let ok = 0;
    for (const og of games) {
      const text = readGameText(og);
      const parsed = readGame(text, og.gamePath);
      if (parsed.kind === 'efg') {
        const again = readEfg(writeEfg(parsed.game));
        expect(efgShape(again), og.name).toEqual(efgShape(parsed.game));
        expect(writeEfg(again), og.name).toBe(writeEfg(parsed.game));
      } else {
        const again = readNfg(writeNfg(parsed.game));
        expect(nfgShape(again), og.name).toEqual(nfgShape(parsed.game));
        expect(writeNfg(again), og.name).toBe(writeNfg(parsed.game));
      }
      ok++;
    }
    console.log(`gambit formats: ${ok}/${games.length} oracle games read and round-trip exactly`);
    expect(ok).toBe(194);
  });
});
