// The draws of `brink analyze` as CSV for pandas or R: one row per (draw, game) with the draw's
// parameter values, the equilibrium probability of each outcome class, every actor's expected
// payoff U and the expected Brent price, so any figure of the report can be recomputed.
import type { Model } from '../scenario/model.js';
import { OUTCOME_CLASSES } from './outcomes.js';
import { OIL_MEASURES, TERM_LABELS } from './policy-summary.js';
import { toCsv } from './report/csv.js';
import type { DrawRecord } from './run-draws.js';

const U = TERM_LABELS.indexOf('U');
const BRENT = OIL_MEASURES.findIndex((m) => m.id === 'brent_usd');

export function drawsCsv(model: Model, records: readonly DrawRecord[]): string {
  const params = model.params.map((p) => p.name);
  const header = [
    'draw',
    'game',
    ...params.map((n) => `param.${n}`),
    ...OUTCOME_CLASSES.map((c) => `P.${c.id}`),
    ...model.actors.map((a) => `U.${a}`),
    'brent_usd',
  ];
  const rows = records.flatMap((r) =>
    Object.entries(r.policies).map(([game, p]) => [
      r.draw,
      game,
      ...params.map((n) => r.params[n]!),
      ...p.outcomes.classes,
      ...p.terms.map((t) => t[U]!),
      p.oil[BRENT]!,
    ]),
  );
  return toCsv(header, rows);
}
