// Validation of one observation for the evidence log, against the scenario's indicators.
//
// Input is the text a user typed (a `brink evidence add` option or a CSV cell); output is a typed
// observation or every problem found, each naming its field and what was expected. Field formats
// are checked with zod; the cross-checks (indicator, states, soft evidence) need the scenario.
//
// References:
// - Source grading: the NATO Admiralty code (STANAG 2511; AJP-2.1), reliability of the source
//   A–F and credibility of the information 1–6.
// - Event categories: PLOVER, Political Language Ontology for Verifiable Event Records (Open Event
//   Data Alliance, https://github.com/openeventdata/PLOVER, README "PLOVER event categories" and
//   PLOVER_MANUAL.pdf), which defines 19 event types aggregating the CAMEO cue categories.
// - CAMEO event codes (Gerner, Schrodt, Yilmaz & Abu-Jabr 2002; Schrodt, CAMEO codebook 1.1b3,
//   2012): two-digit cue categories 01–20, refined by a third and fourth digit (e.g. 15, 150, 1511).
// - Goldstein (1992), "A Conflict-Cooperation Scale for WEIS Events Data", J. Conflict Resolution
//   36(2): scores from −10 (most conflictual) to +10 (most cooperative).
// - Soft evidence: virtual evidence as likelihood weights (Pearl 1988, Probabilistic Reasoning in
//   Intelligent Systems, §2.2.2) and Jeffrey's rule for a probability over states (Jeffrey 1965).
import { z } from 'zod';
import type { EvidenceModel } from '../scenario/model.js';
import { didYouMean } from '../scenario/suggest.js';
import type { Credibility, EvidenceValue, Observation, Reliability } from './observation-types.js';

/** An observation before the log gives it an id. */
export type NewObservation = Omit<Observation, 'id' | 'retracted'>;

/** The 19 PLOVER event categories (openeventdata/PLOVER README, "PLOVER event categories"). */
export const PLOVER_CATEGORIES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'CRIME',
  'MOBILIZE',
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'FIGHT',
] as const;
export type PloverCategory = (typeof PLOVER_CATEGORIES)[number];

/**
 * The PLOVER category of each CAMEO cue category (the README's migration table). CAMEO 01 (make
 * public statement) and 02 (appeal) were dropped by PLOVER, so they constrain nothing; CAMEO 08
 * (yield) splits into CONCEDE (081–083) and RETREAT (084–087), see ploverOfCameo.
 */
const CAMEO_ROOT_TO_PLOVER: Readonly<Record<string, PloverCategory | undefined>> = {
  '03': 'AGREE',
  '04': 'CONSULT',
  '05': 'SUPPORT',
  '06': 'COOPERATE',
  '07': 'AID',
  '09': 'INVESTIGATE',
  '10': 'DEMAND',
  '11': 'DISAPPROVE',
  '12': 'REJECT',
  '13': 'THREATEN',
  '14': 'PROTEST',
  '15': 'MOBILIZE',
  '16': 'SANCTION',
  '17': 'COERCE',
  '18': 'ASSAULT',
  '19': 'FIGHT',
  '20': 'FIGHT',
};

/** The PLOVER categories a CAMEO code may carry: none listed means any (dropped or general codes). */
export function ploverOfCameo(code: string): readonly PloverCategory[] {
  const root = code.slice(0, 2);
  if (root === '08') {
    const third = code[2];
    if (third !== undefined && '123'.includes(third)) return ['CONCEDE'];
    if (third !== undefined && '4567'.includes(third)) return ['RETREAT'];
    return ['CONCEDE', 'RETREAT'];
  }
  const p = CAMEO_ROOT_TO_PLOVER[root];
  return p === undefined ? [] : [p];
}

/** Admiralty source reliability (STANAG 2511). */
export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** Admiralty information credibility (STANAG 2511). */
export const CREDIBILITY_LABELS: Readonly<Record<Credibility, string>> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** An observation as typed: every field is text, as on the command line or in a CSV cell. */
export interface ObservationFields {
  readonly scenario?: string;
  readonly indicator?: string;
  readonly state?: string;
  readonly weights?: string;
  readonly probs?: string;
  readonly event_date?: string;
  readonly report_date?: string;
  readonly source?: string;
  readonly reliability?: string;
  readonly credibility?: string;
  readonly note?: string;
  readonly plover?: string;
  readonly cameo?: string;
  readonly goldstein?: string;
}
export type FieldName = keyof ObservationFields;

/** One problem: the field, and what was expected there (with what was found). */
export interface FieldProblem {
  readonly field: FieldName;
  readonly expected: string;
}

export type Validated =
  | { readonly ok: true; readonly observation: NewObservation }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export interface ValidationContext {
  /** The scenario's id: observations are logged under it. */
  readonly scenario: string;
  /** The scenario's hypotheses and indicators (undefined: it has no `evidence:` section). */
  readonly evidence: EvidenceModel | undefined;
}

/** `field — expected …` (the CLI and the CSV import put a location in front). */
export function problemText(p: FieldProblem, fieldLabel: (f: FieldName) => string = (f) => f): string {
  return `${fieldLabel(p.field)} — expected ${p.expected}`;
}

function shown(x: unknown): string {
  return typeof x === 'string' ? `'${x}'` : String(x);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const DATE_EXPECTED = 'an ISO date YYYY-MM-DD';
const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, { error: (iss) => `${DATE_EXPECTED}, got ${shown(iss.input)}` });

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? `${what} (the field is missing)` : `${what}, got ${shown(iss.input)}`;

/** The field formats that need no scenario. */
const FieldsSchema = z.object({
  event_date: isoDate.optional(),
  report_date: isoDate.optional(),
  source: z
    .string({ error: required('the source of the report (free text)') })
    .trim()
    .min(1, { error: 'the source of the report (free text), got nothing' }),
  reliability: z
    .string({ error: required('a source reliability A–F (Admiralty code)') })
    .trim()
    .toUpperCase()
    .pipe(
      z.enum(['A', 'B', 'C', 'D', 'E', 'F'], {
        error: (iss) => `a source reliability A–F (Admiralty code), got ${shown(iss.input)}`,
      }),
    ),
  credibility: z
    .string({ error: required('an information credibility 1–6 (Admiralty code)') })
    .trim()
    .refine((s) => /^[1-6]$/.test(s), {
      error: (iss) => `an information credibility 1–6 (Admiralty code), got ${shown(iss.input)}`,
    })
    .transform((s) => Number(s) as Credibility),
  plover: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(
      z.enum(PLOVER_CATEGORIES, {
        error: (iss) => `a PLOVER event category (${PLOVER_CATEGORIES.join(', ')}), got ${shown(iss.input)}`,
      }),
    )
    .optional(),
  cameo: z
    .string()
    .trim()
    .refine((s) => /^(0[1-9]|1\d|20)\d{0,2}$/.test(s), {
      error: (iss) =>
        `a CAMEO event code: a cue category 01–20 with up to two more digits (e.g. 15, 150, 1511), got ${shown(iss.input)}`,
    })
    .optional(),
  goldstein: z
    .string()
    .trim()
    .refine((s) => /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s) && Math.abs(Number(s)) <= 10, {
      error: (iss) => `a Goldstein score from -10 to 10, got ${shown(iss.input)}`,
    })
    .transform(Number)
    .optional(),
});

/** Blank cells count as absent, so that CSV columns can be left empty. */
function present(fields: ObservationFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (typeof v === 'string' && v.trim() !== '') out[k] = v;
  return out;
}

/**
 * `s=w,s=w` (`;` also separates) as a map over the indicator's states. Every state must be given
 * once, with a non-negative number; problems name the field.
 */
function parseStateNumbers(
  field: 'weights' | 'probs',
  text: string,
  states: readonly string[],
  problems: FieldProblem[],
): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  const expectedStates = `one of ${states.join(', ')}`;
  let ok = true;
  for (const part of text.split(/[,;]/)) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) {
      problems.push({ field, expected: `state=number pairs separated by commas, got ${shown(part.trim())}` });
      ok = false;
      continue;
    }
    const [, state, num] = m as unknown as [string, string, string];
    const x = Number(num);
    if (!states.includes(state)) {
      problems.push({
        field,
        expected: `a state ${expectedStates}${didYouMean(state, states)}, got '${state}'`,
      });
      ok = false;
    } else if (state in out) {
      problems.push({ field, expected: `each state once, got '${state}' twice` });
      ok = false;
    } else if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(num) || !Number.isFinite(x) || x < 0) {
      problems.push({ field, expected: `a non-negative number for '${state}', got ${shown(num)}` });
      ok = false;
    } else {
      out[state] = x;
    }
  }
  if (!ok) return undefined;
  const missing = states.filter((s) => !(s in out));
  if (missing.length > 0) {
    problems.push({
      field,
      expected: `a value for every state (${states.join(', ')}); missing ${missing.join(', ')}`,
    });
    return undefined;
  }
  const total = states.reduce((a, s) => a + out[s]!, 0);
  if (field === 'weights' && total === 0) {
    problems.push({ field, expected: 'at least one positive likelihood weight, got all zero' });
    return undefined;
  }
  // Probabilities as typed (0.1 + 0.2 + 0.7) carry rounding error, hence the tolerance.
  if (field === 'probs' && Math.abs(total - 1) > 1e-6) {
    problems.push({ field, expected: `probabilities that add up to 1, got a sum of ${+total.toFixed(9)}` });
    return undefined;
  }
  return out;
}

/** The indicator and its value: hard (one state), or soft (likelihood weights or probabilities). */
function indicatorValue(
  f: Record<string, string>,
  ctx: ValidationContext,
  problems: FieldProblem[],
): { indicator: string; value: EvidenceValue } | undefined {
  const id = f.indicator?.trim();
  const indicators = ctx.evidence?.indicators ?? [];
  if (id === undefined) {
    problems.push({
      field: 'indicator',
      expected: 'the id of one of the scenario’s indicators (the field is missing)',
    });
    return undefined;
  }
  const ind = indicators.find((i) => i.id === id);
  if (ind === undefined) {
    problems.push({
      field: 'indicator',
      expected:
        indicators.length === 0
          ? `an indicator of scenario '${ctx.scenario}', which declares none (it has no evidence: section), got '${id}'`
          : `one of the indicators of scenario '${ctx.scenario}'${didYouMean(
              id,
              indicators.map((i) => i.id),
            )}, got '${id}'`,
    });
  }
  const given = (['state', 'weights', 'probs'] as const).filter((k) => f[k] !== undefined);
  if (given.length !== 1) {
    problems.push({
      field: given[1] ?? 'state',
      expected:
        given.length === 0
          ? 'the observed value: a state, or likelihood weights, or probabilities (the field is missing)'
          : `exactly one of state, weights and probs, got ${given.join(' and ')}`,
    });
    return undefined;
  }
  if (ind === undefined) return undefined;
  const kind = given[0]!;
  if (kind === 'state') {
    const state = f.state!.trim();
    if (!ind.states.includes(state)) {
      problems.push({
        field: 'state',
        expected: `a state of indicator '${ind.id}' (${ind.states.join(', ')})${didYouMean(state, ind.states)}, got '${state}'`,
      });
      return undefined;
    }
    return { indicator: ind.id, value: { kind: 'hard', state } };
  }
  const numbers = parseStateNumbers(kind, f[kind]!, ind.states, problems);
  if (numbers === undefined) return undefined;
  return {
    indicator: ind.id,
    value:
      kind === 'weights' ? { kind: 'likelihood', weights: numbers } : { kind: 'probability', probs: numbers },
  };
}

/** Checks between fields (each field itself valid): dates in order, the category consistent. */
function crossChecks(f: Record<string, string>, problems: FieldProblem[]): void {
  const eventDate = f.event_date?.trim();
  const reportDate = f.report_date?.trim();
  if (eventDate && reportDate && isIsoDate(eventDate) && isIsoDate(reportDate) && reportDate < eventDate) {
    problems.push({
      field: 'report_date',
      expected: `a date on or after the event date ${eventDate} (a report cannot precede its event), got '${reportDate}'`,
    });
  }
  const plover = f.plover?.trim().toUpperCase();
  if (plover === undefined && (f.cameo !== undefined || f.goldstein !== undefined)) {
    problems.push({
      field: 'plover',
      expected:
        'a PLOVER event category when a CAMEO code or Goldstein score is given (the field is missing)',
    });
  }
  const cameo = f.cameo?.trim();
  if (
    plover !== undefined &&
    cameo !== undefined &&
    (PLOVER_CATEGORIES as readonly string[]).includes(plover)
  ) {
    const allowed = /^(0[1-9]|1\d|20)\d{0,2}$/.test(cameo) ? ploverOfCameo(cameo) : [];
    if (allowed.length > 0 && !allowed.includes(plover as PloverCategory)) {
      problems.push({
        field: 'cameo',
        expected: `a CAMEO code of PLOVER category ${plover} (CAMEO ${cameo} is ${allowed.join(' or ')} in the PLOVER migration table)`,
      });
    }
  }
}

/** Validates one observation; returns it typed, or every problem found. */
export function validateObservation(fields: ObservationFields, ctx: ValidationContext): Validated {
  const f = present(fields);
  const problems: FieldProblem[] = [];
  if (f.scenario !== undefined && f.scenario.trim() !== ctx.scenario) {
    problems.push({
      field: 'scenario',
      expected: `'${ctx.scenario}' (the scenario being logged) or nothing, got ${shown(f.scenario.trim())}`,
    });
  }
  const iv = indicatorValue(f, ctx, problems);
  const parsed = FieldsSchema.safeParse(f);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ field: String(issue.path[0]) as FieldName, expected: issue.message });
    }
  }
  for (const d of ['event_date', 'report_date'] as const) {
    if (f[d] === undefined) problems.push({ field: d, expected: `${DATE_EXPECTED} (the field is missing)` });
  }
  crossChecks(f, problems);
  if (!parsed.success || iv === undefined || problems.length > 0)
    return { ok: false, problems: sorted(problems) };
  const v = parsed.data;
  const eventDate = v.event_date!;
  const reportDate = v.report_date!;
  const note = f.note?.trim();
  return {
    ok: true,
    observation: {
      scenario: ctx.scenario,
      indicator: iv.indicator,
      value: iv.value,
      eventDate,
      reportDate,
      source: v.source,
      reliability: v.reliability,
      credibility: v.credibility,
      ...(note ? { note } : {}),
      ...(v.plover === undefined
        ? {}
        : {
            category: {
              plover: v.plover,
              ...(v.cameo === undefined ? {} : { cameo: v.cameo }),
              ...(v.goldstein === undefined ? {} : { goldstein: v.goldstein }),
            },
          }),
    },
  };
}

/** The fields of an observation as typed, in the order problems are reported and CSV columns written. */
export const OBSERVATION_FIELDS: readonly FieldName[] = [
  'scenario',
  'indicator',
  'state',
  'weights',
  'probs',
  'event_date',
  'report_date',
  'source',
  'reliability',
  'credibility',
  'note',
  'plover',
  'cameo',
  'goldstein',
];

/** Problems in column order, so that reports read left to right. */
function sorted(problems: FieldProblem[]): FieldProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) => OBSERVATION_FIELDS.indexOf(a.p.field) - OBSERVATION_FIELDS.indexOf(b.p.field) || a.i - b.i,
    )
    .map((x) => x.p);
}

/**
 * A typed observation back as fields (validating them gives it again): for re-checking an exported
 * observation against a scenario.
 */
export function observationFields(o: NewObservation): ObservationFields {
  const v = o.value;
  const pairs = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([s, x]) => `${s}=${x}`)
      .join(';');
  return {
    scenario: o.scenario,
    indicator: o.indicator,
    ...(v.kind === 'hard' ? { state: v.state } : {}),
    ...(v.kind === 'likelihood' ? { weights: pairs(v.weights) } : {}),
    ...(v.kind === 'probability' ? { probs: pairs(v.probs) } : {}),
    event_date: o.eventDate,
    report_date: o.reportDate,
    source: o.source,
    reliability: o.reliability,
    credibility: String(o.credibility),
    ...(o.note === undefined ? {} : { note: o.note }),
    ...(o.category === undefined
      ? {}
      : {
          plover: o.category.plover,
          ...(o.category.cameo === undefined ? {} : { cameo: o.category.cameo }),
          ...(o.category.goldstein === undefined ? {} : { goldstein: String(o.category.goldstein) }),
        }),
  };
}
