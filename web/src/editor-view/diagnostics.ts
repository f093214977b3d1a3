// The scenario editor's problems: the scenario loader's own diagnostics (file, 1-based line and
// column, field path, message; src/scenario/diagnostics.ts), and the same as CodeMirror lint marks
// at their place in the text. Pure, so the worker, the page and the tests share it.
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { type Diagnostic, ScenarioError, sortDiagnostics } from '../../../src/scenario/diagnostics.js';
import { parseScenario } from '../../../src/scenario/load.js';

/** Every problem of the scenario text, top to bottom; none when it parses, checks and compiles. */
export function scenarioDiagnostics(text: string, file: string): Diagnostic[] {
  try {
    parseScenario(text, file);
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return sortDiagnostics(e.diagnostics);
    // Anything else is still a problem of this text: shown without a position, never swallowed.
    return [{ file, line: 0, col: 0, path: '(scenario)', message: (e as Error).message }];
  }
}

/**
 * The text a diagnostic points at: from its column to the end of the name there (letters, digits,
 * `_` and `.`), else of the token up to a space, else of the line's content when the column is at a
 * space. Unknown positions (line 0) mark the start of the first line.
 */
export function diagnosticRange(
  d: Pick<Diagnostic, 'line' | 'col'>,
  doc: Text,
): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
  const offset = d.line > 0 ? Math.min(Math.max(d.col - 1, 0), line.length) : 0;
  const from = line.from + offset;
  const rest = line.text.slice(offset);
  const token = /^[\w.]+|^\S+/.exec(rest)?.[0].length ?? rest.trimEnd().length;
  return { from, to: from + token };
}

export function lintMarks(diagnostics: readonly Diagnostic[], doc: Text): LintDiagnostic[] {
  return diagnostics.map((d) => ({
    ...diagnosticRange(d, doc),
    severity: 'error',
    source: d.path,
    message: `${d.path} — ${d.message}`,
  }));
}
