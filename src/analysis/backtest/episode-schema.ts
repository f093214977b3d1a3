// The shape of a backtest episode file, in zod: a scenario (a file of the scenario language, or one
// embedded in the episode), the situation before the decision (moves already made, parameter
// overrides, what each side knew), the decision predicted, the choice actually made, and sources.
// Cross-references (stage and option names, the real choice among the options) are checked by
// load-episode.ts against the compiled scenario, with file:line:col diagnostics.
import { z } from 'zod';
import { propertyNames } from '../../scenario/load.js';
import { Id, Parameter, SingleSource } from '../../scenario/schema.js';

const Text = z.string().min(1, { error: 'expected non-empty text' });

/** The shared classes every option of a decision maps to, so that base rates compare episodes. */
export const OPTION_CLASSES = ['de-escalate', 'match', 'escalate'] as const;
export type OptionClass = (typeof OPTION_CLASSES)[number];

const Citation = z
  .strictObject({
    citation: Text.meta({ description: 'A publication or record: author, title, date.' }),
    note: z.string().optional(),
  })
  .meta({ id: 'Citation', title: 'Citation' });

const EpisodeSource = z.union([SingleSource, Citation], {
  error:
    'expected a source: "fact:<id>", {fact: <id>}, {seed: <file>, quote: <sentence>}, {judgement: <reason>} or {citation: <text>}',
});

const Situation = z
  .strictObject({
    description: z.string().optional(),
    moves: z.record(Id, Id).default({}).meta({
      description:
        'Step (an earlier stage, chance event or private type) → the option or outcome it took: the path prefix that reaches the decision.',
    }),
    knew: z.record(Id, Text).default({}).meta({
      description: 'Actor → what it knew at the time (the scenario encodes it in observes/observed_by).',
    }),
    parameters: z
      .record(Id, Parameter)
      .default({})
      .meta({ description: 'Parameters that differ from the scenario, each with its source.' }),
  })
  .meta({ description: 'The situation as it stood before the decision.' });

const Decision = z
  .strictObject({
    stage: Id.meta({ description: 'The decision stage whose choice is predicted.' }),
    actor: Id.optional().meta({ description: 'Its mover (checked against the stage).' }),
    description: z.string().optional(),
    classes: z.record(Id, z.enum(OPTION_CLASSES)).meta({
      description: 'Every option of the stage → de-escalate | match | escalate (for the base rate).',
    }),
  })
  .meta({ description: 'The decision being predicted.' });

const Tuned = z
  .strictObject({
    parameter: Id,
    on: z.array(Text).min(1).meta({ description: 'Ids of the episodes the parameter was fitted on.' }),
    reason: Text,
  })
  .meta({ description: 'A parameter fitted on episodes: those episodes are then not scored.' });

export const Episode = z
  .strictObject({
    brink_episode: z.literal(1).meta({ description: 'Version of the episode format.' }),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected an id of letters, digits, ., _ and -' }),
    title: Text,
    // A bare year reads as a number in YAML: it is taken as the text of the year.
    date: z.preprocess(
      (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
      z
        .string({ error: 'expected a date YYYY, YYYY-MM or YYYY-MM-DD' })
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected a date YYYY, YYYY-MM or YYYY-MM-DD' }),
    ),
    description: z.string().optional(),
    sources: z
      .array(EpisodeSource)
      .min(1, { error: 'expected at least one source (fact:<id> or a citation)' }),
    scenario: z
      .union([Text, z.record(z.string(), z.unknown())], {
        error: 'expected a scenario file (a path relative to this episode) or an embedded scenario (a map)',
      })
      .meta({ description: 'A scenario file relative to the episode, or a scenario embedded here.' }),
    situation: Situation.default({ moves: {}, knew: {}, parameters: {} }),
    decision: Decision,
    real_choice: Id.meta({ description: 'The option actually chosen, one of the decision stage’s options.' }),
    real_choice_note: z.string().optional(),
    tuned: z.array(Tuned).default([]),
  })
  .meta({ title: 'Brink backtest episode' });

export type EpisodeSpec = z.output<typeof Episode>;
export type EpisodeSourceSpec = z.output<typeof EpisodeSource>;

/** The episode format as JSON Schema (draft 2020-12), for editors: schema/episode.schema.json. */
export function episodeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Episode, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** Every field name of the episode format, for "did you mean" on unknown fields. */
export function episodeKeys(): Set<string> {
  return propertyNames(z.toJSONSchema(Episode, { io: 'input', unrepresentable: 'any' }));
}
