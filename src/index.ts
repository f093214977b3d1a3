// Brink's library API. The game engine can be used on its own:
//   import { readEfg, solveGame, lemkeSequenceForm } from 'brink';
export * from './game/types.js';
export * from './game/num.js';
export { TreeBuilder, childrenOf, arityOf, infosetsByPlayer, membersOf, nodePayoffs } from './game/tree.js';
export {
  readEfg,
  readNfg,
  readGame,
  writeEfg,
  writeNfg,
  GameFormatError,
  type ParsedGame,
} from './game/gambit-format.js';
export { extensiveToJson, strategicToJson } from './game/game-json.js';
export { normalToExtensive } from './game/normal-to-extensive.js';
export {
  reducedNormalForm,
  mixedToBehavior,
  pureToBehavior,
  flattenBehavior,
} from './game/reduced-normal-form.js';
export { sequenceForm } from './game/sequence-form.js';
export { hasPerfectRecall, perfectRecallViolation } from './game/perfect-recall.js';
export {
  expectedPayoffs as expectedPayoffsStrategic,
  maxRegret as maxRegretStrategic,
  strategyValues,
  bimatrixGame,
  makeStrategicGame,
} from './game/strategic.js';
export {
  expectedPayoffs as expectedPayoffsBehavior,
  maxNashRegret,
  maxAgentRegret,
  realizationProbs,
  beliefs,
  actionValues,
} from './game/behavior.js';
export { backwardInduction, backwardInductionExact } from './game/backward-induction.js';
export { subgameRoots, extractSubgame, truncateGame } from './game/subgames.js';
export { subgamePerfect } from './game/subgame-perfect.js';
export { enumPure, enumPureMixed, enumPureExtensive } from './game/enum-pure.js';
export { enumMixed, enumMixedExtensive } from './game/enum-mixed.js';
export { lemkeHowson, lemkeHowsonAll } from './game/lemke-howson.js';
export { lemkeSequenceForm, lemkeSequenceFormSolve } from './game/lemke-sequence-form.js';
export { lpSolveStrategic, lpSolveExtensive } from './game/lp-zero-sum.js';
export {
  logitStrategicAt,
  logitStrategicLimit,
  logitBehaviorAt,
  logitBehaviorLimit,
} from './game/logit-homotopy.js';
export { logitStrategicFixed, logitBehaviorFixed, makeLogitSolver } from './game/logit-fixed.js';
export {
  randomStrategicGame,
  randomExtensiveGame,
  randomPerfectInfoGame,
  randomZeroSumGame,
} from './game/generate.js';
export {
  solveGame,
  SOLVE_METHODS,
  SolverInputError,
  type Solution,
  type SolveMethod,
  type Equilibrium,
} from './game/solve.js';

// Bargaining models (src/bargain; docs/bargain.md): small closed-form models of the bargaining theory
// of war, plain numbers in and out; invalid input throws BargainInputError. The same models are
// functions of the scenario formula language once registerBargainFunctions() has run (the CLI and the
// worker threads call it): fearon_low, tioli_offer_uniform, powell_war, ... (BARGAIN_FUNCTIONS).
export { BargainInputError } from './bargain/errors.js';
export {
  bargainingRange,
  reservationA,
  reservationB,
  type FearonRangeInput,
  type FearonRange,
} from './bargain/fearon-range.js';
export {
  optimalOffer,
  uniformOptimalOffer,
  numericOptimalOffer,
  expectedUtility as offerExpectedUtility,
  warProbability as offerWarProbability,
  type RiskReturnInput,
  type OptimalOffer,
} from './bargain/risk-return.js';
export type { Distribution } from './scenario/distributions.js';
export {
  commitmentProblem,
  criticalShift,
  durabilityDiscount,
  type CommitmentInput,
  type CommitmentResult,
  type DurabilityInput,
  type DurabilityResult,
} from './bargain/commitment.js';
export {
  criticalRisk,
  zeuthenStep,
  zeuthenProcess,
  brinkmanship,
  type UtilityPair,
  type ZeuthenStep,
  type ZeuthenRound,
  type ZeuthenProcess,
  type Brinkmanship,
} from './bargain/critical-risk.js';
export {
  isCredible,
  threatThreshold,
  separationThreshold,
  announce,
  audienceCostEquilibrium,
  type DefenderType,
  type ChallengerType,
  type AudienceCostInput,
  type AudienceCostEquilibrium,
  type EquilibriumKind as AudienceCostEquilibriumKind,
} from './bargain/audience-costs.js';
export {
  nashProduct,
  nashBargainingFinite,
  individuallyRational,
  type NashBargainingResult,
} from './bargain/nash-bargaining.js';
export {
  packageUtilities,
  nashPackage,
  grandBargain,
  segmentedDeal,
  linkedFeasibleDeal,
  compareLinkage,
  trackBlock,
  publicBlock,
  type Issue,
  type IssueStance,
  type PackageInput,
  type PublicityNeed,
  type Block,
  type BlockReason,
  type NashPackage,
  type ApproachResult,
  type LinkageComparison,
} from './bargain/packages.js';
// The expected-utility forecasting model of Bueno de Mesquita (BDM): the whole module as `bdm`, and
// its entry points at the top level.
export * as bdm from './bargain/bdm/index.js';
export {
  forecastBdm,
  readActorsText as readBdmActors,
  DEFAULT_BDM_OPTIONS,
  type Actor as BdmActor,
  type BdmOptions,
  type BdmForecast,
} from './bargain/bdm/index.js';
export { registerBargainFunctions, BARGAIN_FUNCTIONS } from './bargain/formula-functions.js';
// The oil market model (src/econ; docs/econ.md): supply shock, price path and fan, threat levels,
// feedback into costs, and its formula functions.
export { registerEconFunctions, ECON_FUNCTIONS, pathFigures } from './econ/formula-functions.js';
export { EconInputError } from './econ/errors.js';
export { supplyShock, type SupplyShockInput, type SupplyShockPath } from './econ/supply-shock.js';
export { pricePath, type Elasticities, type PriceInput } from './econ/price.js';
export { priceFan, type FanInput, type PriceFan } from './econ/price-fan.js';
export { riskPremiumPct, warRiskPremium, threatLevel } from './econ/threat.js';
export { exporterRevenueChange, importerCost, insuranceSurcharge } from './econ/feedback.js';
// Indicators and warning (src/evidence; docs/evidence.md): Bayesian updating, ACH, value of
// information, words of estimative probability; the evidence log (src/store; docs/evidence-log.md).
export type { Observation, EvidenceValue, Reliability, Credibility } from './evidence/observation-types.js';
export { assessSet, type SetAssessment } from './evidence/assess.js';
export { achMatrix, type AchMatrix } from './evidence/ach.js';
export { valueOfInformation, type VoiEntry } from './evidence/voi.js';
export { estimativeTerm, ICD203_TERMS } from './evidence/wep.js';
export { evidencePriors, type EvidencePriors } from './evidence/evidence-priors.js';
export { withTypePriors } from './scenario/type-priors.js';
export {
  openEvidenceLog,
  listObservations,
  addObservation,
  retractObservation,
  importObservations,
  exportObservations,
} from './store/evidence-log.js';
// Backtesting against historical episodes (docs/backtest.md).
export { loadEpisode, parseEpisode } from './analysis/backtest/load-episode.js';
export { runBacktest } from './analysis/backtest/run-backtest.js';
export {
  registerFunctions,
  registeredFunctions,
  type FunctionDefinition,
} from './scenario/expr/functions.js';
