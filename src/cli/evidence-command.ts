// `brink evidence add|list|retract|import|export` (and `assess`, from evidence-assess-command.ts):
// the evidence log of a scenario's indicators, kept in the run database (docs/evidence-log.md).
// Observations are validated against the scenario (src/evidence/observation-validate.ts) before
// anything is written; an import is all rows or none.
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { valueText } from '../evidence/assessment-report.js';
import type { Observation } from '../evidence/observation-types.js';
import {
  type FieldName,
  type ObservationFields,
  type ValidationContext,
  isIsoDate,
  problemText,
  validateObservation,
} from '../evidence/observation-validate.js';
import { type CsvProblem, parseObservationCsv } from '../store/evidence-csv.js';
import {
  type ExportFormat,
  type ImportItem,
  addObservation,
  exportObservations,
  importObservations,
  listObservations,
  retractObservation,
} from '../store/evidence-log.js';
import { defaultStorePath } from '../store/run-store.js';
import { readScenario } from './analyze-command.js';
import { UsageError, runAction } from './errors.js';
import { registerEvidenceAssess } from './evidence-assess-command.js';
import { readUserFile } from './read-file.js';

const DB_HELP = 'the run database (default: $BRINK_DB, else $XDG_DATA_HOME/brink/brink.db)';
const SCENARIO_HELP =
  'scenario YAML whose indicators are observed (default: the bundled US–Iran 2026 scenario)';

export interface EvidenceAddOptions {
  indicator?: string;
  state?: string;
  weights?: string;
  probs?: string;
  eventDate?: string;
  reportDate?: string;
  source?: string;
  reliability?: string;
  credibility?: string;
  note?: string;
  plover?: string;
  cameo?: string;
  goldstein?: string;
  scenario?: string;
  db?: string;
}

export interface EvidenceListOptions {
  all?: boolean;
  asOf?: string;
  json?: boolean;
  scenario?: string;
  db?: string;
}

/** The scenario's id and indicators, for validation and for filtering the log. */
function scenarioContext(file: string | undefined): ValidationContext & { label: string } {
  const s = readScenario(file);
  return { scenario: s.model.spec.id, evidence: s.model.evidence, label: s.label };
}

/** A field as the user typed it on the command line. */
function optionName(f: FieldName): string {
  return `--${f.replace(/_/g, '-')}`;
}

function parseAsOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isIsoDate(text.trim())) throw new UsageError(`--as-of ${text}: expected an ISO date YYYY-MM-DD`);
  return text.trim();
}

/** `observed`, `weights observed=0.8 not_observed=0.2`, `probs …`. */

function categoryText(o: Observation): string {
  const c = o.category;
  if (c === undefined) return '';
  return [
    c.plover,
    c.cameo === undefined ? '' : `CAMEO ${c.cameo}`,
    c.goldstein === undefined ? '' : `G ${c.goldstein}`,
  ]
    .filter((x) => x !== '')
    .join(' ');
}

/** One line about an observation, for add and retract. */
function describe(o: Observation): string {
  return `${o.indicator} = ${valueText(o.value)} (event ${o.eventDate}, reported ${o.reportDate}, ${o.source}, ${o.reliability}${o.credibility})`;
}

export function evidenceAddCommand(opts: EvidenceAddOptions): string {
  const ctx = scenarioContext(opts.scenario);
  const fields: ObservationFields = {
    indicator: opts.indicator,
    state: opts.state,
    weights: opts.weights,
    probs: opts.probs,
    event_date: opts.eventDate,
    report_date: opts.reportDate,
    source: opts.source,
    reliability: opts.reliability,
    credibility: opts.credibility,
    note: opts.note,
    plover: opts.plover,
    cameo: opts.cameo,
    goldstein: opts.goldstein,
  };
  const v = validateObservation(fields, ctx);
  if (!v.ok) {
    const lines = v.problems.map((p) => `  ${problemText(p, optionName)}`);
    throw new UsageError(`evidence add: the observation was not added:\n${lines.join('\n')}`);
  }
  const o = addObservation(opts.db, v.observation);
  return `added observation ${o.id}: ${describe(o)}\n`;
}

/** The observations as an aligned table (retracted ones marked), or a note when there are none. */
export function observationsTable(observations: readonly Observation[]): string {
  if (observations.length === 0) return 'no observations\n';
  const head = ['id', 'event', 'reported', 'indicator', 'value', 'grade', 'source', 'category', 'note'];
  const rows = observations.map((o) => [
    String(o.id),
    o.eventDate,
    o.reportDate,
    o.indicator,
    valueText(o.value),
    `${o.reliability}${o.credibility}`,
    o.source,
    categoryText(o),
    [o.note ?? '', o.retracted === undefined ? '' : `[retracted ${o.retracted.at}: ${o.retracted.reason}]`]
      .filter((x) => x !== '')
      .join(' ')
      .replace(/\s+/g, ' '),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === cells.length - 1 ? c : c.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

export function evidenceListCommand(opts: EvidenceListOptions): string {
  const ctx = scenarioContext(opts.scenario);
  const observations = listObservations(opts.db, {
    scenario: ctx.scenario,
    asOf: parseAsOf(opts.asOf),
    includeRetracted: opts.all === true,
  });
  if (opts.json) return `${JSON.stringify(observations, null, 2)}\n`;
  return observationsTable(observations);
}

export function evidenceRetractCommand(id: string, opts: { reason?: string; db?: string }): string {
  if (!/^\d+$/.test(id.trim())) {
    throw new UsageError(
      `evidence retract ${id}: expected an observation id, a whole number (\`brink evidence list\` shows them)`,
    );
  }
  const reason = opts.reason?.trim() ?? '';
  if (reason === '')
    throw new UsageError('evidence retract: --reason is required: why the observation is withdrawn');
  const o = retractObservation(opts.db, Number(id), reason);
  return `retracted observation ${o.id}: ${describe(o)}\n  reason: ${reason}\n`;
}

/** The import's items, or every problem as `FILE:LINE: field — expected …`. */
export function readImportFile(
  file: string,
  text: string,
  ctx: ValidationContext,
): { items: ImportItem[]; problems: { line: number; text: string }[] } {
  const parsed = parseObservationCsv(text);
  const located = (p: CsvProblem) => `${file}:${p.line}: ${p.field} — expected ${p.expected}`;
  const problems = parsed.problems.map((p) => ({ line: p.line, text: located(p) }));
  const items: ImportItem[] = [];
  for (const row of parsed.rows) {
    const v = validateObservation(row.fields, ctx);
    if (!v.ok) {
      for (const p of v.problems)
        problems.push({ line: row.line, text: `${file}:${row.line}: ${problemText(p)}` });
    } else {
      items.push({
        observation: v.observation,
        ...(row.retracted === undefined ? {} : { retracted: row.retracted }),
      });
    }
  }
  // Shape problems and row problems are found in two passes: report them in line order.
  problems.sort((a, b) => a.line - b.line);
  return { items, problems };
}

export function evidenceImportCommand(file: string, opts: { scenario?: string; db?: string }): string {
  const ctx = scenarioContext(opts.scenario);
  const { items, problems } = readImportFile(file, readUserFile(file), ctx);
  if (problems.length > 0) {
    process.stderr.write(`${problems.map((p) => p.text).join('\n')}\n`);
    const rows = new Set(problems.map((p) => p.line)).size;
    throw new UsageError(
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} on ${rows} line${rows === 1 ? '' : 's'}; nothing was imported`,
    );
  }
  if (items.length === 0)
    throw new UsageError(`${file}: no observations (only a header); nothing was imported`);
  const stored = importObservations(opts.db, items);
  const first = stored[0]!.id;
  const last = stored[stored.length - 1]!.id;
  return `imported ${stored.length} observation${stored.length === 1 ? '' : 's'} (ids ${first}–${last}) into ${opts.db ?? defaultStorePath()}\n`;
}

export function evidenceExportCommand(opts: {
  format?: string;
  out?: string;
  scenario?: string;
  db?: string;
}): string {
  const format = (opts.format ?? 'csv') as ExportFormat;
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError(`--format ${opts.format}: expected csv or json`);
  }
  const ctx = scenarioContext(opts.scenario);
  const text = exportObservations(opts.db, { scenario: ctx.scenario }, format);
  if (opts.out === undefined) return text;
  try {
    writeFileSync(opts.out, text);
  } catch (e) {
    throw new UsageError(
      `${opts.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return '';
}

function print(text: string): void {
  process.stdout.write(text);
}

export function evidenceCommand(): Command {
  const evidence = new Command('evidence')
    .description(
      "the evidence log: observations of the scenario's indicators, and their assessment (docs/evidence-log.md)",
    )
    // An added command does not inherit the program's override; its subcommands inherit this one,
    // so a usage error (a missing option) exits 2 as everywhere else.
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  evidence
    .command('add')
    .description('log one observation of an indicator (validated against the scenario)')
    .requiredOption('--indicator <id>', "one of the scenario's indicators")
    .option('--state <state>', 'hard evidence: the state observed')
    .option('--weights <s=w,...>', 'soft evidence: likelihood weights of every state (virtual evidence)')
    .option('--probs <s=p,...>', 'soft evidence: probability of every state, adding up to 1 (Jeffrey)')
    .requiredOption('--event-date <date>', 'when the event happened (YYYY-MM-DD)')
    .requiredOption('--report-date <date>', 'when the report was received (YYYY-MM-DD)')
    .requiredOption('--source <text>', 'who reported it')
    .requiredOption(
      '--reliability <A-F>',
      'Admiralty source reliability: A completely reliable … F cannot be judged',
    )
    .requiredOption(
      '--credibility <1-6>',
      'Admiralty information credibility: 1 confirmed … 6 cannot be judged',
    )
    .option('--note <text>', 'free text')
    .option('--plover <category>', 'PLOVER event category (e.g. MOBILIZE, THREATEN, CONSULT)')
    .option('--cameo <code>', 'CAMEO event code (e.g. 152), with --plover')
    .option('--goldstein <score>', 'Goldstein score from -10 to 10, with --plover')
    .option('--scenario <file>', SCENARIO_HELP)
    .option('--db <file>', DB_HELP)
    .action((opts) => runAction(() => print(evidenceAddCommand(opts))));
  evidence
    .command('list')
    .description('the observations of the scenario, by event date')
    .option('--all', 'retracted observations too, with their retraction')
    .option('--as-of <date>', 'only reports received on or before this date (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .option('--scenario <file>', SCENARIO_HELP)
    .option('--db <file>', DB_HELP)
    .action((opts) => runAction(() => print(evidenceListCommand(opts))));
  evidence
    .command('retract')
    .description('withdraw an observation: it stays in the log, marked retracted with the reason')
    .argument('<id>', 'the observation id (`brink evidence list`)')
    .requiredOption('--reason <text>', 'why it is withdrawn')
    .option('--db <file>', DB_HELP)
    .action((id, opts) => runAction(() => print(evidenceRetractCommand(id, opts))));
  evidence
    .command('import')
    .description('add the observations of a CSV file: every row valid, or nothing is written')
    .argument('<file>', 'CSV with a header line (columns: docs/evidence-log.md)')
    .option('--scenario <file>', SCENARIO_HELP)
    .option('--db <file>', DB_HELP)
    .action((file, opts) => runAction(() => print(evidenceImportCommand(file, opts))));
  evidence
    .command('export')
    .description("the scenario's observations, retracted ones included, in the order logged")
    .option('--format <format>', 'csv | json', 'csv')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--scenario <file>', SCENARIO_HELP)
    .option('--db <file>', DB_HELP)
    .action((opts) => runAction(() => print(evidenceExportCommand(opts))));
  registerEvidenceAssess(evidence);
  return evidence;
}
