import { describe, expect, it } from 'vitest';
import {
  type OracleGame,
  describeOracle,
  hasReference,
  listOracleGames,
  readGameText,
  readOracleOutput,
} from '../../test/support/oracle.js';
import { readEfg } from './gambit-format.js';
import { numFromFloat } from './num.js';
import { hasPerfectRecall, perfectRecallViolation } from './perfect-recall.js';
import { TreeBuilder } from './tree.js';
import { PERSONAL, TERMINAL } from './types.js';

describe('hasPerfectRecall', () => {
  it('rejects a game where a player forgets her own earlier move', () => {
    // Player 1 moves L/R, then moves again at both successors in one information set: imperfect recall.
    const b = new TreeBuilder({ players: ['1', '2'] });
    const h1 = b.addInfoset({ player: 0, label: '', actions: ['L', 'R'] });
    const h2 = b.addInfoset({ player: 0, label: '', actions: ['l', 'r'] });
    const o = b.addOutcome({ label: '', payoffs: [numFromFloat(0), numFromFloat(0)] });
    b.addNode(PERSONAL, h1);
    for (let i = 0; i < 2; i++) {
      b.addNode(PERSONAL, h2);
      b.addNode(TERMINAL, -1, o);
      b.addNode(TERMINAL, -1, o);
    }
    expect(hasPerfectRecall(b.finish())).toBe(false);
  });

  it('accepts the same shape when the two nodes follow a move of the other player', () => {
    const b = new TreeBuilder({ players: ['1', '2'] });
    const h1 = b.addInfoset({ player: 1, label: '', actions: ['L', 'R'] });
    const h2 = b.addInfoset({ player: 0, label: '', actions: ['l', 'r'] });
    const o = b.addOutcome({ label: '', payoffs: [numFromFloat(0), numFromFloat(0)] });
    b.addNode(PERSONAL, h1);
    for (let i = 0; i < 2; i++) {
      b.addNode(PERSONAL, h2);
      b.addNode(TERMINAL, -1, o);
      b.addNode(TERMINAL, -1, o);
    }
    expect(hasPerfectRecall(b.finish())).toBe(true);
  });
});

describe('perfectRecallViolation: absent-mindedness', () => {
  it('rejects an information set with two members on one path', () => {
    // The absent-minded driver (Piccione & Rubinstein 1997): one information set, two nodes on a path.
    const b = new TreeBuilder({ players: ['1'] });
    const h = b.addInfoset({ player: 0, label: '', actions: ['exit', 'continue'] });
    const o = b.addOutcome({ label: '', payoffs: [numFromFloat(0)] });
    b.addNode(PERSONAL, h);
    b.addNode(TERMINAL, -1, o);
    b.addNode(PERSONAL, h);
    b.addNode(TERMINAL, -1, o);
    b.addNode(TERMINAL, -1, o);
    expect(perfectRecallViolation(b.finish())).toMatch(/information set 0 of player 1/);
  });
});

describeOracle('hasPerfectRecall on Gambit games', () => {
  const games = listOracleGames().filter((g) => g.kind === 'efg');
  const refusedForRecall = (g: OracleGame) =>
    ['lcp.err', 'enumpure.err', 'lp.err'].some((f) => /imperfect recall/.test(readOracleOutput(g, f) ?? ''));
  it('agrees with Gambit on which games have imperfect recall', () => {
    let imperfect = 0;
    let checked = 0;
    for (const g of games) {
      const game = readEfg(readGameText(g), g.gamePath);
      const gambitSaysImperfect = refusedForRecall(g);
      // Games Gambit refused for other reasons (repeated labels) give no verdict unless a solver ran.
      if (!gambitSaysImperfect && !hasReference(g, 'lcp') && !hasReference(g, 'enumpure')) continue;
      checked++;
      if (gambitSaysImperfect) imperfect++;
      expect(hasPerfectRecall(game), g.name).toBe(!gambitSaysImperfect);
    }
    expect(imperfect).toBeGreaterThanOrEqual(15);
    expect(checked).toBeGreaterThan(60);
  });
});
