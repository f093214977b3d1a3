// `brink explain NAME [--scenario FILE] [--format text|json]`: where a parameter, option, state
// variable, named formula or payoff term of a scenario comes from and what it feeds.
import { join } from 'node:path';
import { formatExplanation } from '../analysis/explain-text.js';
import { explain, suggestName } from '../analysis/explain.js';
import { loadScenario } from '../scenario/load-file.js';
import { DEFAULT_SCENARIO } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageRoot } from './package-root.js';

export interface ExplainCommandOptions {
  scenario?: string;
  format?: 'text' | 'json';
}

export { DEFAULT_SCENARIO } from './analyze-command.js';
export { packageRoot };

/** The text (or JSON) explaining `name`; throws UsageError for an unknown name or format. */
export function explainText(name: string, opts: ExplainCommandOptions = {}): string {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format ${format}: expected text or json`);
  const file = opts.scenario ?? join(packageRoot(), DEFAULT_SCENARIO);
  const model = loadScenario(file);
  const e = explain(model, name);
  if (e.subjects.length === 0) {
    const near = suggestName(model, name);
    const hint = near === undefined ? '' : ` (did you mean '${near}'?)`;
    throw new UsageError(
      `'${name}' is not a parameter, option, chance outcome, state variable, named formula or payoff term of ${model.spec.id}${hint}`,
    );
  }
  return format === 'json' ? `${JSON.stringify(e, null, 2)}\n` : formatExplanation(e);
}

export function explainCommand(name: string, opts: ExplainCommandOptions = {}): void {
  process.stdout.write(explainText(name, opts));
}
