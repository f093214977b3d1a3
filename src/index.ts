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
