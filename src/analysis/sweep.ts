// A sweep (`brink analyze --sweep`): the headline figures of the analysis — outcome classes, deal
// kinds, flags, oil figures and every actor's expected payoff terms, in the baseline and under
// every policy — over any number of draws in bounded memory. Each draw's record is folded into one
// FigureSummary per figure (exact sum, quantile sketch: summary/) and dropped, so 10⁶ draws take
// the memory of one. Summaries merge in any order to the same bits, so the summaries of shards
// (`--sweep --shard k/n`), merged by `brink merge`, give byte for byte the report of one sweep.
// What needs every record (percentiles of ~3,000 figures, path rankings, the questions) is the
// full analysis's (analyze.ts), which a sweep does not replace.

import { DEAL_SUBCLASSES, FLAGS, OUTCOME_CLASSES } from './outcomes.js';
import { BRENT_THRESHOLDS, OIL_MEASURES, TERM_LABELS } from './policy-summary.js';
import type { ReportDocument, Section } from './report/document.js';
import {
  PROBABILITY_UNIT,
  UTILITY_UNIT,
  formatNumber,
  formatProbability,
  formatUtility,
} from './report/format.js';
import { type DrawRecord, POLICY_RUNS } from './run-draws.js';
import type { Stat } from './stats.js';
import { FigureSummary, type FigureSummaryJson } from './summary/figure-summary.js';
import { SKETCH_ALPHA } from './summary/quantile-sketch.js';

export const SWEEP_FORMAT = 'brink-sweep-shard';
export const SWEEP_FORMAT_VERSION = 1;

export class SweepError extends Error {
  override name = 'SweepError';
}

/** The run a summary belongs to: every field must agree across the summaries of one merge. */
export interface SweepRun {
  readonly version: string;
  readonly scenarioFile: string;
  readonly scenarioLabel: string;
  /** SHA-256 of the scenario text. */
  readonly scenarioHash: string;
  readonly title: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly lambda: number;
  /** Draws of the whole sweep. */
  readonly draws: number;
  readonly sampling: string;
  /** Parameters held at values (--set), by name; {} when none. */
  readonly fixed: Record<string, number>;
}

/** What each draw is reduced to: the games (POLICY_RUNS ids) and the actors, in order. */
export interface SweepLayout {
  readonly runs: readonly string[];
  readonly actors: readonly string[];
}

export function sweepLayout(actors: readonly string[], runs = POLICY_RUNS.map((r) => r.id)): SweepLayout {
  return { runs: [...runs], actors: [...actors] };
}

/** Figure names of one game, in the order measureSweep gives its values. */
function runFigureNames(run: string, actors: readonly string[]): string[] {
  return [
    ...OUTCOME_CLASSES.map((c) => `${run}.class.${c.id}`),
    ...DEAL_SUBCLASSES.map((c) => `${run}.deal.${c.id}`),
    ...FLAGS.map((f) => `${run}.flag.${f.id}`),
    `${run}.unclassified`,
    ...OIL_MEASURES.map((m) => `${run}.oil.${m.id}`),
    ...BRENT_THRESHOLDS.map((b) => `${run}.brent_above.${b}`),
    ...actors.flatMap((a) => TERM_LABELS.map((t) => `${run}.${a}.${t}`)),
  ];
}

/** Every figure's stable name, e.g. `baseline.class.regional_war`, `grand_bargain.us.C_kinetic`. */
export function sweepFigureNames(layout: SweepLayout): string[] {
  return layout.runs.flatMap((r) => runFigureNames(r, layout.actors));
}

/** A draw's figures, in the order of sweepFigureNames. */
export function measureSweep(layout: SweepLayout, record: DrawRecord): number[] {
  const out: number[] = [];
  for (const id of layout.runs) {
    const p = record.policies[id];
    if (p === undefined) throw new SweepError(`internal: draw ${record.draw} has no game '${id}'`);
    const { classes, dealSub, flags, unclassified } = p.outcomes;
    out.push(...classes, ...dealSub, ...flags, unclassified, ...p.oil, ...p.brentAbove);
    for (let a = 0; a < layout.actors.length; a++) out.push(...p.terms[a]!);
  }
  return out;
}

/** The figures of a set of draws, summarised; `covered` lists the draws as disjoint [from, to) ranges. */
export interface SweepSummaryJson {
  readonly format: typeof SWEEP_FORMAT;
  readonly formatVersion: number;
  readonly run: SweepRun;
  readonly layout: SweepLayout;
  readonly covered: [number, number][];
  /** In the order of sweepFigureNames(layout). */
  readonly figures: FigureSummaryJson[];
}

/** Canonical text of a run (fixed parameters sorted) for comparing runs. */
function runKey(run: SweepRun): string {
  const fixed = Object.fromEntries(
    Object.entries(run.fixed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return JSON.stringify({ ...run, fixed });
}

export class SweepSummary {
  private readonly figures: FigureSummary[];
  /** Sorted, disjoint, not touching (adjacent ranges are joined). */
  private ranges: [number, number][] = [];
  readonly names: readonly string[];

  constructor(
    readonly run: SweepRun,
    readonly layout: SweepLayout,
  ) {
    this.names = sweepFigureNames(layout);
    this.figures = this.names.map(() => new FigureSummary());
  }

  get covered(): readonly (readonly [number, number])[] {
    return this.ranges;
  }

  /** Draws folded in so far. */
  get drawCount(): number {
    return this.ranges.reduce((s, [a, b]) => s + b - a, 0);
  }

  /** Folds one draw's figures in. */
  addDraw(draw: number, values: readonly number[]): void {
    if (!Number.isSafeInteger(draw) || draw < 0 || draw >= this.run.draws)
      throw new SweepError(`draw ${draw} is outside the sweep's draws 0–${this.run.draws - 1}`);
    if (values.length !== this.figures.length)
      throw new SweepError(`internal: ${values.length} figures for ${this.figures.length} names`);
    this.cover([[draw, draw + 1]], `draw ${draw}`);
    for (let i = 0; i < values.length; i++) this.figures[i]!.add(values[i]!);
  }

  addRecord(record: DrawRecord): void {
    this.addDraw(record.draw, measureSweep(this.layout, record));
  }

  /** Adds another summary of the same run over other draws. */
  merge(other: SweepSummary, what = 'a summary'): void {
    if (runKey(other.run) !== runKey(this.run)) {
      const k = (Object.keys(this.run) as (keyof SweepRun)[]).find(
        (f) => JSON.stringify(this.run[f]) !== JSON.stringify(other.run[f]),
      );
      throw new SweepError(
        `${what}: run.${k ?? 'fixed'} differs (${JSON.stringify(other.run[k ?? 'fixed']).slice(0, 60)} vs ${JSON.stringify(this.run[k ?? 'fixed']).slice(0, 60)}): summaries of different sweeps cannot be merged`,
      );
    }
    if (JSON.stringify(other.layout) !== JSON.stringify(this.layout))
      throw new SweepError(
        `${what}: its games or actors differ: summaries of different sweeps cannot be merged`,
      );
    this.cover(other.ranges, what);
    for (let i = 0; i < this.figures.length; i++) this.figures[i]!.merge(other.figures[i]!);
  }

  private cover(add: readonly (readonly [number, number])[], what: string): void {
    // Draws in order (a sweep's common case): extend the last range.
    const last = this.ranges.at(-1);
    if (add.length === 1 && last !== undefined && last[1] === add[0]![0] && add[0]![1] > add[0]![0]) {
      last[1] = add[0]![1];
      return;
    }
    for (const [a, b] of add) {
      const hit = this.ranges.find(([c, d]) => a < d && c < b);
      if (hit) {
        const lo = Math.max(a, hit[0]);
        const hi = Math.min(b, hit[1]) - 1;
        throw new SweepError(`${what}: draws ${lo}–${hi} are counted twice (overlap)`);
      }
    }
    const all = [...this.ranges, ...add.map(([a, b]) => [a, b] as [number, number])].sort(
      (x, y) => x[0] - y[0],
    );
    const joined: [number, number][] = [];
    for (const [a, b] of all) {
      const last = joined.at(-1);
      if (last && last[1] === a) last[1] = b;
      else if (b > a) joined.push([a, b]);
    }
    this.ranges = joined;
  }

  /** Refuses a summary that does not cover every draw of the sweep exactly once. */
  checkComplete(): void {
    let next = 0;
    for (const [a, b] of this.ranges) {
      if (a > next) throw new SweepError(`merge: draws ${next}–${a - 1} are missing (no shard covers them)`);
      next = b;
    }
    if (next < this.run.draws)
      throw new SweepError(`merge: draws ${next}–${this.run.draws - 1} are missing (no shard covers them)`);
  }

  /** Every figure's Stat, by name. */
  stats(): Map<string, Stat> {
    return new Map(this.names.map((n, i) => [n, this.figures[i]!.stat()]));
  }

  toJSON(): SweepSummaryJson {
    return {
      format: SWEEP_FORMAT,
      formatVersion: SWEEP_FORMAT_VERSION,
      run: this.run,
      layout: this.layout,
      covered: this.ranges.map(([a, b]) => [a, b]),
      figures: this.figures.map((f) => f.toJSON()),
    };
  }

  /** A summary from its JSON (a sweep shard file's content); errors name the file and the field. */
  static fromJSON(raw: unknown, file: string): SweepSummary {
    const fail = (field: string, expected: string): never => {
      throw new SweepError(`${file}: field '${field}': expected ${expected}`);
    };
    const o = raw as Partial<SweepSummaryJson> | null;
    if (typeof o !== 'object' || o === null || o.format !== SWEEP_FORMAT)
      return fail('format', `"${SWEEP_FORMAT}" (written by brink analyze --sweep --shard)`);
    if (o.formatVersion !== SWEEP_FORMAT_VERSION)
      fail(
        'formatVersion',
        `${SWEEP_FORMAT_VERSION} (written by another version of brink: compute it again)`,
      );
    const run = o.run as unknown as Record<string, unknown> | undefined;
    if (typeof run !== 'object' || run === null) return fail('run', 'an object');
    for (const k of [
      'version',
      'scenarioFile',
      'scenarioLabel',
      'scenarioHash',
      'title',
      'scenarioId',
      'sampling',
    ])
      if (typeof run[k] !== 'string') fail(`run.${k}`, 'a string');
    for (const k of ['seed', 'lambda']) if (typeof run[k] !== 'number') fail(`run.${k}`, 'a number');
    if (!Number.isSafeInteger(run.draws) || (run.draws as number) < 1)
      fail('run.draws', 'a whole number ≥ 1');
    if (typeof run.fixed !== 'object' || run.fixed === null) fail('run.fixed', 'an object');
    const layout = o.layout;
    if (!layout || !Array.isArray(layout.runs) || !Array.isArray(layout.actors))
      return fail('layout', '{runs, actors}');
    const s = new SweepSummary(o.run as SweepRun, sweepLayout(layout.actors, layout.runs));
    if (!Array.isArray(o.figures) || o.figures.length !== s.names.length)
      fail('figures', `${s.names.length} figure summaries`);
    if (!Array.isArray(o.covered)) return fail('covered', 'a list of [from, to) draw ranges');
    for (const r of o.covered)
      if (
        !Array.isArray(r) ||
        !Number.isSafeInteger(r[0]) ||
        !Number.isSafeInteger(r[1]) ||
        r[0] < 0 ||
        r[1] <= r[0] ||
        r[1] > s.run.draws
      )
        fail('covered', `draw ranges [from, to) within 0–${s.run.draws}`);
    s.cover(o.covered, file);
    try {
      o.figures!.forEach((f, i) => {
        s.figures[i] = FigureSummary.fromJSON(f);
      });
    } catch (e) {
      fail('figures', `figure summaries (${(e as Error).message})`);
    }
    const n = s.drawCount;
    s.figures.forEach((f, i) => {
      if (f.n + f.undefinedDraws !== n) fail(`figures[${i}]`, `${n} draws (${s.names[i]})`);
    });
    return s;
  }
}

/** Summaries of one sweep (e.g. its shards), merged in any order; the result covers their draws. */
export function mergeSweeps(parts: readonly { file: string; summary: SweepSummary }[]): SweepSummary {
  if (parts.length === 0) throw new SweepError('merge: no shard files given');
  const first = parts[0]!.summary;
  const out = new SweepSummary(first.run, first.layout);
  for (const { file, summary } of parts) out.merge(summary, file);
  return out;
}

/** The sweep's figures as data (the JSON report's `data`). */
export interface SweepResults {
  readonly kind: 'sweep';
  readonly run: SweepRun;
  readonly draws: number;
  readonly sketchAlpha: number;
  readonly figures: Record<string, Stat>;
}

export function sweepResults(summary: SweepSummary): SweepResults {
  return {
    kind: 'sweep',
    run: summary.run,
    draws: summary.drawCount,
    sketchAlpha: SKETCH_ALPHA,
    figures: Object.fromEntries(summary.stats()),
  };
}

const pct = (s: Stat) => formatProbability(s.mean);
const pctI = (s: Stat) =>
  `${formatProbability(s.mean)} [${formatProbability(s.low)}, ${formatProbability(s.high)}]`;
const ut = (s: Stat) => formatUtility(s.mean);

function outcomesSection(run: SweepRun, get: (name: string) => Stat, base: string): Section {
  return {
    id: 'outcomes',
    title: 'Outcome distribution',
    blocks: [
      {
        kind: 'paragraph',
        text: `A sweep of ${run.draws} parameter draws (seed ${run.seed}, ${run.sampling} sampling; agent logit QRE, λ = ${run.lambda}). Probabilities are means over the draws of each draw's equilibrium probability, summed exactly; the interval is the 5th–95th percentile of the draws, read from a quantile sketch with relative accuracy ${SKETCH_ALPHA * 100} %.`,
      },
      ...OUTCOME_CLASSES.map((c) => {
        const s = get(`${base}.class.${c.id}`);
        return {
          kind: 'figure' as const,
          label: c.label,
          value: s.mean,
          format: 'probability' as const,
          interval: [s.low, s.high] as [number, number],
          trace: `Σ ρ over leaves where the named formula ${c.formula} holds (scenario formulas, design §5.1)`,
        };
      }),
      {
        kind: 'bar-chart',
        title: 'Outcome classes (mean over draws, 90 % interval)',
        unit: PROBABILITY_UNIT,
        bars: OUTCOME_CLASSES.map((c) => {
          const s = get(`${base}.class.${c.id}`);
          return { label: c.label, value: s.mean, low: s.low, high: s.high };
        }),
      },
      {
        kind: 'table',
        caption: 'Kinds of deal (they add up to the deal class).',
        columns: ['deal', 'probability'],
        rows: DEAL_SUBCLASSES.map((c) => [c.label, pctI(get(`${base}.deal.${c.id}`))]),
        trace: DEAL_SUBCLASSES.map((c) => c.formula).join(', '),
      },
      {
        kind: 'table',
        caption: 'Events reported beside the classes (not exclusive).',
        columns: ['event', 'probability', 'formula'],
        rows: FLAGS.map((f) => [f.label, pctI(get(`${base}.flag.${f.id}`)), f.formula]),
        trace: 'Σ ρ over leaves where the formula holds',
      },
    ],
  };
}

function costsSection(layout: SweepLayout, get: (name: string) => Stat, base: string): Section {
  const costTerms = TERM_LABELS.filter((t) => t.startsWith('C_'));
  return {
    id: 'costs',
    title: 'Expected costs by actor',
    blocks: [
      {
        kind: 'table',
        caption: 'Every actor, baseline (u; mean over draws).',
        columns: ['actor', ...TERM_LABELS],
        rows: layout.actors.map((a) => [a, ...TERM_LABELS.map((t) => ut(get(`${base}.${a}.${t}`)))]),
        trace:
          'E[<actor>.gains], E[<actor>.C_kinetic], E[<actor>.C_reputation], E[<actor>.C_opportunity], E[<actor>.payoff] (payoffs §3)',
      },
      {
        kind: 'table',
        caption: 'The two movers, baseline (u; mean over draws and 90 % interval).',
        columns: ['actor', 'term', 'mean', '90 % interval'],
        rows: layout.actors
          .filter((a) => a === 'us' || a === 'iran')
          .flatMap((a) =>
            TERM_LABELS.map((t) => {
              const s = get(`${base}.${a}.${t}`);
              return [a, t, formatUtility(s.mean), `[${formatUtility(s.low)}, ${formatUtility(s.high)}]`];
            }),
          ),
        trace: 'the same expectations; intervals from the sketch',
      },
      {
        kind: 'bar-chart',
        title: 'Expected costs by actor and term, baseline (mean over draws, 90 % interval)',
        unit: UTILITY_UNIT,
        bars: layout.actors.flatMap((a) =>
          costTerms.map((t) => {
            const s = get(`${base}.${a}.${t}`);
            return { label: a, series: t, value: s.mean, low: s.low, high: s.high };
          }),
        ),
      },
    ],
  };
}

function policiesSection(layout: SweepLayout, get: (name: string) => Stat): Section {
  const movers = layout.actors.filter((a) => a === 'us' || a === 'iran');
  return {
    id: 'policies',
    title: 'Policies compared',
    blocks: [
      {
        kind: 'table',
        caption: 'Outcome classes in each game (mean over the same draws: common random numbers).',
        columns: ['game', ...OUTCOME_CLASSES.map((c) => c.label)],
        rows: layout.runs.map((r) => [r, ...OUTCOME_CLASSES.map((c) => pct(get(`${r}.class.${c.id}`)))]),
        trace: 'the outcome classes of each policy game, same parameter draws',
      },
      {
        kind: 'table',
        caption: 'The two movers under each policy (u; mean over draws).',
        columns: ['game', 'actor', ...TERM_LABELS],
        rows: layout.runs.flatMap((r) =>
          movers.map((a) => [r, a, ...TERM_LABELS.map((t) => ut(get(`${r}.${a}.${t}`)))]),
        ),
        trace: 'the same expectations in each policy game, same draws',
      },
    ],
  };
}

function oilSection(get: (name: string) => Stat, base: string): Section {
  const rows: (string | number)[][] = OIL_MEASURES.map((m) => {
    const s = get(`${base}.oil.${m.id}`);
    return [m.label, formatNumber(s.mean), `[${formatNumber(s.low)}, ${formatNumber(s.high)}]`];
  });
  for (const b of BRENT_THRESHOLDS) {
    const s = get(`${base}.brent_above.${b}`);
    rows.push([
      `P(Brent > ${b} US$/bbl)`,
      formatProbability(s.mean),
      `[${formatProbability(s.low)}, ${formatProbability(s.high)}]`,
    ]);
  }
  return {
    id: 'oil',
    title: 'Oil and shipping, baseline',
    blocks: [
      {
        kind: 'table',
        caption: 'Expected oil and shipping figures (mean over draws, 90 % interval).',
        columns: ['figure', 'mean', '90 % interval'],
        rows,
        trace: OIL_MEASURES.map((m) => m.formula).join(', '),
      },
    ],
  };
}

/** The sweep's report (every draw covered: see SweepSummary.checkComplete). */
export function sweepReport(summary: SweepSummary): ReportDocument {
  const { run, layout } = summary;
  const stats = summary.stats();
  const get = (name: string): Stat => {
    const s = stats.get(name);
    if (s === undefined) throw new SweepError(`internal: no figure '${name}'`);
    return s;
  };
  const base = layout.runs.includes('baseline') ? 'baseline' : layout.runs[0]!;
  const fixed = Object.entries(run.fixed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    title: `Brink sweep: ${run.title}`,
    provenance: {
      scenario: run.scenarioLabel,
      'scenario id': run.scenarioId,
      seed: run.seed,
      draws: run.draws,
      lambda: run.lambda,
      sampling: run.sampling,
      method: `sweep: per-draw figures folded into mergeable summaries; means are exact sums over the draws (Shewchuk expansions), 5th–95th percentiles come from a DDSketch with relative accuracy ${SKETCH_ALPHA * 100} %; path rankings, questions and checks need the full analysis (brink analyze without --sweep)`,
      ...(fixed.length === 0
        ? {}
        : { 'held fixed (--set)': fixed.map(([k, v]) => `${k} = ${v}`).join(', ') }),
      brink: run.version,
    },
    sections: [
      outcomesSection(run, get, base),
      costsSection(layout, get, base),
      policiesSection(layout, get),
      oilSection(get, base),
    ],
  };
}
