// Q7 through Fearon's tying-hands model (Fearon 1994, APSR 88(3); Fearon 1997, JCR 41(1);
// src/bargain/audience-costs.ts): a public declaration of a deal is a public threat whose retreat
// costs the audience cost a. The model's inputs are read from the solved baseline game of a draw,
// in the subgame after an announced offer (us_open's public offers), per US type i and Iran stance j:
//
//   concession (Iran accepts)     U_us = E[U_us | announced, i, iran_resp.accept]
//   war (denied, US strikes)      U_us = E[U_us | announced, i, denied, us_counter.strike_now]
//   retreat (denied, US backs down) U_us = E[U_us | announced, i, denied, us_counter.restrain_talk]
//
// Measured from the retreat without its audience cost (the model's 0), v_i = U(concession) − U(retreat
// + a), c_i = U(concession) − U(war), and a_i is what the retreat pays in the audience part
// (payoffs.us.C_reputation.audience) beyond what the strike pays. A type's threat is credible when v_i − c_i ≥ −a_i (isCredible);
// through the backchannel a = 0. The challenger's stake and war payoffs, relative to conceding, come
// from Iran's payoffs in the same cells. The equilibrium of the model (audienceCostEquilibrium) is
// solved with the types' priors, the prior-weighted war cost, and a as announced or 0.
import {
  type AudienceCostEquilibrium,
  type EquilibriumKind,
  audienceCostEquilibrium,
  isCredible,
} from '../../bargain/audience-costs.js';
import { BargainInputError } from '../../bargain/errors.js';
import { type LeafFrame, both, choiceIds, column, expectation, mass, took, truthOf } from '../leaf-frame.js';

export const ANNOUNCED_OFFERS = ['offer_comprehensive_public', 'offer_nuclear_public'] as const;
export const US_TYPES = ['resolved', 'cautious'] as const;
export const IRAN_STANCES = ['calibrated', 'widening'] as const;
const DENIED = 'state.deal_denied == 1';

export function tyingHandsFeatures(): string[] {
  return [DENIED];
}

/** The tying-hands inputs of one US type in one draw (u). */
export interface DefenderCell {
  readonly prior: number;
  /** v_i: what Iran's acceptance is worth to the type, against a retreat without audience cost. */
  readonly value: number;
  /** c_i: what executing the strike costs the type, against Iran's acceptance. */
  readonly warCost: number;
  /** a_i: the audience cost the retreat pays after the announcement. */
  readonly audienceCost: number;
  /** v − c ≥ −a: the type strikes rather than back down after a denial of the announced deal. */
  readonly credibleAnnounced: boolean;
  /** v − c ≥ 0: the same without the audience cost (the backchannel). */
  readonly credibleBackchannel: boolean;
}

export interface TyingHandsDraw {
  /** US_TYPES order; undefined when a cell of the type had no probability. */
  readonly defender: readonly (DefenderCell | undefined)[];
  /** The model's equilibrium with the announcement's audience cost, and with a = 0. */
  readonly announced?: EquilibriumSummary;
  readonly backchannel?: EquilibriumSummary;
  /** Why the model could not be solved in this draw (e.g. a type values the deal at ≤ 0). */
  readonly notApplicable?: string;
}

export interface EquilibriumSummary {
  readonly kind: EquilibriumKind;
  readonly threat: number;
  readonly war: number;
  readonly backDown: number;
  readonly challengerConcedes: number;
  readonly onlyCredibleThreaten: boolean;
}

function summarise(e: AudienceCostEquilibrium): EquilibriumSummary {
  return {
    kind: e.kind,
    threat: e.probabilities.threat,
    war: e.probabilities.war,
    backDown: e.probabilities.backDown,
    challengerConcedes: e.probabilities.challengerConcedes,
    onlyCredibleThreaten: e.onlyCredibleThreaten,
  };
}

function anyOf(frame: LeafFrame, step: string, ids: readonly string[]): Uint8Array {
  const present = ids.filter((id) => choiceIds(frame.cg.model, step).includes(id));
  const out = new Uint8Array(frame.count);
  for (const id of present) {
    const m = took(frame, step, id);
    for (let l = 0; l < frame.count; l++) out[l] = out[l]! | m[l]!;
  }
  return out;
}

/** E[x | mask], undefined when the mask has no probability. */
function conditional(frame: LeafFrame, x: (leaf: number) => number, mask: Uint8Array): number | undefined {
  return mass(frame, mask) > 0 ? expectation(frame, x, mask) : undefined;
}

export function measureTyingHands(frame: LeafFrame): TyingHandsDraw {
  const m = frame.cg.model;
  const np = m.actors.length;
  const us = m.actors.indexOf('us');
  const iran = m.actors.indexOf('iran');
  const audience = m.components.findIndex(
    (c) => m.actors[c.actor] === 'us' && c.term === 'C_reputation' && c.part === 'audience',
  );
  const nc = m.components.length;
  const { payoff, parts } = frame.cg.leaves;
  const uUs = (l: number) => payoff[l * np + us]!;
  const uIran = (l: number) => payoff[l * np + iran]!;
  const aOf = (l: number) => (audience >= 0 ? parts[l * nc + audience]! : 0);

  const announced = anyOf(frame, 'us_open', ANNOUNCED_OFFERS);
  const denied = both(announced, truthOf(column(frame, DENIED)));
  const accepted = both(announced, took(frame, 'iran_resp', 'accept'));
  const strike = both(denied, took(frame, 'us_counter', 'strike_now'));
  const retreat = both(denied, took(frame, 'us_counter', 'restrain_talk'));

  const defender = US_TYPES.map((t): DefenderCell | undefined => {
    const type = took(frame, 'us_resolve', t);
    const concession = conditional(frame, uUs, both(accepted, type));
    const war = conditional(frame, uUs, both(strike, type));
    const back = conditional(frame, uUs, both(retreat, type));
    // The audience part also carries what a denial costs whatever the US does next (admitting the
    // miscalculation); only its excess on the retreat is the cost of backing down.
    const aBack = conditional(frame, aOf, both(retreat, type));
    const aWar = conditional(frame, aOf, both(strike, type));
    if (concession === undefined || war === undefined || back === undefined) return undefined;
    if (aBack === undefined || aWar === undefined) return undefined;
    const a = Math.max(0, aBack - aWar);
    const value = concession - (back + a);
    const warCost = concession - war;
    return {
      prior: mass(frame, type),
      value,
      warCost,
      audienceCost: a,
      credibleAnnounced: isCredible(value, warCost, a),
      credibleBackchannel: isCredible(value, warCost, 0),
    };
  });

  const challenger = IRAN_STANCES.map((s) => {
    const stance = took(frame, 'iran_stance', s);
    const concede = conditional(frame, uIran, both(accepted, stance));
    const stake = conditional(frame, uIran, both(retreat, stance));
    const war = conditional(frame, uIran, both(strike, stance));
    if (concede === undefined || stake === undefined || war === undefined) return undefined;
    return { prior: mass(frame, stance), stake: stake - concede, war: war - concede, label: s };
  });

  if (defender.some((d) => d === undefined) || challenger.some((c) => c === undefined))
    return { defender, notApplicable: 'a cell of the announced-offer subgame has no probability' };
  const d = defender as DefenderCell[];
  const cTypes = challenger as { prior: number; stake: number; war: number; label: string }[];
  const totalD = d.reduce((s, x) => s + x.prior, 0);
  const totalC = cTypes.reduce((s, x) => s + x.prior, 0);
  const warCost = d.reduce((s, x) => s + x.prior * x.warCost, 0) / totalD;
  const audienceCost = d.reduce((s, x) => s + x.prior * x.audienceCost, 0) / totalD;
  const input = {
    defender: d.map((x, i) => ({ prior: x.prior / totalD, value: x.value, label: US_TYPES[i] })),
    // The model requires war ≤ stake (a retreat is no worse for the challenger than war); the game's
    // cells can tie within rounding, so war is capped at stake.
    challenger: cTypes.map((c) => ({ ...c, prior: c.prior / totalC, war: Math.min(c.war, c.stake) })),
    warCost,
    audienceCost,
  };
  try {
    return {
      defender,
      announced: summarise(audienceCostEquilibrium(input)),
      backchannel: summarise(audienceCostEquilibrium({ ...input, audienceCost: 0 })),
    };
  } catch (e) {
    if (!(e instanceof BargainInputError)) throw e;
    return { defender, notApplicable: e.message };
  }
}
