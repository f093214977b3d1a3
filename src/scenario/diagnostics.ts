// Problems in a scenario, reported as `file:line:col: path — what was expected`, never as a stack
// trace. A ScenarioError carries all the problems found, so one run shows them all.

export type Path = readonly (string | number)[];

export interface Diagnostic {
  readonly file: string;
  /** 1-based; 0 when the position is unknown. */
  readonly line: number;
  readonly col: number;
  /** Dotted path of the field in the scenario, e.g. `stages[2].options`. */
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out === '' ? '(top level)' : out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  return `${where}: ${d.path} — ${d.message}`;
}

export class ScenarioError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ScenarioError';
    this.diagnostics = diagnostics;
  }
}

/** Sorts by file position, so that reports read top to bottom. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}

/** A problem before it is given a file position. */
export interface Problem {
  readonly path: Path;
  readonly message: string;
  /** Point at the key (the name) rather than the value. */
  readonly key?: boolean;
  /** 0-based offset inside the scalar value (formulas). */
  readonly offset?: number;
}
