// The loop of Bueno de Mesquita's expected-utility forecast (Scholz, Calbert & Smith 2011,
// appendix, steps 2-11): each round, risk exponents from the current positions, then one round
// of offers; the forecast is the capability × salience weighted median of the final positions,
// reported beside the weighted mean as a baseline.
import { BargainInputError } from '../errors.js';
import {
  type Actor,
  type BdmActorState,
  type BdmForecast,
  type BdmOptions,
  type BdmRound,
  DEFAULT_BDM_OPTIONS,
} from './model.js';
import { playRound } from './offers.js';
import { riskExponents } from './risk.js';
import { resolveScale, validateActors, validateOptions } from './validate.js';
import { weightedMean, weightedMedian } from './weighted-median.js';

export function forecastBdm(actors: readonly Actor[], options: Partial<BdmOptions> = {}): BdmForecast {
  const opts: BdmOptions = { ...DEFAULT_BDM_OPTIONS, ...options };
  validateOptions(opts);
  validateActors(actors);
  const scale = resolveScale(actors, opts.scale);
  validateActors(actors, scale);
  const range = scale[1] - scale[0];

  const rounds: BdmRound[] = [];
  let positions = actors.map((a) => a.position);
  let offers: BdmRound['offers'] = [];
  let stoppedEarly = false;
  for (let t = 0; ; t++) {
    const risk = riskExponents(actors, positions, range, opts);
    const state: BdmActorState[] = actors.map((a, i) => ({
      name: a.name,
      position: positions[i]!,
      security: risk.security[i]!,
      risk: risk.risk[i]!,
    }));
    rounds.push({
      round: t,
      actors: state,
      median: weightedMedian(actors, positions),
      mean: weightedMean(actors, positions),
      offers,
    });
    if (t === opts.rounds) break;
    if (risk.degenerate) {
      if (opts.allAgree === 'error') {
        throw new BargainInputError(
          `round ${t}: every actor has the same security (${risk.security[0]}), so the risk exponents are undefined (allAgree: error)`,
        );
      }
      if (opts.allAgree === 'stop') {
        stoppedEarly = true;
        break;
      }
    }
    const out = playRound({ actors, positions, range, risks: risk.risk }, opts);
    positions = out.positions;
    offers = out.offers;
  }
  const last = rounds[rounds.length - 1]!;
  return { options: opts, scale, rounds, forecast: last.median, baseline: last.mean, stoppedEarly };
}
