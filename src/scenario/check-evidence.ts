// Semantic checks of the `evidence:` section. Competing hypotheses must be mutually exclusive and
// exhaustive (Heuer 1999, ch. 8: ACH starts from a full set of hypotheses), so each set's priors add
// up to 1; each likelihood row is a probability distribution over the indicator's states; every
// name (set, type, hypothesis, state) refers to something that exists, with a "did you mean".
import type { Path, Problem } from './diagnostics.js';
import type { ScenarioSpec } from './schema.js';
import { didYouMean } from './suggest.js';

/** Tolerance on "adds up to 1": priors and likelihoods are written with a few decimals. */
export const SUM_TOLERANCE = 1e-6;

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

function checkSets(spec: ScenarioSpec, problems: Problem[]): void {
  const types = Object.keys(spec.types);
  for (const [id, set] of Object.entries(spec.evidence!.sets)) {
    const base: Path = ['evidence', 'sets', id];
    const priors = Object.values(set.hypotheses).map((h) => h.prior);
    const total = sum(priors);
    if (Math.abs(total - 1) > SUM_TOLERANCE) {
      problems.push({
        path: [...base, 'hypotheses'],
        key: true,
        message: `expected priors that add up to 1 (the hypotheses are exclusive and exhaustive), got ${+total.toFixed(6)}`,
      });
    }
    if (set.type === undefined) continue;
    const type = spec.types[set.type];
    if (type === undefined) {
      problems.push({
        path: [...base, 'type'],
        message: `'${set.type}' is not a private type${didYouMean(set.type, types)}`,
      });
      continue;
    }
    // The posterior replaces the type's prior, so the hypotheses must be exactly the type's values.
    const values = Object.keys(type.prior);
    for (const h of Object.keys(set.hypotheses)) {
      if (!values.includes(h)) {
        problems.push({
          path: [...base, 'hypotheses', h],
          key: true,
          message: `'${h}' is not a value of type '${set.type}'${didYouMean(h, values)}`,
        });
      }
    }
    for (const v of values) {
      if (!(v in set.hypotheses)) {
        problems.push({
          path: [...base, 'hypotheses'],
          key: true,
          message: `expected a hypothesis for every value of type '${set.type}': '${v}' is missing`,
        });
      }
    }
  }
}

function checkIndicators(spec: ScenarioSpec, problems: Problem[]): void {
  const ev = spec.evidence!;
  const setIds = Object.keys(ev.sets);
  const groupSet = new Map<string, string>();
  for (const [id, ind] of Object.entries(ev.indicators)) {
    const base: Path = ['evidence', 'indicators', id];
    const seen = new Set<string>();
    ind.states.forEach((k, i) => {
      if (seen.has(k))
        problems.push({ path: [...base, 'states', i], message: `state '${k}' is listed twice` });
      seen.add(k);
    });
    const set = ev.sets[ind.set];
    if (set === undefined) {
      problems.push({
        path: [...base, 'set'],
        message: `'${ind.set}' is not a hypothesis set${didYouMean(ind.set, setIds)}`,
      });
      continue;
    }
    if (ind.group !== undefined) {
      const other = groupSet.get(ind.group);
      if (other !== undefined && other !== ind.set) {
        problems.push({
          path: [...base, 'group'],
          message: `group '${ind.group}' already bears on set '${other}': a group's indicators must share one set`,
        });
      } else groupSet.set(ind.group, ind.set);
    }
    const hyps = Object.keys(set.hypotheses);
    for (const [h, row] of Object.entries(ind.likelihood)) {
      const rowPath: Path = [...base, 'likelihood', h];
      if (!hyps.includes(h)) {
        problems.push({
          path: rowPath,
          key: true,
          message: `'${h}' is not a hypothesis of set '${ind.set}'${didYouMean(h, hyps)}`,
        });
        continue;
      }
      for (const k of Object.keys(row)) {
        if (!ind.states.includes(k)) {
          problems.push({
            path: [...rowPath, k],
            key: true,
            message: `'${k}' is not a state of the indicator${didYouMean(k, ind.states)}`,
          });
        }
      }
      const missing = ind.states.filter((k) => row[k] === undefined);
      if (missing.length > 0) {
        problems.push({
          path: rowPath,
          message: `expected a likelihood for every state: ${missing.map((k) => `'${k}'`).join(', ')} missing`,
        });
        continue;
      }
      const total = sum(ind.states.map((k) => row[k]!));
      if (Math.abs(total - 1) > SUM_TOLERANCE) {
        problems.push({
          path: rowPath,
          message: `expected likelihoods P(state | ${h}) that add up to 1 over the states, got ${+total.toFixed(6)}`,
        });
      }
    }
    for (const h of hyps) {
      if (ind.likelihood[h] === undefined) {
        problems.push({
          path: [...base, 'likelihood'],
          key: true,
          message: `expected a likelihood row for every hypothesis of '${ind.set}': '${h}' is missing`,
        });
      }
    }
  }
}

/** Problems of the evidence section; none when the scenario has no such section. */
export function checkEvidence(spec: ScenarioSpec, problems: Problem[]): void {
  if (spec.evidence === undefined) return;
  checkSets(spec, problems);
  checkIndicators(spec, problems);
}
