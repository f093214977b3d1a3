// The scenario language: the shape of a scenario file, in zod. This is the single definition; the
// JSON Schema in schema/scenario.schema.json is generated from it (see write-schema.ts).
// Cross-references (unknown actors, names in formulas, cycles...) are checked later, in check.ts.
import { z } from 'zod';

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID_HELP = 'a name of letters, digits and _ that does not start with a digit';

export const Id = z.string().regex(ID_PATTERN, { error: `expected ${ID_HELP}` });

const Text = z.string().min(1, { error: 'expected non-empty text' });

/**
 * A formula of the expression language (see expr/), or a plain number or truth value.
 * Formulas may use parameters, named formulas, `state.<var>`, private types and earlier moves.
 */
export const Formula = z
  .union([z.string().min(1), z.number(), z.boolean()], {
    error: 'expected a formula: text such as "0.5 * us.resolve", or a number',
  })
  .meta({ id: 'Formula', description: 'A formula (text), a number or a truth value.' });

// ---- sources -------------------------------------------------------------------------------------

const SeedSource = z
  .strictObject({
    seed: Text.meta({ description: 'File name of the seed document, e.g. 003_82137da3c5b8a964.txt' }),
    quote: Text.meta({ description: 'The sentence of the seed the value rests on, verbatim.' }),
    note: z.string().optional(),
  })
  .meta({ id: 'SeedSource', title: 'Seed source' });
const FactSource = z
  .strictObject({
    fact: Text.meta({ description: 'Id of an entry of facts.yaml' }),
    note: z.string().optional(),
  })
  .meta({ id: 'FactSource', title: 'Fact source' });
const JudgementSource = z
  .strictObject({ judgement: Text.meta({ description: 'Why this value: the reasoning behind it.' }) })
  .meta({ id: 'JudgementSource', title: 'Judgement' });
const FactShorthand = z.string().regex(/^fact:\S+$/, {
  error:
    'expected "fact:<id>" as text; other sources are {seed: <file>, quote: <sentence>} or {judgement: <reason>}',
});

const SOURCE_HELP =
  'every parameter needs a source: {seed: <file>, quote: <sentence>}, {fact: <id>}, "fact:<id>" or {judgement: <reason>}';

export const SingleSource = z.union([FactShorthand, SeedSource, FactSource, JudgementSource], {
  error: SOURCE_HELP,
});
export const Source = z.union([SingleSource, z.array(SingleSource).min(1)], { error: SOURCE_HELP }).meta({
  id: 'Source',
  description:
    'Where a value comes from: a seed quote, a fact id, or a stated judgement (or a list of them).',
});

// ---- parameters ----------------------------------------------------------------------------------

const paramCommon = {
  source: Source,
  description: z.string().optional(),
  unit: z.string().optional(),
};

const positive = (what: string) => z.number().positive({ error: `expected ${what} > 0` });

const PointParam = z.strictObject({ dist: z.literal('point').optional(), value: z.number(), ...paramCommon });
const UniformParam = z
  .strictObject({ dist: z.literal('uniform'), low: z.number(), high: z.number(), ...paramCommon })
  .refine((p) => p.low < p.high, { error: 'expected low < high', path: ['high'] });
const TriangularParam = z
  .strictObject({
    dist: z.literal('triangular'),
    low: z.number(),
    mode: z.number(),
    high: z.number(),
    ...paramCommon,
  })
  .refine((p) => p.low < p.high && p.low <= p.mode && p.mode <= p.high, {
    error: 'expected low <= mode <= high and low < high',
    path: ['mode'],
  });
const NormalParam = z
  .strictObject({
    dist: z.literal('normal'),
    mean: z.number(),
    sd: positive('sd'),
    min: z.number().optional().meta({ description: 'Truncate below (not clip).' }),
    max: z.number().optional().meta({ description: 'Truncate above (not clip).' }),
    ...paramCommon,
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min < p.max, {
    error: 'expected min < max',
    path: ['max'],
  });
const LognormalParam = z
  .strictObject({
    dist: z.literal('lognormal'),
    mu: z.number().meta({ description: 'Mean of the logarithm.' }),
    sigma: positive('sigma').meta({ description: 'Standard deviation of the logarithm.' }),
    min: z.number().optional(),
    max: positive('max').optional(),
    ...paramCommon,
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min < p.max, {
    error: 'expected min < max',
    path: ['max'],
  });
const BetaParam = z.strictObject({
  dist: z.literal('beta'),
  alpha: positive('alpha'),
  beta: positive('beta'),
  ...paramCommon,
});
const DiscreteParam = z
  .strictObject({
    dist: z.literal('discrete'),
    values: z.array(z.number()).min(1),
    probs: z.array(z.number().nonnegative()).min(1),
    ...paramCommon,
  })
  .refine((p) => p.values.length === p.probs.length, {
    error: 'expected as many probs as values',
    path: ['probs'],
  })
  .refine((p) => Math.abs(p.probs.reduce((s, x) => s + x, 0) - 1) < 1e-9, {
    error: 'expected probs that add up to 1',
    path: ['probs'],
  });

export const Parameter = z
  .discriminatedUnion('dist', [
    PointParam,
    UniformParam,
    TriangularParam,
    NormalParam,
    LognormalParam,
    BetaParam,
    DiscreteParam,
  ])
  .meta({
    id: 'Parameter',
    description:
      'A value ({value}) or a distribution (dist: uniform | triangular | normal | lognormal | beta | discrete), always with a source.',
  });

// ---- actors --------------------------------------------------------------------------------------

export const ACTOR_KINDS = ['state', 'faction', 'proxy', 'third-party', 'mediator'] as const;

const Actor = z
  .strictObject({
    kind: z.enum(ACTOR_KINDS),
    label: z.string().optional(),
    description: z.string().optional(),
    parent: Id.optional().meta({ description: 'The state a faction or proxy belongs to.' }),
    autonomy: Parameter.optional().meta({
      description: 'Proxies: how far they act on their own (0..1), usable in formulas as <actor>.autonomy.',
    }),
    params: z
      .record(Id, Parameter)
      .optional()
      .meta({ description: 'Per-actor parameters, used as <actor>.<name>.' }),
  })
  .superRefine((a, ctx) => {
    if ((a.kind === 'faction' || a.kind === 'proxy') && a.parent === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a parent state for a ${a.kind}`, path: ['parent'] });
    }
    if (a.kind === 'proxy' && a.autonomy === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected an autonomy parameter for a proxy',
        path: ['autonomy'],
      });
    }
    if (a.kind !== 'proxy' && a.autonomy !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'autonomy is only for proxies', path: ['autonomy'] });
    }
  });

// ---- outcome state -------------------------------------------------------------------------------

const StateVar = z.union(
  [
    z.number(),
    z.strictObject({
      default: z.number(),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: z.string().optional(),
      description: z.string().optional(),
    }),
  ],
  { error: 'expected a number (the starting value) or {default, min?, max?, unit?, description?}' },
);

const Effect = z
  .union(
    [
      Formula,
      z.strictObject({ add: Formula }),
      z.strictObject({ set: Formula }),
      z.strictObject({ mul: Formula }),
      z.strictObject({ max: Formula }),
      z.strictObject({ min: Formula }),
    ],
    { error: 'expected a formula (added to the variable) or one of {add}, {set}, {mul}, {max}, {min}' },
  )
  .meta({
    id: 'Effect',
    description:
      'Change of an outcome-state variable: a formula is added; {set} replaces; {mul} multiplies; {max}/{min} raise/lower to at least/most.',
  });

const Effects = z.record(Id, Effect).meta({
  id: 'Effects',
  description: 'Outcome-state variable → change. All are computed from the state before the move.',
});

// ---- options and ladders -------------------------------------------------------------------------

const Option = z
  .strictObject({
    label: z.string().optional(),
    description: z.string().optional(),
    rank: z
      .number()
      .optional()
      .meta({ description: 'Height on the ladder; defaults to the position (0, 1, ...).' }),
    available: Formula.optional().meta({ description: 'Offered only where this is true.' }),
    effects: Effects.optional(),
    ends: z.boolean().optional().meta({ description: 'Choosing it ends the episode.' }),
    source: Source.optional(),
  })
  .nullable()
  .meta({ id: 'Option', description: 'An option (a rung). An empty entry is an option with no effects.' });

const Threshold = z.strictObject({
  rank: z.number().meta({ description: 'Crossed by choosing a rung of this rank or higher.' }),
  name: Text,
  description: z.string().optional(),
});

const Ladder = z
  .strictObject({
    label: z.string().optional(),
    description: z.string().optional(),
    thresholds: z
      .array(Threshold)
      .optional()
      .meta({ description: "Named gaps between rungs (Kahn 1965's thresholds)." }),
    rungs: z
      .record(Id, Option)
      .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one rung' }),
  })
  .meta({ description: 'An ordered escalation ladder of one actor.' });

// ---- private types -------------------------------------------------------------------------------

const PrivateType = z
  .strictObject({
    actor: Id,
    label: z.string().optional(),
    description: z.string().optional(),
    observed_by: z
      .array(Id)
      .optional()
      .meta({ description: 'Other actors who know the draw (the owner always does).' }),
    prior: z
      .record(Id, z.union([Formula, z.literal('otherwise')]))
      .refine((r) => Object.keys(r).length >= 2, { error: 'expected at least two values' })
      .meta({
        description: "Value → prior probability (formulas of parameters); at most one may say 'otherwise'.",
      }),
    source: Source.optional(),
  })
  .meta({
    description: "An actor's private type, drawn by chance at the root. <type>.<value> is 1 when drawn.",
  });

// ---- stages --------------------------------------------------------------------------------------

const Observes = z
  .union([z.literal('all'), z.array(Id)], { error: "expected 'all' or a list of stage and type names" })
  .meta({
    description:
      "What the mover sees of the past: 'all' (default: every earlier stage it may see) or a list of stage/type names. Own moves, own types, types shown to it (observed_by) and what it saw before are always known.",
  });

const ActorStage = z
  .strictObject({
    id: Id,
    actor: Id,
    label: z.string().optional(),
    description: z.string().optional(),
    options: z.array(Id).min(1).optional().meta({
      description: "Options or whole ladders of the actor offered here (default: all the actor's options).",
    }),
    observes: Observes.optional(),
    observed_by: z
      .array(Id)
      .optional()
      .meta({ description: 'Who may see this move later (default: everyone).' }),
    when: Formula.optional().meta({ description: 'The stage happens only where this is true.' }),
  })
  .meta({ title: 'Decision stage' });

const ChanceOutcome = z
  .strictObject({
    prob: z.union([Formula, z.literal('otherwise')]).meta({
      description: "Probability formula; at most one outcome may say 'otherwise' (1 − the others).",
    }),
    label: z.string().optional(),
    description: z.string().optional(),
    effects: Effects.optional(),
    ends: z.boolean().optional(),
  })
  .meta({ title: 'Chance outcome' });

const ChanceStage = z
  .strictObject({
    id: Id,
    chance: z
      .record(Id, ChanceOutcome)
      .refine((r) => Object.keys(r).length >= 1, { error: 'expected at least one outcome' }),
    label: z.string().optional(),
    description: z.string().optional(),
    observed_by: z.array(Id).optional().meta({ description: 'Who may see the outcome (default: everyone).' }),
    when: Formula.optional(),
    source: Source.optional(),
  })
  .meta({ title: 'Chance event' });

const Stage = z.union([ActorStage, ChanceStage], {
  error:
    'expected a stage: {id, actor, options?, observes?, when?} or {id, chance: {outcome: {prob, effects?}}, when?}',
});

// ---- payoffs -------------------------------------------------------------------------------------

const Term = z
  .union([Formula, z.record(Id, Formula)], {
    error: 'expected a formula or a map of named parts to formulas',
  })
  .meta({ id: 'Term', description: 'A formula, or named parts (e.g. per issue) that add up.' });

export const PAYOFF_TERMS = ['gains', 'C_kinetic', 'C_reputation', 'C_opportunity'] as const;
export type PayoffTerm = (typeof PAYOFF_TERMS)[number];

const Payoff = z
  .strictObject({
    description: z.string().optional(),
    gains: Term.optional(),
    C_kinetic: Term.optional(),
    C_reputation: Term.optional(),
    C_opportunity: Term.optional(),
  })
  .meta({ description: 'U = gains − (C_kinetic + C_reputation + C_opportunity); a missing term is 0.' });

// ---- named formulas and policies -----------------------------------------------------------------

const NamedFormula = z.union(
  [
    Formula,
    z.strictObject({ formula: Formula, description: z.string().optional(), unit: z.string().optional() }),
  ],
  {
    error: 'expected a formula or {formula, description?, unit?}',
  },
);

const PolicyRule = z
  .strictObject({
    stage: Id,
    forbid: z.array(Id).min(1).optional(),
    fix: Id.optional(),
    when: Formula.optional(),
  })
  .refine((r) => (r.forbid === undefined) !== (r.fix === undefined), {
    error: 'expected exactly one of forbid (a list of options) or fix (one option)',
  });

const Policy = z.strictObject({
  label: z.string().optional(),
  description: z.string().optional(),
  rules: z.array(PolicyRule).min(1),
});

// ---- negotiation agenda --------------------------------------------------------------------------

const unit = (what: string) =>
  z
    .number()
    .min(0, { error: `expected ${what} in [0, 1]` })
    .max(1, { error: `expected ${what} in [0, 1]` });

const NegotiationIssue = z
  .strictObject({
    label: Text,
    scale: z
      .tuple([z.number(), z.number()])
      .refine((s) => s[0] < s[1], { error: 'expected a scale [lo, hi] with lo < hi' })
      .default([0, 10])
      .meta({ description: 'The ends of the issue scale, [lo, hi] (default [0, 10]).' }),
    verifiable: z.boolean().meta({ description: 'Can a concession on the issue be publicly verified?' }),
    description: z.string().optional(),
    source: Source,
  })
  .meta({ description: 'An issue of the negotiation agenda, as a scale.' });

const IssuePosition = z
  .strictObject({
    position: z.number().meta({ description: "Preferred outcome on the issue's scale." }),
    salience: unit('salience').meta({
      description: 'How much the issue matters to the stakeholder, in [0, 1].',
    }),
    source: Source,
  })
  .meta({ description: 'A stakeholder on one issue.' });

export const PUBLICITY_NEEDS = ['public', 'ambiguity', 'any'] as const;

const PublicityNeed = z.strictObject({ need: z.enum(PUBLICITY_NEEDS), source: Source }).meta({
  description:
    "'public': accepts a deal on the issue only with a public, verifiable concession; 'ambiguity': cannot concede publicly; 'any'.",
});

const Stakeholder = z
  .strictObject({
    label: Text,
    description: z.string().optional(),
    capability: unit('capability').meta({ description: 'Capability (influence on the outcome), in [0, 1].' }),
    source: Source,
    positions: z.record(Id, IssuePosition).meta({
      description:
        'Issue id → position and salience; an issue left out is one the stakeholder is not engaged on.',
    }),
    needs: z
      .record(Id, PublicityNeed)
      .optional()
      .meta({ description: 'Principals: issue id → what kind of concession the stakeholder can accept.' }),
  })
  .meta({ description: 'A stakeholder of the negotiation agenda.' });

const Negotiation = z
  .strictObject({
    description: z.string().optional(),
    issues: z
      .record(Id, NegotiationIssue)
      .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one issue' }),
    stakeholders: z
      .record(Id, Stakeholder)
      .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one stakeholder' }),
  })
  .meta({
    description:
      'The negotiation agenda: issues as scales, stakeholders with capability, positions and salience.',
  });

// ---- evidence: hypotheses and indicators ---------------------------------------------------------

const Hypothesis = z
  .strictObject({
    label: z.string().optional(),
    description: z.string().optional(),
    prior: unit('a prior'),
    source: Source,
  })
  .meta({ description: 'One hypothesis of a set, with its prior probability.' });

const HypothesisSet = z
  .strictObject({
    label: z.string().optional(),
    description: z.string().optional(),
    type: Id.optional().meta({
      description:
        'A private type whose values are these hypotheses: `brink analyze --evidence` uses the posterior as its prior.',
    }),
    hypotheses: z
      .record(Id, Hypothesis)
      .refine((r) => Object.keys(r).length >= 2, { error: 'expected at least two hypotheses' })
      .meta({ description: 'Mutually exclusive and exhaustive: the priors add up to 1.' }),
  })
  .meta({ description: 'A set of competing hypotheses (ACH), mutually exclusive and exhaustive.' });

const Indicator = z
  .strictObject({
    label: z.string().optional(),
    description: z.string().optional(),
    set: Id.meta({ description: 'The hypothesis set the indicator bears on.' }),
    group: Id.optional().meta({
      description:
        'Indicators of one group are correlated (e.g. force posture): only the most diagnostic observed item of a group counts.',
    }),
    states: z
      .array(Id)
      .min(2, { error: 'expected at least two states' })
      .meta({ description: 'What can be observed, e.g. [observed, not_observed].' }),
    likelihood: z.record(Id, z.record(Id, unit('a likelihood'))).meta({
      description: 'Hypothesis → state → P(state | hypothesis); each row adds up to 1.',
    }),
    source: Source,
  })
  .meta({ description: 'An observable indicator with its likelihood under each hypothesis.' });

const Evidence = z
  .strictObject({
    description: z.string().optional(),
    sets: z
      .record(Id, HypothesisSet)
      .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one hypothesis set' }),
    indicators: z.record(Id, Indicator).default({}),
  })
  .meta({
    description: 'Competing hypotheses and the indicators that discriminate them (see docs/evidence.md).',
  });

// ---- the scenario --------------------------------------------------------------------------------

const Defaults = z.strictObject({
  seed: z.number().int().nonnegative().default(1),
  lambda: positive('lambda').default(10).meta({ description: 'Logit QRE rationality (λ).' }),
  draws: z.number().int().positive().default(1000),
});

export const Scenario = z
  .strictObject({
    brink: z.literal(1).optional().meta({ description: 'Version of the scenario language.' }),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected an id of letters, digits, ., _ and -' }),
    title: Text,
    description: z.string().optional(),
    defaults: Defaults.default({ seed: 1, lambda: 10, draws: 1000 }),
    actors: z
      .record(Id, Actor)
      .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one actor' }),
    parameters: z.record(Id, Parameter).default({}),
    state: z.record(Id, StateVar).default({}),
    formulas: z.record(Id, NamedFormula).default({}),
    ladders: z.record(Id, z.record(Id, Ladder)).meta({ description: 'Actor → ladder name → ladder.' }),
    types: z.record(Id, PrivateType).default({}),
    stages: z.array(Stage).min(1).meta({ description: 'The move order, after the private types are drawn.' }),
    payoffs: z.record(Id, Payoff).meta({ description: 'Actor → payoff terms.' }),
    policies: z.record(Id, Policy).default({}),
    negotiation: Negotiation.optional().meta({
      description: 'The negotiation agenda (issues and stakeholders), for the negotiation analysis.',
    }),
    evidence: Evidence.optional().meta({
      description: 'Hypotheses and indicators, for `brink evidence assess` and `brink analyze --evidence`.',
    }),
  })
  .meta({
    title: 'Brink scenario',
    description:
      'A crisis as a game: actors, sourced parameters, options on ladders, a move order and payoffs.',
  });

export type ScenarioSpec = z.output<typeof Scenario>;
export type ParameterSpec = z.output<typeof Parameter>;
export type SourceSpec = z.output<typeof Source>;
export type ActorSpec = ScenarioSpec['actors'][string];
export type StageSpec = ScenarioSpec['stages'][number];
export type ActorStageSpec = z.output<typeof ActorStage>;
export type ChanceStageSpec = z.output<typeof ChanceStage>;
export type OptionSpec = NonNullable<z.output<typeof Option>>;
export type LadderSpec = z.output<typeof Ladder>;
export type EffectSpec = z.output<typeof Effect>;
export type FormulaSpec = z.output<typeof Formula>;
export type TermSpec = z.output<typeof Term>;
export type PolicySpec = z.output<typeof Policy>;
export type PrivateTypeSpec = z.output<typeof PrivateType>;
export type NegotiationSpec = z.output<typeof Negotiation>;
export type NegotiationIssueSpec = z.output<typeof NegotiationIssue>;
export type StakeholderSpec = z.output<typeof Stakeholder>;
export type EvidenceSpec = z.output<typeof Evidence>;
export type HypothesisSetSpec = z.output<typeof HypothesisSet>;
export type IndicatorSpec = z.output<typeof Indicator>;
export type PublicityNeedKind = (typeof PUBLICITY_NEEDS)[number];

export function isChanceStage(s: StageSpec): s is ChanceStageSpec {
  return 'chance' in s;
}

/** The JSON Schema of scenario files (input form: defaults are optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Scenario, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
