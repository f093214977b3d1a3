// A report as JSON: the document itself, with keys in a fixed order whatever order the analysis
// built them in, so that equal documents give equal files and diffs stay small. Known keys come
// in reading order (what a block is, then its label, its numbers, its trace); any others, and the
// free-form provenance keys, follow alphabetically.
import type { ReportDocument } from './document.js';

const KEY_ORDER = [
  'kind',
  'id',
  'title',
  'question',
  'label',
  'caption',
  'text',
  'series',
  'x',
  'y',
  'value',
  'format',
  'interval',
  'low',
  'high',
  'unit',
  'xLabel',
  'yLabel',
  'columns',
  'rows',
  'items',
  'bars',
  'points',
  'trace',
  'provenance',
  'sections',
  'blocks',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? KEY_ORDER.length;
  const rb = RANK.get(b) ?? KEY_ORDER.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy with the keys of every object in the fixed order; arrays keep their order. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort(compareKeys)) {
    // Optional fields left undefined are dropped, as JSON.stringify would.
    if (o[k] !== undefined) out[k] = canonicalize(o[k]);
  }
  return out;
}

/** Two-space indent. Non-finite numbers have no JSON form and come out as null (JSON.stringify's rule). */
export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(canonicalize(doc), null, 2)}\n`;
}
