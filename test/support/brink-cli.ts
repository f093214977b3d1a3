// The built `brink` command, run in a child process by the end-to-end tests (npm test builds dist
// first: see "pretest"). Exit code, stdout and stderr come back as plain data.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The package root. */
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'dist/src/cli/main.js');

export interface BrinkRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `brink ARGS...` from the package root, with extra environment variables when given. */
export function brinkWithEnv(env: Record<string, string>, ...args: string[]): BrinkRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function brink(...args: string[]): BrinkRun {
  return brinkWithEnv({}, ...args);
}
