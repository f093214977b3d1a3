// How the command line reports failures: a clear message and an exit code, never a stack trace.
// 2 = the user's input is wrong (file, scenario, option); 1 = Brink itself failed.

/** An error in what the user gave us (bad option, missing file, unsupported game for a method). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Errors that carry a user-facing location already (file:line:col: ...). */
function isInputError(e: unknown): e is Error {
  if (!(e instanceof Error)) return false;
  return [
    'UsageError',
    'GameFormatError',
    'ScenarioError',
    'SolverInputError',
    'StoreError',
    'BargainInputError',
    'EconInputError',
  ].includes(e.name);
}

/** Runs a command body, turning errors into a message on stderr and an exit code. */
export async function runAction(body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (isInputError(e)) {
      process.stderr.write(`brink: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`brink: internal error: ${msg}\n`);
    if (process.env.BRINK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  }
}
