// A scenario as the tables an analyst reads (the Scenario view): payoff formulas and named formulas
// as written, each ladder's rungs in rank order with the thresholds between them, and each option's
// or chance outcome's effects in words. Pure: reads the parsed spec, computes nothing.
import { effectText } from '../../../src/analysis/explain-text.js';
import {
  type EffectSpec,
  PAYOFF_TERMS,
  type ScenarioSpec,
  type SourceSpec,
} from '../../../src/scenario/schema.js';
import { effectFormula } from '../../../src/scenario/sites.js';

export interface FormulaRow {
  readonly actor: string;
  /** gains, C_kinetic, C_reputation or C_opportunity. */
  readonly term: string;
  /** Name of the part, '' for a term given as one formula. */
  readonly part: string;
  readonly formula: string;
}

/** Every payoff term's formulas (or named parts), actors in file order, terms in PAYOFF_TERMS order. */
export function payoffRows(spec: ScenarioSpec): FormulaRow[] {
  return Object.entries(spec.payoffs).flatMap(([actor, p]) =>
    PAYOFF_TERMS.flatMap((term) => {
      const t = p[term];
      if (t === undefined) return [];
      if (typeof t === 'object')
        return Object.entries(t).map(([part, f]) => ({ actor, term, part, formula: String(f) }));
      return [{ actor, term, part: '', formula: String(t) }];
    }),
  );
}

export interface NamedFormulaRow {
  readonly name: string;
  readonly formula: string;
  readonly description?: string;
  readonly unit?: string;
}

export function namedFormulaRows(spec: ScenarioSpec): NamedFormulaRow[] {
  return Object.entries(spec.formulas).map(([name, f]) =>
    typeof f === 'object'
      ? { name, formula: String(f.formula), description: f.description, unit: f.unit }
      : { name, formula: String(f) },
  );
}

/** "offer_public set to 1", "us_credibility + -0.2": effects in the order written. */
export function effectLines(effects: Record<string, EffectSpec> | undefined): string[] {
  return Object.entries(effects ?? {}).map(([variable, e]) => {
    const f = effectFormula(e, [variable]);
    return `${variable} ${effectText(f.op, String(f.source))}`;
  });
}

export interface RungRow {
  readonly id: string;
  readonly label: string;
  readonly rank: number;
  readonly description?: string;
  readonly available?: string;
  readonly ends: boolean;
  readonly effects: string[];
  /** Thresholds crossed on the way up to this rung from the one below it. */
  readonly thresholds: string[];
  readonly source?: SourceSpec;
}

export interface LadderOutline {
  readonly actor: string;
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly rungs: RungRow[];
}

/** Each ladder with its rungs by rank (file order among equal ranks) and its thresholds placed between them. */
export function ladderOutlines(spec: ScenarioSpec): LadderOutline[] {
  return Object.entries(spec.ladders).flatMap(([actor, ladders]) =>
    Object.entries(ladders).map(([id, l]) => {
      const rungs = Object.entries(l.rungs)
        .map(([rid, o], position) => ({ rid, o: o ?? {}, rank: o?.rank ?? position, position }))
        .sort((a, b) => a.rank - b.rank || a.position - b.position);
      const thresholds = l.thresholds ?? [];
      return {
        actor,
        id,
        label: l.label ?? id,
        description: l.description,
        rungs: rungs.map(({ rid, o, rank }, i) => {
          const below = i === 0 ? Number.NEGATIVE_INFINITY : rungs[i - 1]!.rank;
          return {
            id: rid,
            label: o.label ?? rid,
            rank,
            description: o.description,
            available: o.available === undefined ? undefined : String(o.available),
            ends: o.ends ?? false,
            effects: effectLines(o.effects),
            thresholds: thresholds.filter((t) => t.rank > below && t.rank <= rank).map((t) => t.name),
            source: o.source,
          };
        }),
      };
    }),
  );
}
