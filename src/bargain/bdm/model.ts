// The plain data of the Bueno de Mesquita expected-utility model in the variant of
// Scholz, Calbert & Smith (2011), "Unravelling Bueno de Mesquita's group decision model",
// Journal of Theoretical Politics 23(4):510-531: actors, options, and what a forecast returns.
// Every choice on which the published ports of that paper disagree is an option here
// (docs/bargain.md, "Bueno de Mesquita forecast").

/** One actor on one issue. */
export interface Actor {
  name: string;
  /** Capability (power), ≥ 0; only ratios between actors matter. */
  capability: number;
  /** Preferred outcome on the scale. */
  position: number;
  /** How much the issue matters to the actor, in [0, 1]; also the probability that it resists a challenge. */
  salience: number;
}

/**
 * The win probability of i against j is the weighted votes of all actors k,
 * v_k = c_k s_k (u_k(x_i) − u_k(x_j)), over a denominator:
 * - `dyad` (paper): Σ_k |v_k| over the votes on this dyad only;
 * - `all-dyads` (Scholz's code, the jmckib/dmasad port): Σ_k Σ_a Σ_b |v_k(a, b)| over every
 *   ordered pair of actors, which makes every probability tiny.
 */
export type WinDenominator = 'dyad' | 'all-dyads';

/**
 * The numerator of the win probability:
 * - `positive`: Σ_k max(0, v_k), the votes for i (with `dyad`, P_ij + P_ji = 1);
 * - `net`: max(0, Σ_k v_k), the net votes for i (the dmasad replication, which reproduces the
 *   published round-0 risk exponents).
 */
export type WinNumerator = 'positive' | 'net';

/**
 * Which offer an actor accepts when it has several (the "compromise rule"):
 * - `least-move` (the paper and BDM, as the port's author reads them): the one that moves it least,
 *   whatever its kind;
 * - `scholz-code` (Scholz's code, kept by the port): a confrontation if it has one (the nearest),
 *   else the compromise that minimises (|EU_ij| x_i + |EU_ji| x_j) / (|EU_ij| + |EU_ji|) (a
 *   position, not a distance, so it favours low positions), else the nearest capitulation.
 * Both move i to x_i + (x_j − x_i) |EU_ij / EU_ji| when it accepts a compromise.
 */
export type CompromiseRule = 'least-move' | 'scholz-code';

/**
 * Capitulation (EU_ji > 0 > EU_ij and |EU_ij| > EU_ji: i moves all the way to x_j):
 * - `paper`: happens;
 * - `never`: as in the port, whose test `eu_ji < abs(eu_ji)` can never be true.
 */
export type CapitulationRule = 'paper' | 'never';

/**
 * When every actor's security is the same (e.g. all agree on one position) the risk formula
 * R_i = (2 S_i − S_max − S_min) / (S_max − S_min) divides by zero:
 * - `neutral`: R_i = 0, so every risk exponent is 1;
 * - `stop`: the forecast ends at that round (nothing can move any more);
 * - `error`: refuse with a BargainInputError (what the ports do, with a ZeroDivisionError).
 */
export type AllAgreeRule = 'neutral' | 'stop' | 'error';

export interface BdmOptions {
  winDenominator: WinDenominator;
  winNumerator: WinNumerator;
  compromise: CompromiseRule;
  capitulation: CapitulationRule;
  allAgree: AllAgreeRule;
  /** Rounds of offers after round 0. */
  rounds: number;
  /** The scale [lo, hi]; default: the smallest and largest position given. */
  scale?: [number, number];
}

/** The faithful reading of the paper, except the numerator that reproduces the published figures. */
export const DEFAULT_BDM_OPTIONS: Readonly<BdmOptions> = {
  winDenominator: 'dyad',
  winNumerator: 'net',
  compromise: 'least-move',
  capitulation: 'paper',
  allAgree: 'neutral',
  rounds: 5,
};

/** The option set that mimics the Python port (jmckib/dmasad bdm-scholz-expected-utility-model). */
export const PORT_BDM_OPTIONS: Readonly<BdmOptions> = {
  winDenominator: 'all-dyads',
  winNumerator: 'positive',
  compromise: 'scholz-code',
  capitulation: 'never',
  allAgree: 'error',
  rounds: 5,
};

export type OfferKind = 'confrontation' | 'compromise' | 'capitulation';

/** An offer that an actor accepted in a round: it moves from `from` to `to`. */
export interface BdmOffer {
  kind: OfferKind;
  /** The actor that moves. */
  actor: string;
  /** The actor whose challenge it gives in to. */
  proposer: string;
  from: number;
  to: number;
  /** EU_ij: the mover's expected utility of challenging the proposer (as the mover sees it). */
  euActor: number;
  /** EU_ji: the proposer's expected utility of challenging the mover (as the mover sees it). */
  euProposer: number;
}

export interface BdmActorState {
  name: string;
  position: number;
  /** Σ over the others of their expected utility of challenging this actor (risk exponents 1). */
  security: number;
  /** Risk exponent r in [0.5, 2] computed on these positions (used for the next round's offers). */
  risk: number;
}

export interface BdmRound {
  /** 0 = the input positions. */
  round: number;
  actors: BdmActorState[];
  /** The capability × salience weighted median position (the model's forecast). */
  median: number;
  /** Baseline: the capability × salience weighted mean position. */
  mean: number;
  /** The offers accepted in this round (none in round 0). */
  offers: BdmOffer[];
}

export interface BdmForecast {
  options: BdmOptions;
  scale: [number, number];
  rounds: BdmRound[];
  /** The last round's median. */
  forecast: number;
  /** The last round's weighted mean. */
  baseline: number;
  /** True when the loop ended early because of `allAgree: 'stop'`. */
  stoppedEarly: boolean;
}
