import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../../test/support/oracle.js';
import { BargainInputError } from '../errors.js';
import { forecastBdm } from './forecast.js';
import { type Actor, type BdmOffer, DEFAULT_BDM_OPTIONS, PORT_BDM_OPTIONS } from './model.js';
import { parseActorsCsv } from './read-actors.js';

const BDM_DIR = join(SHARED_DIR, 'oracle', 'bdm');
const haveOracle = existsSync(BDM_DIR);
if (!haveOracle) console.warn(`[brink tests] ${BDM_DIR} not found: the BDM port comparison is skipped.`);
const describeBdm = haveOracle ? describe : describe.skip;

function euActors(): Actor[] {
  const file = join(BDM_DIR, 'eu-example-actors.csv');
  return parseActorsCsv(readFileSync(file, 'utf8'), file).actors;
}

interface LogRound {
  offers: Pick<BdmOffer, 'actor' | 'proposer' | 'kind' | 'euActor' | 'euProposer' | 'to'>[];
  median: number;
  mean: number;
}

/** port-5-rounds.log: the initial median/mean, then per round its offers and median/mean lines. */
function readPortLog(): LogRound[] {
  const lines = readFileSync(join(BDM_DIR, 'port-5-rounds.log'), 'utf8').split('\n');
  const rounds: LogRound[] = [{ offers: [], median: Number.NaN, mean: Number.NaN }];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const cur = rounds[rounds.length - 1]!;
    let m: RegExpExecArray | null;
    if (/^ROUND \d+/.test(l)) rounds.push({ offers: [], median: Number.NaN, mean: Number.NaN });
    else if ((m = /^Median position: (\S+)/.exec(l))) cur.median = Number(m[1]);
    else if ((m = /^Mean position: (\S+)/.exec(l))) cur.mean = Number(m[1]);
    else if ((m = /^(\S+) (loses confrontation to|compromises with|capitulates to) (\S+)$/.exec(l))) {
      const eus = /^\t(\S+) vs (\S+)$/.exec(lines[i + 1]!)!;
      const pos = /^\tnew_pos = (\S+)$/.exec(lines[i + 2]!)!;
      const kind = m[2]!.startsWith('loses')
        ? 'confrontation'
        : m[2]!.startsWith('comp')
          ? 'compromise'
          : 'capitulation';
      cur.offers.push({
        actor: m[1]!,
        proposer: m[3]!,
        kind,
        euActor: Number(eus[1]),
        euProposer: Number(eus[2]),
        to: Number(pos[1]),
      });
      i += 2;
    }
  }
  return rounds;
}

describeBdm('the EU example against the port (../shared/oracle/bdm/port-5-rounds.log)', () => {
  it('PORT_BDM_OPTIONS reproduce the offers of rounds 1 and 2 to the last digit', () => {
    const log = readPortLog();
    expect(log.length).toBe(3);
    const f = forecastBdm(euActors(), { ...PORT_BDM_OPTIONS, rounds: 2 });
    for (const t of [1, 2]) {
      const ours = f.rounds[t]!.offers;
      expect(ours.map((o) => [o.actor, o.kind, o.proposer])).toEqual(
        log[t]!.offers.map((o) => [o.actor, o.kind, o.proposer]),
      );
      ours.forEach((o, k) => {
        const theirs = log[t]!.offers[k]!;
        expect(o.euActor).toBeCloseTo(theirs.euActor, 13);
        expect(o.euProposer).toBeCloseTo(theirs.euProposer, 13);
        expect(o.to).toBeCloseTo(theirs.to, 13);
      });
      expect(f.rounds[t]!.mean).toBeCloseTo(log[t]!.mean, 13);
    }
    // Round 1: Belgium compromises with France (7 → 8.4159), Luxembourg and Ireland lose confrontations.
    expect(f.rounds[1]!.offers.map((o) => o.to)).toEqual([8.415932315426764, 7, 4]);
  });

  it("the port's 'Median position' after a round is its weighted mean (a logging slip); ours is the median", () => {
    const log = readPortLog();
    const f = forecastBdm(euActors(), { ...PORT_BDM_OPTIONS, rounds: 2 });
    expect(log[0]!.median).toBe(7);
    expect(f.rounds[0]!.median).toBe(7);
    expect(f.rounds[0]!.mean).toBeCloseTo(log[0]!.mean, 14);
    // run_model logs mean_position() under both labels after each round.
    expect(log[1]!.median).toBe(log[1]!.mean);
    // The weighted median after round 1 is Belgium's new position: c·s at 4 is .247, at 7 .062
    // (cumulative .309), at 8.416 .032 (cumulative .341 ≥ .677/2).
    expect(f.rounds[1]!.median).toBeCloseTo(8.415932315426764, 14);
    expect(f.rounds[2]!.median).toBeCloseTo(9.610859134120188, 14);
  });

  it('the default (paper) options differ from round 1: capitulations to Greece, least-move compromises', () => {
    // Differences from the port: (1) P_ij over the votes of the dyad, net, not over all dyads, so the
    // probabilities are not tiny and the round-0 risk exponents are the published ones;
    // (2) capitulation exists (the port's test `eu_ji < abs(eu_ji)` is never true); (3) an actor
    // takes the offer that moves it least, not a confrontation first and Scholz's compromise key.
    const f = forecastBdm(euActors(), DEFAULT_BDM_OPTIONS);
    const r1 = f.rounds[1]!.offers.map((o) => `${o.actor} ${o.kind} ${o.proposer} → ${o.to.toFixed(4)}`);
    expect(r1).toEqual([
      'Netherlands capitulation Greece → 7.0000',
      'Belgium compromise Denmark → 5.3213',
      'Luxembourg compromise Greece → 4.9032',
      'Germany capitulation Greece → 7.0000',
      'France capitulation Greece → 7.0000',
      'Italy capitulation Greece → 7.0000',
      'Ireland compromise Denmark → 6.7517',
    ]);
    const nl = f.rounds[1]!.offers[0]!;
    expect(nl.euActor).toBeCloseTo(-0.44482994164452344, 12);
    expect(nl.euProposer).toBeCloseTo(0.0056398318940376335, 12);
    expect(f.rounds[2]!.offers.map((o) => o.actor)).toEqual([
      'Belgium',
      'Luxembourg',
      'UK',
      'Ireland',
      'Denmark',
    ]);
    expect(f.rounds.map((r) => r.median)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(f.forecast).toBe(7);
    expect(f.baseline).toBeCloseTo(6.866259749402646, 12);
    expect(f.rounds[0]!.mean).toBeCloseTo(7.389955686853767, 14);
  });

  it("the paper's literal numerator with Scholz's compromise rule converges on 7, where the risk formula is 0/0", () => {
    const opts = {
      ...DEFAULT_BDM_OPTIONS,
      winNumerator: 'positive' as const,
      compromise: 'scholz-code' as const,
    };
    const conv = forecastBdm(euActors(), { ...opts, rounds: 10, allAgree: 'stop' });
    expect(conv.stoppedEarly).toBe(true);
    expect(conv.rounds).toHaveLength(4); // rounds 0-3: everyone is at 7 after round 3
    const last = conv.rounds[3]!;
    expect(last.actors.every((a) => a.position === 7)).toBe(true);
    expect(last.actors.every((a) => a.risk === 1 && a.security === 0)).toBe(true);
    expect(conv.forecast).toBe(7);
    expect(conv.baseline).toBeCloseTo(7, 14);
    expect(() => forecastBdm(euActors(), { ...opts, rounds: 10, allAgree: 'error' })).toThrow(
      'round 3: every actor has the same security (0), so the risk exponents are undefined (allAgree: error)',
    );
    // neutral: r = 1, no offers, the positions stay at 7 until the last round.
    const neutral = forecastBdm(euActors(), { ...opts, rounds: 10 });
    expect(neutral.rounds).toHaveLength(11);
    expect(neutral.rounds.slice(4).every((r) => r.offers.length === 0 && r.median === 7)).toBe(true);
  });
});

describe('forecastBdm: all actors agree', () => {
  const agree: Actor[] = [
    { name: 'A', capability: 1, position: 5, salience: 0.5 },
    { name: 'B', capability: 2, position: 5, salience: 1 },
  ];

  it('neutral: r = 1 and nothing moves', () => {
    const f = forecastBdm(agree, { scale: [0, 10], rounds: 2 });
    expect(f.rounds).toHaveLength(3);
    expect(f.rounds.every((r) => r.offers.length === 0 && r.median === 5 && r.mean === 5)).toBe(true);
    expect(f.rounds[2]!.actors.map((a) => a.risk)).toEqual([1, 1]);
    expect(f.stoppedEarly).toBe(false);
  });

  it('stop: the forecast ends at round 0; error: refused with a message', () => {
    const f = forecastBdm(agree, { scale: [0, 10], rounds: 2, allAgree: 'stop' });
    expect(f.rounds).toHaveLength(1);
    expect(f.stoppedEarly).toBe(true);
    expect(f.forecast).toBe(5);
    expect(() => forecastBdm(agree, { scale: [0, 10], allAgree: 'error' })).toThrow(BargainInputError);
  });

  it('without a scale, agreement leaves no range to measure distances on', () => {
    expect(() => forecastBdm(agree)).toThrow(/every actor holds position 5: give the issue's scale/);
  });
});

describe('forecastBdm: bad input is refused, naming the actor and the field', () => {
  const ok: Actor[] = [
    { name: 'A', capability: 1, position: 0, salience: 0.5 },
    { name: 'B', capability: 2, position: 10, salience: 1 },
  ];
  const bad = (patch: Partial<Actor>) => [ok[0]!, { ...ok[1]!, ...patch }];

  it('negative capability', () => {
    expect(() => forecastBdm(bad({ capability: -0.1 }))).toThrow(
      'actor B: capability -0.1 must be a number ≥ 0',
    );
  });
  it('salience outside [0, 1]', () => {
    expect(() => forecastBdm(bad({ salience: 1.5 }))).toThrow('actor B: salience 1.5 must be in [0, 1]');
    expect(() => forecastBdm(bad({ salience: -0.2 }))).toThrow('actor B: salience -0.2 must be in [0, 1]');
  });
  it("a position outside the issue's scale", () => {
    expect(() => forecastBdm(bad({ position: 12 }), { scale: [0, 10] })).toThrow(
      "actor B: position 12 is outside the issue's scale [0, 10]",
    );
  });
  it('other mistakes', () => {
    expect(() => forecastBdm(bad({ name: 'A' }))).toThrow('actor A: name appears twice');
    expect(() => forecastBdm([ok[0]!])).toThrow('expected at least 2 actors, got 1');
    expect(() => forecastBdm(ok, { scale: [5, 5] })).toThrow(
      'scale [5, 5]: expected two finite numbers lo < hi',
    );
    expect(() => forecastBdm(ok, { rounds: -1 })).toThrow('rounds -1: expected an integer ≥ 0');
    // biome-ignore lint/suspicious/noExplicitAny: an option from outside TypeScript
    expect(() => forecastBdm(ok, { compromise: 'median' as any })).toThrow(
      'compromise median: expected one of least-move, scholz-code',
    );
    expect(() => forecastBdm(bad({ salience: 0 }).map((a) => ({ ...a, salience: 0 })))).toThrow(
      /nothing to weigh/,
    );
  });
});
