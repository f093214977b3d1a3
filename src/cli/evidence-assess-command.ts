// `brink evidence assess [SCENARIO] [--as-of DATE] [--format text|md|html|json] [--db PATH]`:
// posteriors of the scenario's hypothesis sets from the evidence log, with the timeline, the ACH
// matrix and the value of information (docs/evidence.md). Registered into the `evidence` command
// group (src/cli/evidence-command.ts).
import { Command } from 'commander';
import { type ReportFormat, renderReport } from '../analysis/report/render.js';
import { assessEvidence, assessmentReport } from '../evidence/assessment-report.js';
import { EvidenceError } from '../evidence/errors.js';
import type { Observation } from '../evidence/observation-types.js';
import { isIsoDate } from '../evidence/observation-validate.js';
import { listObservations } from '../store/evidence-log.js';
import { parseFormat, readScenario, writeOutput } from './analyze-command.js';
import { UsageError, runAction } from './errors.js';
import { packageVersion } from './package-root.js';

export interface EvidenceAssessOptions {
  asOf?: string;
  format?: string;
  json?: boolean;
  out?: string;
  db?: string;
  scenario?: string;
}

function asOfDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isIsoDate(text.trim())) throw new UsageError(`--as-of ${text}: expected an ISO date YYYY-MM-DD`);
  return text.trim();
}

/** The assessment report of a scenario (file, or the bundled one) on the given observations. */
export async function evidenceAssessReport(
  scenarioPath: string | undefined,
  opts: EvidenceAssessOptions,
  observationsOf: (scenarioId: string, asOf: string | undefined) => Observation[] = (id, asOf) =>
    listObservations(opts.db, { scenario: id, asOf }),
): Promise<string> {
  const asOf = asOfDate(opts.asOf);
  const format: ReportFormat = opts.json ? 'json' : parseFormat(opts.format);
  const scenario = readScenario(scenarioPath ?? opts.scenario);
  const model = scenario.model;
  if (model.evidence === undefined)
    throw new UsageError(
      `${scenario.label}: the scenario has no evidence: section (hypotheses and indicators; docs/evidence.md)`,
    );
  let reports: ReturnType<typeof assessEvidence>;
  try {
    reports = assessEvidence(model.evidence, observationsOf(model.spec.id, asOf), asOf);
  } catch (e) {
    if (e instanceof EvidenceError) throw new UsageError(e.message);
    throw e;
  }
  const doc = assessmentReport(reports, {
    title: model.spec.title,
    scenarioLabel: scenario.label,
    scenarioId: model.spec.id,
    asOf,
    version: packageVersion(),
  });
  return renderReport(doc, format);
}

/** The options and action of the assess command, on `cmd` (a subcommand or the top-level alias). */
function defineAssess(cmd: Command): Command {
  return cmd
    .description(
      'posteriors of the hypotheses, timeline, ACH matrix and value of information (docs/evidence.md)',
    )
    .argument('[scenario]', 'scenario YAML (default: the bundled US–Iran 2026 scenario)')
    .option('--as-of <date>', 'only reports received on or before this date (YYYY-MM-DD)')
    .option('--format <format>', 'text | md | html | json', 'text')
    .option('--json', 'the same as --format json')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--scenario <file>', 'the scenario, as the other evidence commands take it')
    .option('--db <file>', 'the run database (default: $BRINK_DB, else the user data directory)')
    .action((scenario: string | undefined, opts: EvidenceAssessOptions) =>
      runAction(async () => {
        const text = await evidenceAssessReport(scenario, opts);
        if (opts.out === undefined) process.stdout.write(text);
        else writeOutput(opts.out, text);
      }),
    );
}

/** `brink evidence assess`, registered by the evidence command group. */
export function registerEvidenceAssess(evidenceCommand: Command): void {
  defineAssess(evidenceCommand.command('assess'));
}

/** `brink assess`, the same command at the top level (the name issue 7 gives it). */
export function assessCommand(): Command {
  return defineAssess(new Command('assess'));
}
