// The backtest as a report document (report/document.ts): the overall scores of the model against
// its two baselines, one row per episode, each episode's predicted distribution with its 90 %
// interval over the parameter draws, and the reliability diagram when there are enough episodes.
import type { Block, ReportDocument, Section } from '../report/document.js';
import { formatProbability, formatUtility } from '../report/format.js';
import type { Stat } from '../stats.js';
import { MIN_CALIBRATION_EPISODES } from './calibration.js';
import type { BacktestResult, EpisodeResult, OverallScores } from './run-backtest.js';
import { LOG_FLOOR } from './scores.js';

export interface BacktestMeta {
  readonly version: string;
  /** How the episodes were named on the command line (or "bundled episodes/"). */
  readonly episodes: string;
}

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3).replace(/^-(0\.0+)$/, '$1'));
const pct = formatProbability;
const interval = (s: Stat, f: (x: number) => string) => `${f(s.mean)} [${f(s.low)}, ${f(s.high)}]`;

function overallRow(name: string, s: OverallScores): (string | number)[] {
  return [name, f3(s.brier), f3(s.log), pct(s.hitRate), f3(s.meanRank)];
}

function summarySection(r: BacktestResult): Section {
  const excluded = r.episodes.filter((e) => !e.scored);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${r.scoredCount} of ${r.episodes.length} episodes scored. The model's forecast for an episode is the mean over ${r.draws} parameter draws (seed ${r.seed}) of P(option | situation) in each draw's agent logit QRE at the scenario's λ; the intervals are the 5th–95th percentiles over draws of the same score computed from each draw's own forecast. Brier = Σ_k (p_k − o_k)² (0 best, 2 worst); log score = ln p(real choice), floored at ln ${LOG_FLOOR.toExponential()} (0 best); hit = the real choice is the modal forecast (shared ties count 1/m).`,
    },
    {
      kind: 'figure',
      label: 'Mean Brier score of the model',
      value: r.model.brier,
      format: 'number',
      interval: [r.modelDraws.brier.low, r.modelDraws.brier.high],
      trace: 'scores.ts brierScore, averaged over scored episodes; interval over draws',
    },
    {
      kind: 'figure',
      label: 'Mean log score of the model',
      value: r.model.log,
      format: 'number',
      interval: [r.modelDraws.log.low, r.modelDraws.log.high],
      trace: 'scores.ts logScore, averaged over scored episodes; interval over draws',
    },
    {
      kind: 'figure',
      label: 'Hit rate of the modal forecast',
      value: r.model.hitRate,
      format: 'probability',
      interval: [r.modelDraws.hitRate.low, r.modelDraws.hitRate.high],
      trace: 'scores.ts modalHit, averaged over scored episodes; interval over draws',
    },
    {
      kind: 'table',
      caption:
        'Overall scores over the scored episodes (Brier: lower is better; log score and hit rate: higher is better).',
      columns: ['forecast', 'Brier', 'log score', 'hit rate', 'mean rank of real choice'],
      rows: [
        overallRow('model', r.model),
        overallRow('base rate of choice classes (leave-one-out)', r.baseRate),
        overallRow('uniform over the options', r.uniform),
      ],
      trace:
        'run-backtest.ts; base-rate.ts (class rates with add-one smoothing, from the other scored episodes)',
    },
    {
      kind: 'paragraph',
      text: `Brier skill score 1 − B_model / B_baseline: ${f3(r.skill.vsBaseRate)} against the base rate, ${f3(r.skill.vsUniform)} against the uniform forecast (above 0: the model beats the baseline).`,
    },
  ];
  if (excluded.length > 0) {
    blocks.push({
      kind: 'list',
      items: excluded.map(
        (e) => `${e.id}: not scored, parameters were tuned on it — ${e.tunedOn.join(', ')}`,
      ),
    });
  }
  return { id: 'summary', title: 'Scores', blocks };
}

function episodesTable(r: BacktestResult): Section {
  const name = (e: EpisodeResult) => `${e.id}${e.scored ? '' : ' (not scored)'}`;
  return {
    id: 'episodes',
    title: 'Episodes',
    blocks: [
      {
        kind: 'table',
        caption:
          'Per episode: the probability the model gave the real choice (mean over draws, 90 % interval), its rank among the options and the hit of the modal forecast.',
        columns: ['episode', 'decision', 'real choice', 'P(real)', 'rank', 'hit'],
        rows: r.episodes.map((e) => [
          name(e),
          `${e.actor}: ${e.stage}`,
          e.realChoice,
          interval(e.predicted[e.realIndex]!, pct),
          `${e.model.rank} of ${e.options.length}`,
          f3(e.model.hit),
        ]),
      },
      {
        kind: 'table',
        caption: 'Per episode: Brier and log scores of the model, the base rate and the uniform forecast.',
        columns: ['episode', 'Brier: model', 'base rate', 'uniform', 'log: model', 'base rate', 'uniform'],
        rows: r.episodes.map((e) => [
          name(e),
          f3(e.model.brier),
          f3(e.baseRate.scores.brier),
          f3(e.uniform.scores.brier),
          f3(e.model.log),
          f3(e.baseRate.scores.log),
          f3(e.uniform.scores.log),
        ]),
        trace: 'scores.ts; base-rate.ts',
      },
    ],
  };
}

function episodeSection(e: EpisodeResult): Section {
  return {
    id: `episode-${e.id}`,
    title: `${e.title} (${e.date})`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${e.file}: the decision of ${e.actor} at stage ${e.stage} of ${e.scenario} (λ = ${e.lambda}). Real choice: ${e.realChoice}. Facts: ${e.facts.join(', ') || 'none'}.${e.undefinedDraws > 0 ? ` ${e.undefinedDraws} draws gave the situation no probability in floating point and were left out.` : ''}`,
      },
      {
        kind: 'table',
        columns: ['option', 'class', 'model', '90 % interval', 'base rate', 'uniform', 'real'],
        rows: e.options.map((o, k) => [
          o,
          e.classes[k]!,
          pct(e.forecast[k]!),
          `[${pct(e.predicted[k]!.low)}, ${pct(e.predicted[k]!.high)}]`,
          pct(e.baseRate.forecast[k]!),
          pct(e.uniform.forecast[k]!),
          k === e.realIndex ? '✓' : '',
        ]),
        trace:
          'decision-probs.ts: Σ ρ over leaves in the situation taking the option / Σ ρ over leaves in the situation reaching the stage',
      },
      {
        kind: 'paragraph',
        text: `Brier ${f3(e.model.brier)} (draws: ${interval(e.drawBrier, f3)}; base rate ${f3(e.baseRate.scores.brier)}, uniform ${f3(e.uniform.scores.brier)}); log score ${f3(e.model.log)} (draws: ${interval(e.drawLog, f3)}; base rate ${f3(e.baseRate.scores.log)}, uniform ${f3(e.uniform.scores.log)}); rank of the real choice ${e.model.rank} of ${e.options.length}.`,
      },
      {
        kind: 'bar-chart',
        title: `${e.id}: predicted choice (mean over draws, 90 % interval)`,
        unit: 'probability',
        bars: e.options.map((o, k) => ({
          label: k === e.realIndex ? `${o} (real)` : o,
          value: e.predicted[k]!.mean,
          low: e.predicted[k]!.low,
          high: e.predicted[k]!.high,
        })),
      },
    ],
  };
}

function calibrationSection(r: BacktestResult): Section {
  const table: Block = {
    kind: 'table',
    caption:
      'Forecasts of every option of every scored episode, binned by the probability the model gave it.',
    columns: ['bin', 'forecasts', 'mean forecast', 'observed frequency'],
    rows: r.calibration.map((b) => [`${pct(b.lo)}–${pct(b.hi)}`, b.count, pct(b.predicted), pct(b.observed)]),
    trace: 'calibration.ts reliabilityBins',
  };
  if (r.scoredCount < MIN_CALIBRATION_EPISODES) {
    return {
      id: 'calibration',
      title: 'Calibration',
      blocks: [
        {
          kind: 'paragraph',
          text: `Too few episodes for a reliability diagram: ${r.scoredCount} scored, the diagram needs at least ${MIN_CALIBRATION_EPISODES}. The bins are listed for the record; with this few forecasts per bin their frequencies are mostly noise.`,
        },
        table,
      ],
    };
  }
  const filled = r.calibration.filter((b) => b.count > 0);
  return {
    id: 'calibration',
    title: 'Calibration',
    blocks: [
      {
        kind: 'paragraph',
        text: `Reliability diagram: in each bin of forecast probability, the share of forecasts whose option was the real choice. A calibrated model lies on the diagonal. ${r.scoredCount} scored episodes, ${filled.reduce((s, b) => s + b.count, 0)} forecasts.`,
      },
      {
        kind: 'line-chart',
        title: 'Reliability diagram',
        xLabel: 'forecast probability',
        yLabel: 'observed frequency',
        points: [
          ...filled.map((b) => ({ x: b.predicted, y: b.observed, series: 'model' })),
          { x: 0, y: 0, series: 'perfect calibration' },
          { x: 1, y: 1, series: 'perfect calibration' },
        ],
      },
      table,
    ],
  };
}

export function backtestReport(r: BacktestResult, meta: BacktestMeta): ReportDocument {
  return {
    title: `Brink backtest: ${r.episodes.length} historical episodes`,
    provenance: {
      episodes: meta.episodes,
      seed: r.seed,
      draws: r.draws,
      'brink version': meta.version,
    },
    sections: [summarySection(r), episodesTable(r), calibrationSection(r), ...r.episodes.map(episodeSection)],
    data: backtestData(r),
  };
}

/** The figures behind the report, for JSON (the per-draw forecasts are left out). */
export function backtestData(r: BacktestResult): unknown {
  return {
    seed: r.seed,
    draws: r.draws,
    scored: r.scoredCount,
    model: r.model,
    modelDraws: r.modelDraws,
    baseRate: r.baseRate,
    uniform: r.uniform,
    skill: r.skill,
    calibration: r.calibration,
    episodes: r.episodes.map(({ drawForecasts: _, ...e }) => e),
  };
}
