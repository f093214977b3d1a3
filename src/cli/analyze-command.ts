// `brink analyze [SCENARIO] [--seed N] [--draws N] [--format text|md|html|json] [--out FILE] [--quiet]`:
// the Monte Carlo analysis of the US–Iran scenario (docs/analyze.md) as a report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeModel } from '../analysis/analyze.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../analysis/report/render.js';
import { loadScenario } from '../scenario/load.js';
import { UsageError } from './errors.js';
import { packageRoot, packageVersion } from './package-root.js';

export interface AnalyzeCommandOptions {
  seed?: string;
  draws?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
}

/** The scenario analysed when none is given, relative to the package root (not the working directory). */
export const DEFAULT_SCENARIO = 'scenarios/us-iran-2026.yaml';

/** A draw count beyond this is surely a typo (each draw solves twelve games). */
const MAX_DRAWS = 100_000;

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(x)) {
    throw new UsageError(`--seed ${text}: expected a whole number ≥ 0`);
  }
  return x;
}

export function parseDraws(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!/^\d+$/.test(text.trim()) || x < 1 || x > MAX_DRAWS) {
    throw new UsageError(`--draws ${text}: expected a whole number from 1 to ${MAX_DRAWS}`);
  }
  return x;
}

export function parseFormat(text: string | undefined): ReportFormat {
  const f = text ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f}: expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  return f as ReportFormat;
}

/** The report text; progress goes to stderr unless quiet. Throws UsageError or ScenarioError. */
export async function analyzeReport(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions = {},
): Promise<string> {
  const seed = parseSeed(opts.seed);
  const draws = parseDraws(opts.draws);
  const format = parseFormat(opts.format);
  const file = scenarioPath ?? join(packageRoot(), DEFAULT_SCENARIO);
  const model = loadScenario(file);
  const started = Date.now();
  const progress = !opts.quiet && process.stderr.isTTY;
  const analysis = analyzeModel(model, {
    seed,
    draws,
    scenarioLabel: scenarioPath ?? DEFAULT_SCENARIO,
    version: packageVersion(),
    onDraw: progress
      ? (done, total) => process.stderr.write(`\rbrink analyze: draw ${done}/${total}`)
      : undefined,
  });
  if (!opts.quiet) {
    // Timing goes to stderr only: the report itself must not depend on the machine.
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `${progress ? '\n' : ''}brink analyze: ${analysis.run.draws} draws in ${seconds} s\n`,
    );
  }
  const doc = format === 'json' ? { ...analysis.doc, data: analysis.results } : analysis.doc;
  return renderReport(doc, format);
}

export async function analyzeCommand(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions = {},
): Promise<void> {
  const text = await analyzeReport(scenarioPath, opts);
  if (opts.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(opts.out, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${opts.out}: cannot write (${code ?? (e as Error).message})`);
  }
}
