// Bueno de Mesquita's expected-utility forecast (Scholz, Calbert & Smith 2011): public API.
export { challengeUtility, basicUtilities } from './expected-utility.js';
export { forecastBdm } from './forecast.js';
export * from './model.js';
export { classifyOffer, playRound } from './offers.js';
export { riskExponents } from './risk.js';
export { checkActor, resolveScale, validateActors, validateOptions } from './validate.js';
export { type ActorFile, parseActorsCsv, parseActorsYaml, readActorsText } from './read-actors.js';
export { weightedMean, weightedMedian } from './weighted-median.js';
export { allDyadsVotes, vote, winProbabilities } from './win-probability.js';
