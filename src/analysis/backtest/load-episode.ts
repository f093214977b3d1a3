// Reading a backtest episode: YAML text → validated shape (zod) → its scenario (a file relative to
// the episode, or embedded) with the episode's parameter overrides → cross-checks of the situation
// and the decision against the scenario. Every problem is a `file:line:col: path — what was
// expected` diagnostic (the machinery of src/scenario/load.ts); all are thrown together as one
// ScenarioError. Problems inside an embedded scenario point into the episode file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkScenario } from '../../scenario/check.js';
import { type Diagnostic, type Problem, ScenarioError } from '../../scenario/diagnostics.js';
import { readScenarioText } from '../../scenario/load-file.js';
import { parseScenarioShape, schemaKeys, toDiagnostics } from '../../scenario/load.js';
import { type Locator, makeLocator } from '../../scenario/locate.js';
import { type Model, buildModel } from '../../scenario/model.js';
import { Scenario, type ScenarioSpec } from '../../scenario/schema.js';
import { didYouMean } from '../../scenario/suggest.js';
import { buildSymbols } from '../../scenario/symbols.js';
import { shapeProblems } from '../../scenario/zod-issues.js';
import { Episode, type EpisodeSpec, type OptionClass, episodeKeys } from './episode-schema.js';

/** An episode ready to solve: its model and the situation and decision as step and choice indices. */
export interface LoadedEpisode {
  readonly spec: EpisodeSpec;
  readonly file: string;
  /** How reports name the file (default: the file as given). */
  readonly label: string;
  /** Where the scenario came from: its file, or `<episode file> (embedded)`. */
  readonly scenarioLabel: string;
  readonly model: Model;
  /** Step index (types, then stages: CompiledGame.steps) of the decision. */
  readonly decisionStep: number;
  /** The decision's options (the stage's choices, model order) and their classes. */
  readonly options: readonly string[];
  readonly classes: readonly OptionClass[];
  /** Index of the real choice among `options`. */
  readonly realIndex: number;
  /** The situation as [step index, choice index] pairs. */
  readonly situation: readonly (readonly [number, number])[];
  /** Points into the episode file (for problems found while solving). */
  readonly locate: Locator;
}

function fail(file: string, locate: Locator, problems: readonly Problem[]): never {
  throw new ScenarioError(toDiagnostics(problems, file, locate));
}

/** YAML text → the episode's validated shape, with a locator into the text. */
export function parseEpisodeShape(text: string, file: string): { spec: EpisodeSpec; locate: Locator } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e): Diagnostic => {
        const pos = e.linePos?.[0] ?? { line: 0, col: 0 };
        const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return { file, line: pos.line, col: pos.col, path: '(YAML syntax)', message };
      }),
    );
  }
  const locate = makeLocator(doc, lineCounter, text);
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    fail(file, locate, [
      {
        path: [],
        message:
          'expected an episode: brink_episode, id, title, date, sources, scenario, situation, decision, real_choice',
      },
    ]);
  }
  const result = Episode.safeParse(data, { reportInput: true });
  if (!result.success) fail(file, locate, shapeProblems(result.error.issues, episodeKeys()));
  return { spec: result.data, locate };
}

interface ScenarioSource {
  readonly spec: ScenarioSpec;
  readonly file: string;
  readonly label: string;
  /** Locates paths of the scenario (for the model: problems found while compiling). */
  readonly locate: Locator;
  /** Path of the scenario inside the file: [] for a scenario file, ['scenario'] when embedded. */
  readonly prefix: readonly string[];
}

/** The episode's scenario: a file relative to the episode, or the embedded map (located in the episode). */
function scenarioOf(ep: EpisodeSpec, file: string, label: string, locate: Locator): ScenarioSource {
  if (typeof ep.scenario === 'string') {
    const path = resolve(dirname(file), ep.scenario);
    let text: string;
    try {
      text = readScenarioText(path);
    } catch {
      fail(file, locate, [
        { path: ['scenario'], message: `cannot read the scenario file '${ep.scenario}' (${path})` },
      ]);
    }
    const parsed = parseScenarioShape(text, path);
    return { spec: parsed.spec, file: path, label: ep.scenario, locate: parsed.locate, prefix: [] };
  }
  const inner: Locator = (p, o) => locate(['scenario', ...p], o);
  const result = Scenario.safeParse(ep.scenario, { reportInput: true });
  if (!result.success) fail(file, locate, shapeProblems(result.error.issues, schemaKeys(), ['scenario']));
  return { spec: result.data, file, label: `${label} (embedded)`, locate: inner, prefix: ['scenario'] };
}

/** The scenario with the situation's parameter overrides; unknown names are episode problems. */
function withOverrides(spec: ScenarioSpec, ep: EpisodeSpec, problems: Problem[]): ScenarioSpec {
  const names = Object.keys(spec.parameters);
  for (const name of Object.keys(ep.situation.parameters)) {
    if (!(name in spec.parameters)) {
      problems.push({
        path: ['situation', 'parameters', name],
        key: true,
        message: `no parameter '${name}' in the scenario${didYouMean(name, names)}; it has: ${names.join(', ') || '(none)'}`,
      });
    }
  }
  return { ...spec, parameters: { ...spec.parameters, ...ep.situation.parameters } };
}

/** Steps of the model: private types, then stages (the numbering of CompiledGame.steps). */
function stepIds(model: Model): string[] {
  return [...model.types.map((t) => t.id), ...model.stages.map((s) => s.id)];
}

function stepChoices(model: Model, step: number): string[] {
  const T = model.types.length;
  return step < T ? model.types[step]!.values : model.stages[step - T]!.choices.map((c) => c.id);
}

/** Checks the decision and situation against the model; fills `problems`. */
function crossCheck(
  ep: EpisodeSpec,
  model: Model,
  problems: Problem[],
): Omit<LoadedEpisode, 'spec' | 'file' | 'label' | 'scenarioLabel' | 'model' | 'locate'> | undefined {
  const steps = stepIds(model);
  const T = model.types.length;
  const decisionStages = model.stages.filter((s) => s.kind === 'decision').map((s) => s.id);
  const k = model.stages.findIndex((s) => s.id === ep.decision.stage);
  const stage = model.stages[k];
  if (!stage || stage.kind !== 'decision') {
    problems.push({
      path: ['decision', 'stage'],
      message: `'${ep.decision.stage}' is not a decision stage of the scenario${didYouMean(ep.decision.stage, decisionStages)}; its decision stages: ${decisionStages.join(', ')}`,
    });
    return undefined;
  }
  const mover = model.actors[stage.actor]!;
  if (ep.decision.actor !== undefined && ep.decision.actor !== mover) {
    problems.push({
      path: ['decision', 'actor'],
      message: `stage '${stage.id}' is a decision of ${mover}, not of '${ep.decision.actor}'`,
    });
  }
  const options = stage.choices.map((c) => c.id);
  for (const o of Object.keys(ep.decision.classes)) {
    if (!options.includes(o)) {
      problems.push({
        path: ['decision', 'classes', o],
        key: true,
        message: `'${o}' is not an option of stage '${stage.id}'${didYouMean(o, options)}; its options: ${options.join(', ')}`,
      });
    }
  }
  const missing = options.filter((o) => !(o in ep.decision.classes));
  if (missing.length > 0) {
    problems.push({
      path: ['decision', 'classes'],
      message: `expected a class (de-escalate | match | escalate) for every option of stage '${stage.id}'; missing: ${missing.join(', ')}`,
    });
  }
  const realIndex = options.indexOf(ep.real_choice);
  if (realIndex < 0) {
    problems.push({
      path: ['real_choice'],
      message: `the real choice '${ep.real_choice}' is not among the modelled options of ${mover} at stage '${stage.id}'${didYouMean(ep.real_choice, options)}: the options are ${options.join(', ')}. Model the choice actually made as an option, or map it to the closest one and say so in real_choice_note`,
    });
  }
  const decisionStep = T + k;
  const situation: [number, number][] = [];
  for (const [step, choice] of Object.entries(ep.situation.moves)) {
    const s = steps.indexOf(step);
    if (s < 0) {
      problems.push({
        path: ['situation', 'moves', step],
        key: true,
        message: `no stage or private type '${step}' in the scenario${didYouMean(step, steps)}`,
      });
      continue;
    }
    if (s >= decisionStep) {
      problems.push({
        path: ['situation', 'moves', step],
        key: true,
        message: `'${step}' does not come before the decision stage '${stage.id}': a situation names earlier moves only`,
      });
      continue;
    }
    const choices = stepChoices(model, s);
    const c = choices.indexOf(choice);
    if (c < 0) {
      problems.push({
        path: ['situation', 'moves', step],
        message: `'${choice}' is not an option or outcome of '${step}'${didYouMean(choice, choices)}; it has: ${choices.join(', ')}`,
      });
      continue;
    }
    situation.push([s, c]);
  }
  for (const actor of Object.keys(ep.situation.knew)) {
    if (!model.actors.includes(actor)) {
      problems.push({
        path: ['situation', 'knew', actor],
        key: true,
        message: `'${actor}' is not an actor of the scenario${didYouMean(actor, model.actors)}; its actors: ${model.actors.join(', ')}`,
      });
    }
  }
  for (const t of ep.tuned) {
    if (!model.params.some((p) => p.name === t.parameter)) {
      problems.push({
        path: ['tuned'],
        message: `tuned parameter '${t.parameter}' is not a parameter of the scenario`,
      });
    }
  }
  return {
    decisionStep,
    options,
    classes: options.map((o) => ep.decision.classes[o] ?? 'match'),
    realIndex,
    situation: situation.sort((a, b) => a[0] - b[0]),
  };
}

/** Parses and checks episode text; `file` names it in diagnostics and anchors a relative scenario path. */
export function parseEpisode(text: string, file: string, label = file): LoadedEpisode {
  const { spec: ep, locate } = parseEpisodeShape(text, file);
  const src = scenarioOf(ep, file, label, locate);
  const problems: Problem[] = [];
  const spec = withOverrides(src.spec, ep, problems);
  if (problems.length > 0) fail(file, locate, problems);
  const symbols = buildSymbols(spec);
  const scenarioProblems = checkScenario(spec, symbols);
  if (scenarioProblems.length > 0) {
    // Problems of an embedded scenario read as paths of the episode (scenario.payoffs...).
    const prefixed = scenarioProblems.map((p) => ({ ...p, path: [...src.prefix, ...p.path] }));
    fail(src.file, src.prefix.length > 0 ? locate : src.locate, prefixed);
  }
  const model = buildModel(spec, symbols, src.file, src.locate);
  const checked = crossCheck(ep, model, problems);
  if (problems.length > 0 || !checked) fail(file, locate, problems);
  return { spec: ep, file, label, scenarioLabel: src.label, model, locate, ...checked };
}

/** Reads an episode file; `label` names it in reports (default: the path). Throws ScenarioError. */
export function loadEpisode(file: string, label = file): LoadedEpisode {
  return parseEpisode(readScenarioText(file, 'episode'), file, label);
}
