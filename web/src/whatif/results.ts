// Picking the what-if view's figures out of an analysis (src/analysis/analyze.ts): the outcome
// classes' means and 90 % intervals (results.q3.classes, as the report's outcomes section shows
// them), the expected cost terms per actor (results.costs), the report's Brent fan chart and its
// question sections, and which parameters the run held at a value. No figure is recomputed here.
import type { AnalysisResults } from '../../../src/analysis/analyze.js';
import { OUTCOME_CLASSES } from '../../../src/analysis/outcomes.js';
import { TERM_LABELS } from '../../../src/analysis/policy-summary.js';
import type { Block, ReportDocument, Section } from '../../../src/analysis/report/document.js';
import type { Stat } from '../../../src/analysis/stats.js';
import type { Distribution } from '../../../src/scenario/distributions.js';
import type { Model } from '../../../src/scenario/model.js';

export interface ClassFigure {
  readonly id: string;
  readonly label: string;
  /** The scenario's named formula that defines the class. */
  readonly formula: string;
  readonly stat: Stat;
}

/** The outcome classes in OUTCOME_CLASSES order with their mean probability over the draws. */
export function outcomeFigures(results: AnalysisResults): ClassFigure[] {
  return OUTCOME_CLASSES.map((c, k) => ({
    id: c.id,
    label: c.label,
    formula: c.formula,
    stat: results.q3.classes[k]!,
  }));
}

export interface CostFigure {
  readonly actor: string;
  /** gains, C_kinetic, C_reputation, C_opportunity or U. */
  readonly term: string;
  readonly stat: Stat;
}

/** Expected payoff terms per actor (baseline game), every actor, TERM_LABELS order. */
export function costFigures(results: AnalysisResults): CostFigure[] {
  const { actors, terms } = results.costs;
  return actors.flatMap((actor, a) => TERM_LABELS.map((term, t) => ({ actor, term, stat: terms[a]![t]! })));
}

/** The three cost terms of the given actors as a grouped bar chart (u, 90 % intervals). */
export function costChart(figures: readonly CostFigure[], actors: readonly string[]): Block {
  const costs = new Set(['C_kinetic', 'C_reputation', 'C_opportunity']);
  return {
    kind: 'bar-chart',
    title: 'Expected costs by term (u, mean over draws, 90 % interval)',
    unit: 'utility',
    bars: figures
      .filter((f) => actors.includes(f.actor) && costs.has(f.term) && !Number.isNaN(f.stat.mean))
      .map((f) => ({
        label: f.actor,
        series: f.term,
        value: f.stat.mean,
        low: f.stat.low,
        high: f.stat.high,
      })),
  };
}

/** The first block of a kind in a report section, if both exist. */
export function findBlock<K extends Block['kind']>(
  doc: ReportDocument,
  sectionId: string,
  kind: K,
): Extract<Block, { kind: K }> | undefined {
  const section = doc.sections.find((s) => s.id === sectionId);
  return section?.blocks.find((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

/** The sections answering the seeds' questions (q1…q7), in report order. */
export function questionSections(doc: ReportDocument): Section[] {
  return doc.sections.filter((s) => /^q\d+-/.test(s.id));
}

export interface Held {
  readonly name: string;
  readonly value: number;
  /** The distribution the parameter is drawn from when it is not held. */
  readonly drawn: Distribution;
}

function sameDistribution(a: Distribution, b: Distribution): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The parameters a run held at a value: those whose distribution in the run's model is a point
 * where the scenario's differs (withFixedParameters). A parameter held at exactly its own point
 * value changes nothing and is not listed.
 */
export function heldParameters(runModel: Pick<Model, 'params'>, scenario: Pick<Model, 'params'>): Held[] {
  const drawn = new Map(scenario.params.map((p) => [p.name, p.dist]));
  return runModel.params.flatMap((p) => {
    const d = drawn.get(p.name);
    if (d === undefined || p.dist.dist !== 'point' || sameDistribution(d, p.dist)) return [];
    return [{ name: p.name, value: p.dist.value, drawn: d }];
  });
}
