// The headline figures of a stored run, read from its stored results (plain JSON) per kind of run:
// for analyze the outcome classes, the events beside them and the expected cost terms of the two
// principals; for compare every figure of every policy; for sensitivity the headline outputs at the
// base point and their widest one-at-a-time swing. Two runs are compared on these (run-diff.ts).
// Results stored by another version may lack a part: what cannot be read is left out, not guessed.
import { FLAGS, OUTCOME_CLASSES } from '../../../src/analysis/outcomes.js';
import { TERM_LABELS } from '../../../src/analysis/policy-summary.js';
import type { FigureFormat } from '../../../src/analysis/report/format.js';
import type { RunKind } from '../../../src/store/run-store.js';

export interface HeadlineFigure {
  /** Stable across runs of a kind: the key two runs are matched on. */
  readonly id: string;
  readonly label: string;
  readonly format: FigureFormat;
  readonly value: number;
  /** The 90 % interval over the draws, when the figure has one. */
  readonly interval?: readonly [number, number];
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A stored Stat ({mean, low, high, n}) as a figure; undefined when it is not one. */
function statFigure(id: string, label: string, format: FigureFormat, s: unknown): HeadlineFigure | undefined {
  if (!isObject(s) || typeof s.mean !== 'number') return undefined;
  const interval =
    typeof s.low === 'number' && typeof s.high === 'number' ? ([s.low, s.high] as const) : undefined;
  return { id, label, format, value: s.mean, ...(interval ? { interval } : {}) };
}

const ACTOR_NAMES: Record<string, string> = { us: 'US', iran: 'Iran' };
const TERM_TEXT: Record<string, string> = {
  gains: 'gains',
  C_kinetic: 'kinetic cost',
  C_reputation: 'reputation cost',
  C_opportunity: 'opportunity cost',
  U: 'payoff U',
};

function analyzeFigures(r: Json): HeadlineFigure[] {
  const out: (HeadlineFigure | undefined)[] = [];
  const q3 = isObject(r.q3) ? r.q3 : {};
  const classes = Array.isArray(q3.classes) ? q3.classes : [];
  OUTCOME_CLASSES.forEach((c, k) =>
    out.push(statFigure(`p_${c.id}`, `P(${c.label})`, 'probability', classes[k])),
  );
  const flags = Array.isArray(q3.flags) ? q3.flags : [];
  FLAGS.forEach((f, k) => out.push(statFigure(`p_${f.id}`, `P(${f.label})`, 'probability', flags[k])));
  const costs = isObject(r.costs) ? r.costs : {};
  const actors = Array.isArray(costs.actors) ? costs.actors : [];
  const terms = Array.isArray(costs.terms) ? costs.terms : [];
  for (const actor of ['us', 'iran']) {
    const a = actors.indexOf(actor);
    const row = terms[a];
    if (a < 0 || !Array.isArray(row)) continue;
    TERM_LABELS.forEach((term, t) =>
      out.push(statFigure(`${actor}_${term}`, `${ACTOR_NAMES[actor]} ${TERM_TEXT[term]}`, 'utility', row[t])),
    );
  }
  return out.filter((f): f is HeadlineFigure => f !== undefined);
}

/** compare: every figure of every policy (CompareResults, compare.ts). */
function compareFigures(r: Json): HeadlineFigure[] {
  const metrics = Array.isArray(r.metrics) ? r.metrics.filter(isObject) : [];
  const policies = Array.isArray(r.policies) ? r.policies.filter(isObject) : [];
  const out: (HeadlineFigure | undefined)[] = [];
  for (const p of policies) {
    const figures = isObject(p.figures) ? p.figures : {};
    for (const m of metrics) {
      const format = m.format === 'probability' || m.format === 'utility' ? m.format : 'number';
      out.push(statFigure(`${p.id}.${m.id}`, `${p.label}: ${m.label}`, format, figures[String(m.id)]));
    }
  }
  return out.filter((f): f is HeadlineFigure => f !== undefined);
}

/** sensitivity: each headline output at the base point, and the swing of its widest tornado bar. */
function sensitivityFigures(r: Json): HeadlineFigure[] {
  const t = isObject(r.tornado) ? r.tornado : undefined;
  if (!t || !Array.isArray(t.outputs) || !Array.isArray(t.atBase)) return [];
  const atBase: unknown[] = t.atBase;
  const bars = Array.isArray(t.bars) ? t.bars : [];
  const out: HeadlineFigure[] = [];
  t.outputs.forEach((o: unknown, k: number) => {
    if (!isObject(o) || typeof atBase[k] !== 'number') return;
    out.push({
      id: `${o.id}.base`,
      label: `${o.label} at base`,
      format: 'probability',
      value: atBase[k] as number,
    });
    const widest = Array.isArray(bars[k]) ? bars[k][0] : undefined;
    if (isObject(widest) && typeof widest.swing === 'number')
      out.push({
        id: `${o.id}.swing`,
        label: `${o.label}: widest swing (${String(widest.name)})`,
        format: 'probability',
        value: widest.swing,
      });
  });
  return out;
}

const readers: Partial<Record<RunKind, (r: Json) => HeadlineFigure[]>> = {
  analyze: analyzeFigures,
  compare: compareFigures,
  sensitivity: sensitivityFigures,
};

/** The headline figures of a run's results; none for a kind without a reader or unreadable results. */
export function headlineFigures(kind: RunKind, results: unknown): HeadlineFigure[] {
  const read = readers[kind];
  return read && isObject(results) ? read(results) : [];
}
