// The backtest: every episode solved (solve-episode.ts), its forecast — the mean over parameter
// draws of P(option | situation) — scored against the real choice (scores.ts) beside two baselines
// (base-rate.ts, and the uniform forecast), then summed up over the scored episodes. Episodes on
// which a parameter was tuned (an episode's `tuned:` list names them) are solved and shown but
// never scored, so calibration and evaluation stay apart.
import { type Stat, summarise } from '../stats.js';
import { baseRateForecast, classRates } from './base-rate.js';
import { type CalibrationBin, reliabilityBins } from './calibration.js';
import type { OptionClass } from './episode-schema.js';
import type { LoadedEpisode } from './load-episode.js';
import { type Scores, brierScore, logScore, modalHit, scoreForecast, uniformForecast } from './scores.js';
import { solveEpisode } from './solve-episode.js';

export interface BacktestOptions {
  readonly seed: number;
  readonly draws: number;
  /** Called after each episode (progress). */
  readonly onEpisode?: (done: number, total: number) => void;
}

export interface EpisodeResult {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly file: string;
  readonly scenario: string;
  readonly stage: string;
  readonly actor: string;
  readonly options: readonly string[];
  readonly classes: readonly OptionClass[];
  readonly realChoice: string;
  readonly realIndex: number;
  readonly lambda: number;
  readonly facts: readonly string[];
  /** Per option: P(option | situation) across draws (mean and 90 % interval). */
  readonly predicted: readonly Stat[];
  /** The forecast scored: the mean over draws. */
  readonly forecast: readonly number[];
  readonly model: Scores;
  /** Scores of each draw's own forecast, across draws. */
  readonly drawBrier: Stat;
  readonly drawLog: Stat;
  readonly baseRate: { readonly forecast: readonly number[]; readonly scores: Scores };
  readonly uniform: { readonly forecast: readonly number[]; readonly scores: Scores };
  /** False when a parameter was tuned on this episode (then it is not in the overall scores). */
  readonly scored: boolean;
  readonly tunedOn: readonly string[];
  readonly undefinedDraws: number;
  /** Per draw, the draw's forecast (for the overall intervals). */
  readonly drawForecasts: readonly number[][];
}

export interface OverallScores {
  readonly brier: number;
  readonly log: number;
  readonly hitRate: number;
  readonly meanRank: number;
}

export interface BacktestResult {
  readonly seed: number;
  readonly draws: number;
  readonly episodes: readonly EpisodeResult[];
  readonly scoredCount: number;
  readonly model: OverallScores;
  /** Mean Brier, log score and hit rate of the draws' forecasts, across draws. */
  readonly modelDraws: { readonly brier: Stat; readonly log: Stat; readonly hitRate: Stat };
  readonly baseRate: OverallScores;
  readonly uniform: OverallScores;
  /** Brier skill 1 − B_model / B_baseline. */
  readonly skill: { readonly vsBaseRate: number; readonly vsUniform: number };
  readonly calibration: readonly CalibrationBin[];
}

function meanOf(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

function meanForecast(probs: readonly number[][], k: number): number[] {
  const ok = probs.filter((p) => !p.some(Number.isNaN));
  return Array.from({ length: k }, (_, i) => meanOf(ok.map((p) => p[i]!)));
}

function overall(scores: readonly Scores[]): OverallScores {
  return {
    brier: meanOf(scores.map((s) => s.brier)),
    log: meanOf(scores.map((s) => s.log)),
    hitRate: meanOf(scores.map((s) => s.hit)),
    meanRank: meanOf(scores.map((s) => s.rank)),
  };
}

/** Ids of the episodes some episode says a parameter was tuned on, with the parameters. */
export function tunedEpisodes(episodes: readonly LoadedEpisode[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ep of episodes)
    for (const t of ep.spec.tuned)
      for (const id of t.on) out.set(id, [...(out.get(id) ?? []), `${t.parameter} (${ep.spec.id})`]);
  return out;
}

export function runBacktest(episodes: readonly LoadedEpisode[], options: BacktestOptions): BacktestResult {
  const tuned = tunedEpisodes(episodes);
  const solved = episodes.map((ep, i) => {
    const r = solveEpisode(ep, { seed: options.seed, draws: options.draws });
    options.onEpisode?.(i + 1, episodes.length);
    return r;
  });
  const scored = episodes.map((ep) => !tuned.has(ep.spec.id));
  const scoredClasses = episodes.map((ep) => ep.classes[ep.realIndex]!);
  const results: EpisodeResult[] = episodes.map((ep, i) => {
    const run = solved[i]!;
    const k = ep.options.length;
    const forecast = meanForecast(run.probs, k);
    // Leave-one-out: the base rate of an episode comes from the other scored episodes only.
    const others = scoredClasses.filter((_, j) => j !== i && scored[j]);
    const base = baseRateForecast(ep.classes, classRates(others));
    const uniform = uniformForecast(k);
    const ok = run.probs.filter((p) => !p.some(Number.isNaN));
    return {
      id: ep.spec.id,
      title: ep.spec.title,
      date: ep.spec.date,
      file: ep.label,
      scenario: ep.scenarioLabel,
      stage: ep.spec.decision.stage,
      actor: ep.model.actors[ep.model.stages[ep.decisionStep - ep.model.types.length]!.actor]!,
      options: ep.options,
      classes: ep.classes,
      realChoice: ep.spec.real_choice,
      realIndex: ep.realIndex,
      lambda: run.lambda,
      facts: factIds(ep),
      predicted: ep.options.map((_, o) => summarise(run.probs.map((p) => p[o]!))),
      forecast,
      model: scoreForecast(forecast, ep.realIndex),
      drawBrier: summarise(ok.map((p) => brierScore(p, ep.realIndex))),
      drawLog: summarise(ok.map((p) => logScore(p, ep.realIndex))),
      baseRate: { forecast: base, scores: scoreForecast(base, ep.realIndex) },
      uniform: { forecast: uniform, scores: scoreForecast(uniform, ep.realIndex) },
      scored: scored[i]!,
      tunedOn: tuned.get(ep.spec.id) ?? [],
      undefinedDraws: run.undefinedDraws,
      drawForecasts: run.probs,
    };
  });
  const counted = results.filter((r) => r.scored);
  const model = overall(counted.map((r) => r.model));
  const baseRate = overall(counted.map((r) => r.baseRate.scores));
  const uniform = overall(counted.map((r) => r.uniform.scores));
  const perDraw = (score: (p: number[], real: number) => number) =>
    summarise(
      Array.from({ length: options.draws }, (_, d) =>
        meanOf(counted.map((r) => score(r.drawForecasts[d]!, r.realIndex))),
      ),
    );
  const pairs = counted.flatMap((r) => r.forecast.map((p, k) => ({ p, o: k === r.realIndex ? 1 : 0 })));
  return {
    seed: options.seed,
    draws: options.draws,
    episodes: results,
    scoredCount: counted.length,
    model,
    modelDraws: { brier: perDraw(brierScore), log: perDraw(logScore), hitRate: perDraw(modalHit) },
    baseRate,
    uniform,
    skill: { vsBaseRate: 1 - model.brier / baseRate.brier, vsUniform: 1 - model.brier / uniform.brier },
    calibration: reliabilityBins(pairs),
  };
}

/** The fact ids an episode cites. */
export function factIds(ep: LoadedEpisode): string[] {
  const out: string[] = [];
  for (const s of ep.spec.sources) {
    if (typeof s === 'string') out.push(s.slice('fact:'.length));
    else if ('fact' in s) out.push(s.fact);
  }
  return out;
}
