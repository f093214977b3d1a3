// Reading a scenario from disk, kept apart from parsing (load.ts) so that the browser's bundle of
// the model (web/) carries no file-system code.
import { readFileSync } from 'node:fs';
import { ScenarioError } from './diagnostics.js';
import { parseScenario } from './load.js';
import type { Model } from './model.js';

/** Reads a scenario file; `file` is also the name used in diagnostics. Throws ScenarioError. */
export function loadScenario(file: string): Model {
  return parseScenario(readScenarioText(file), file);
}

/** A scenario file's text (or an episode's: `what`); a file that cannot be read is a located ScenarioError. */
export function readScenarioText(file: string, what = 'scenario'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new ScenarioError([
      { file, line: 0, col: 0, path: '(file)', message: `cannot read the ${what}: ${why}` },
    ]);
  }
}
