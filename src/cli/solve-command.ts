// `brink solve FILE --method M [--lambda L] [--json]`: Gambit-style equilibrium listing.
import { readGame } from '../game/gambit-format.js';
import type { Fraction } from '../game/num.js';
import {
  type Equilibrium,
  SOLVE_METHODS,
  type Solution,
  type SolveMethod,
  solveGame,
} from '../game/solve.js';
import { UsageError } from './errors.js';
import { formatExact, formatFloat } from './format-number.js';
import { readUserFile } from './read-file.js';

export interface SolveCommandOptions {
  method: string;
  lambda?: string;
  json?: boolean;
}

export function parseMethod(m: string): SolveMethod {
  if (!(SOLVE_METHODS as readonly string[]).includes(m)) {
    throw new UsageError(`--method ${m}: expected one of ${SOLVE_METHODS.join(', ')}`);
  }
  return m as SolveMethod;
}

export function parseLambda(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!Number.isFinite(x) || x < 0) throw new UsageError(`--lambda ${text}: expected a number ≥ 0`);
  return x;
}

function numbers(floats: number[], exact?: Fraction[]): string[] {
  return exact ? exact.map(formatExact) : floats.map(formatFloat);
}

/** Gambit's text form: `NE,` lines (or `λ,` lines for logit at a given λ), each followed by the payoffs. */
export function formatSolutionText(s: Solution, lambdaGiven: boolean): string {
  const lines: string[] = [];
  for (const eq of s.equilibria) {
    const probs = numbers(eq.flat, eq.exact).join(',');
    lines.push(lambdaGiven && eq.lambda !== undefined ? `${eq.lambda.toFixed(10)},${probs}` : `NE,${probs}`);
    lines.push(`payoffs,${numbers(eq.payoffs, eq.payoffsExact).join(',')}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function equilibriumJson(eq: Equilibrium) {
  return {
    probabilities: eq.flat,
    ...(eq.exact ? { exact: eq.exact.map(formatExact) } : {}),
    payoffs: eq.payoffs,
    ...(eq.payoffsExact ? { payoffsExact: eq.payoffsExact.map(formatExact) } : {}),
    regret: Number.isNaN(eq.regret) ? null : eq.regret,
    ...(eq.lambda !== undefined ? { lambda: eq.lambda } : {}),
  };
}

/** The documented JSON form (docs/cli.md). */
export function solutionJson(file: string, s: Solution) {
  return {
    file,
    method: s.method,
    form: s.form,
    players: s.players,
    labels: s.labels,
    equilibria: s.equilibria.map(equilibriumJson),
    notes: s.notes,
  };
}

export async function solveCommand(file: string, opts: SolveCommandOptions): Promise<void> {
  const method = parseMethod(opts.method);
  const lambda = parseLambda(opts.lambda);
  if (lambda !== undefined && method !== 'logit') throw new UsageError('--lambda goes with --method logit');
  const parsed = readGame(readUserFile(file), file);
  const solution = await solveGame(parsed, method, lambda === undefined ? {} : { lambda });
  for (const n of solution.notes) process.stderr.write(`brink: ${n}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(solutionJson(file, solution), null, 2)}\n`);
  else process.stdout.write(formatSolutionText(solution, lambda !== undefined));
}
