// One headline figure per run for `brink runs list`, read from the stored results (plain JSON).
import { OUTCOME_CLASSES } from '../analysis/outcomes.js';
import { formatProbability } from '../analysis/report/format.js';
import type { RunKind } from './run-store.js';

type Headliner = (results: unknown) => string | undefined;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** analyze: the most likely outcome class with its mean probability over the draws. */
function analyzeHeadline(results: unknown): string | undefined {
  if (!isObject(results) || !isObject(results.q3) || !Array.isArray(results.q3.classes)) return undefined;
  const means = results.q3.classes.map((c) =>
    isObject(c) && typeof c.mean === 'number' ? c.mean : Number.NaN,
  );
  let best = -1;
  for (let k = 0; k < means.length; k++) if (means[k]! > (best < 0 ? -1 : means[best]!)) best = k;
  const label = OUTCOME_CLASSES[best]?.label;
  if (label === undefined || !Number.isFinite(means[best]!)) return undefined;
  return `${label} ${formatProbability(means[best]!)}`;
}

/** Per kind; kinds without an entry have no headline. */
export const headliners: Partial<Record<RunKind, Headliner>> = {
  analyze: analyzeHeadline,
};

export function headlineOf(kind: RunKind, results: unknown): string | undefined {
  try {
    return headliners[kind]?.(results);
  } catch {
    return undefined;
  }
}
