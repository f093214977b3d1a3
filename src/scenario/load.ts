// Reading a scenario: YAML text → validated shape (zod) → semantic checks → compiled model.
// Every problem becomes a `file:line:col: path — what was expected` diagnostic; all of them are
// thrown together as one ScenarioError, never a stack trace and never a silent default.
import { LineCounter, parseDocument, visit } from 'yaml';
import { checkScenario } from './check.js';
import { type Diagnostic, type Problem, ScenarioError, formatPath, sortDiagnostics } from './diagnostics.js';
import { type Locator, makeLocator } from './locate.js';
import { type Model, buildModel } from './model.js';
import { Scenario, type ScenarioSpec, scenarioJsonSchema } from './schema.js';
import { buildSymbols } from './symbols.js';
import { shapeProblems } from './zod-issues.js';

/** Every property name anywhere in a JSON Schema, for "did you mean" on unknown fields. */
export function propertyNames(jsonSchema: unknown): Set<string> {
  const keys = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object')
        for (const k of Object.keys(o.properties)) keys.add(k);
      Object.values(o).forEach(walk);
    }
  };
  walk(jsonSchema);
  return keys;
}

let knownKeys: Set<string> | undefined;

/** Every field name the scenario schema knows. */
export function schemaKeys(): Set<string> {
  knownKeys ??= propertyNames(scenarioJsonSchema());
  return knownKeys;
}

export function toDiagnostics(problems: readonly Problem[], file: string, locate: Locator): Diagnostic[] {
  return sortDiagnostics(
    problems.map((p) => {
      const pos = locate(p.path, { key: p.key, offset: p.offset });
      return { file, line: pos.line, col: pos.col, path: formatPath(p.path), message: p.message };
    }),
  );
}

/** The YAML syntax errors of a document, first line of each message, without yaml's own position suffix. */
function yamlDiagnostics(
  errors: readonly { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }[],
  file: string,
): Diagnostic[] {
  return errors.map((e) => {
    const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const pos = e.linePos?.[0] ?? { line: 0, col: 0 };
    return { file, line: pos.line, col: pos.col, path: '(YAML syntax)', message: first };
  });
}

/** Validated scenario data plus the means to point back into its file. */
export interface ParsedScenario {
  readonly spec: ScenarioSpec;
  readonly file: string;
  readonly locate: Locator;
}

/** YAML → validated shape; throws ScenarioError. No cross-reference checks (see parseScenario). */
export function parseScenarioShape(text: string, file: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ScenarioError(yamlDiagnostics(doc.errors as never, file));
  const locate = makeLocator(doc, lineCounter, text);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // Unresolved aliases and alias bombs surface only here; point at the first alias if there is one.
    let at = { line: 0, col: 0 };
    visit(doc, {
      Alias(_, node) {
        if (node.range) at = lineCounter.linePos(node.range[0]);
        return visit.BREAK;
      },
    });
    throw new ScenarioError([{ file, ...at, path: '(YAML)', message: (e as Error).message }]);
  }
  if (data === null || data === undefined) {
    throw new ScenarioError([
      {
        file,
        line: 1,
        col: 1,
        path: '(top level)',
        message: 'the file is empty: expected a scenario (id, title, actors, ladders, stages, payoffs)',
      },
    ]);
  }
  const result = Scenario.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new ScenarioError(toDiagnostics(shapeProblems(result.error.issues, schemaKeys()), file, locate));
  }
  return { spec: result.data, file, locate };
}

/** Parses, validates and checks scenario text, and compiles its formulas. Throws ScenarioError. */
export function parseScenario(text: string, file = '<scenario>'): Model {
  const { spec, locate } = parseScenarioShape(text, file);
  const symbols = buildSymbols(spec);
  const problems = checkScenario(spec, symbols);
  if (problems.length > 0) throw new ScenarioError(toDiagnostics(problems, file, locate));
  return buildModel(spec, symbols, file, locate);
}

/** A ScenarioError for problems found after loading (e.g. while compiling a draw). */
export function modelError(
  model: Pick<Model, 'file' | 'locate'>,
  problems: readonly Problem[],
): ScenarioError {
  const locate: Locator = model.locate ?? (() => ({ line: 0, col: 0 }));
  return new ScenarioError(toDiagnostics(problems, model.file, locate));
}
