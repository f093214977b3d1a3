// Every place in a scenario that holds a formula, with what it may refer to: a formula evaluated
// when stage k is reached may only use moves of stages before k (effects: up to k itself).
import type { Path } from './diagnostics.js';
import type { OptionRef } from './options.js';
import {
  type EffectSpec,
  type FormulaSpec,
  PAYOFF_TERMS,
  type ScenarioSpec,
  isChanceStage,
} from './schema.js';

export type SiteContext =
  /** Evaluated at a leaf or on demand: no limit of its own. */
  | { readonly kind: 'definition'; readonly name: string }
  /** Evaluated at the root (private-type priors): no moves exist yet. */
  | { readonly kind: 'prior' }
  /** Evaluated on reaching `stage` (when, availability, chance probabilities, policies). */
  | { readonly kind: 'before'; readonly stage: number }
  /** Evaluated once the choice at `stage` is made (effects). */
  | { readonly kind: 'after'; readonly stage: number };

export interface FormulaSite {
  readonly path: Path;
  readonly source: FormulaSpec;
  readonly context: SiteContext;
}

/** The formula inside an effect and the path to it. */
export function effectFormula(
  e: EffectSpec,
  path: Path,
): { op: 'add' | 'set' | 'mul' | 'max' | 'min'; source: FormulaSpec; path: Path } {
  if (typeof e !== 'object') return { op: 'add', source: e, path };
  const [op, source] = Object.entries(e)[0]! as ['add' | 'set' | 'mul' | 'max' | 'min', FormulaSpec];
  return { op, source, path: [...path, op] };
}

/** The first stage offering each option ("actor/option" → stage index). */
export function firstOffer(spec: ScenarioSpec, stageChoices: string[][]): Map<string, number> {
  const out = new Map<string, number>();
  spec.stages.forEach((s, i) => {
    if (isChanceStage(s)) return;
    for (const id of stageChoices[i]!) {
      const key = `${s.actor}/${id}`;
      if (!out.has(key)) out.set(key, i);
    }
  });
  return out;
}

export function formulaSites(
  spec: ScenarioSpec,
  catalog: Map<string, OptionRef[]>,
  stageChoices: string[][],
): FormulaSite[] {
  const sites: FormulaSite[] = [];
  const effects = (fx: Record<string, EffectSpec> | undefined, base: Path, stage: number): void => {
    for (const [v, e] of Object.entries(fx ?? {})) {
      const f = effectFormula(e, [...base, v]);
      sites.push({ path: f.path, source: f.source, context: { kind: 'after', stage } });
    }
  };

  for (const [id, t] of Object.entries(spec.types)) {
    for (const [v, p] of Object.entries(t.prior)) {
      if (p !== 'otherwise')
        sites.push({ path: ['types', id, 'prior', v], source: p, context: { kind: 'prior' } });
    }
  }
  spec.stages.forEach((s, i) => {
    if (s.when !== undefined)
      sites.push({ path: ['stages', i, 'when'], source: s.when, context: { kind: 'before', stage: i } });
    if (!isChanceStage(s)) return;
    for (const [o, out] of Object.entries(s.chance)) {
      if (out.prob !== 'otherwise') {
        sites.push({
          path: ['stages', i, 'chance', o, 'prob'],
          source: out.prob,
          context: { kind: 'before', stage: i },
        });
      }
      effects(out.effects, ['stages', i, 'chance', o, 'effects'], i);
    }
  });
  const first = firstOffer(spec, stageChoices);
  for (const options of catalog.values()) {
    for (const o of options) {
      // An option never offered is reported as unreachable; its formulas are still checked.
      const stage = first.get(`${o.actor}/${o.id}`) ?? spec.stages.length;
      if (o.spec.available !== undefined) {
        sites.push({
          path: [...o.path, 'available'],
          source: o.spec.available,
          context: { kind: 'before', stage },
        });
      }
      effects(o.spec.effects, [...o.path, 'effects'], stage);
    }
  }
  for (const [id, f] of Object.entries(spec.formulas)) {
    const isObject = typeof f === 'object';
    sites.push({
      path: isObject ? ['formulas', id, 'formula'] : ['formulas', id],
      source: isObject ? f.formula : f,
      context: { kind: 'definition', name: id },
    });
  }
  for (const [actor, p] of Object.entries(spec.payoffs)) {
    for (const term of PAYOFF_TERMS) {
      const t = p[term];
      if (t === undefined) continue;
      const name = `${actor}.${term}`;
      if (typeof t === 'object') {
        for (const [part, f] of Object.entries(t))
          sites.push({
            path: ['payoffs', actor, term, part],
            source: f,
            context: { kind: 'definition', name },
          });
      } else sites.push({ path: ['payoffs', actor, term], source: t, context: { kind: 'definition', name } });
    }
  }
  for (const [id, pol] of Object.entries(spec.policies)) {
    pol.rules.forEach((r, k) => {
      const stage = spec.stages.findIndex((s) => s.id === r.stage);
      if (r.when !== undefined && stage >= 0) {
        sites.push({
          path: ['policies', id, 'rules', k, 'when'],
          source: r.when,
          context: { kind: 'before', stage },
        });
      }
    });
  }
  return sites;
}
